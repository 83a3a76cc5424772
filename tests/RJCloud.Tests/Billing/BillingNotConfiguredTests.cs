using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Tenancy.Billing.Events;
using RJCloud.Tenancy.Registry;
using RJCloud.Tests.Identity;

namespace RJCloud.Tests.Billing;

/// <summary>With no Stripe key the service runs as before: billing says it is not set up, and no office is ever made read-only by it.</summary>
public sealed class BillingNotConfiguredTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task Given_no_Stripe_key_Then_billing_mutations_say_BILLING_NOT_CONFIGURED_and_offices_are_left_alone()
    {
        await app.OfficeAsync("unbilled");
        var email = $"admin-{Guid.NewGuid():N}@unbilled.test";
        await app.PersonAsync("unbilled", email, Tenancy.Authorization.Roles.TenantAdmin);
        var admin = app.GraphQLWith((await new Browser(app).AuthorizationCodeFlowAsync("unbilled", email, IdentityApp.Password)).AccessToken!);

        var checkout = (await admin.PostAsync(BillingApp.StartCheckout, new { input = new { planCode = "flat-2026" } })).AssertStatus(HttpStatusCode.OK);
        var portal = (await admin.PostAsync(BillingApp.OpenPortal, new { input = new { } })).AssertStatus(HttpStatusCode.OK);
        var billing = (await admin.PostAsync("{ billing { status plan { code } } }")).AssertStatus(HttpStatusCode.OK);
        using var webhook = await app.CreateClient().PostAsync("/billing/stripe/webhook", new StringContent("{}"));
        var lapsed = await app.Services.GetRequiredService<BillingEventProcessor>().EnforceDeadlinesAsync(default);

        Assert.Equal("BILLING_NOT_CONFIGURED", checkout.Data.GetProperty("startBillingCheckout").GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Equal("BILLING_NOT_CONFIGURED", portal.Data.GetProperty("openBillingPortal").GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Equal("TRIAL", billing.Data.GetProperty("billing").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, webhook.StatusCode);
        Assert.Equal(0, lapsed);
        Assert.Equal(TenantStatus.Active, (await app.OfficeAsync("unbilled")).Status);
    }
}
