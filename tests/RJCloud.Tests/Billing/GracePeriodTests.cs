using System.Net;
using System.Text.Json;
using RJCloud.Tenancy.Registry;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Billing;

/// <summary>A failed payment leaves the office working until its grace period ends, then read-only until it pays.</summary>
public sealed class GracePeriodTests(BillingApp app) : IClassFixture<BillingApp>
{
    private const string Deactivate = "mutation($input: DeactivateUserInput!) { deactivateUser(input: $input) { userErrors { code } } }";

    private static async Task<string?> AnyChangeAsync(GraphQLClient admin) =>
        (await admin.PostAsync(Deactivate, new { input = new { userId = Isolation.Matrix.Absent.Id("User") } })).AssertStatus(HttpStatusCode.OK)
            .Data.GetProperty("deactivateUser").GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).FirstOrDefault();

    [Fact]
    public async Task Given_a_failed_payment_Then_the_office_works_through_the_grace_period_then_is_read_only_except_for_paying_until_it_pays()
    {
        var (admin, customer, _) = await app.SubscribedOfficeAsync("grace");
        var failedAt = app.Clock.GetUtcNow();

        await app.DeliverAndProcessAsync(StripeEvents.PaymentFailed(customer, "in_grace_000001", 40_000, failedAt));
        var failed = await BillingApp.BillingOfAsync(admin);
        await app.DeliverAndProcessAsync(StripeEvents.PaymentFailed(customer, "in_grace_000001", 40_000, failedAt.AddDays(3)));
        var retriedAndFailed = await BillingApp.BillingOfAsync(admin);
        var duringGrace = await AnyChangeAsync(admin);

        app.Clock.Advance(TimeSpan.FromDays(BillingApp.GraceDays - 1));
        await app.Processor.EnforceDeadlinesAsync(default);
        var lastDay = await app.StatusOfAsync("grace");
        app.Clock.Advance(TimeSpan.FromDays(2));
        await app.Processor.EnforceDeadlinesAsync(default);
        var lapsedAdmin = await app.AdminOfAsync("grace");
        var lapsed = await BillingApp.BillingOfAsync(lapsedAdmin);
        var whileLapsed = await AnyChangeAsync(lapsedAdmin);
        var portal = (await lapsedAdmin.PostAsync(BillingApp.OpenPortal, new { input = new { } })).Data.GetProperty("openBillingPortal");

        await app.DeliverAndProcessAsync(StripeEvents.InvoicePaid(customer, "in_grace_000001", 40_000, app.Clock.GetUtcNow(), app.Clock.GetUtcNow().AddMonths(1)));
        var paid = await BillingApp.BillingOfAsync(lapsedAdmin);
        var afterPaying = await AnyChangeAsync(lapsedAdmin);

        Assert.Equal("PAYMENT_FAILED", failed.GetProperty("status").GetString());
        var graceEnds = failed.GetProperty("graceEndsAt").GetDateTimeOffset();
        Assert.InRange(graceEnds - failedAt, TimeSpan.FromDays(BillingApp.GraceDays) - TimeSpan.FromMinutes(5), TimeSpan.FromDays(BillingApp.GraceDays) + TimeSpan.FromMinutes(5));
        Assert.Equal(graceEnds, retriedAndFailed.GetProperty("graceEndsAt").GetDateTimeOffset());
        Assert.Equal("NOT_FOUND", duringGrace);
        Assert.Equal(TenantStatus.Active, lastDay);
        Assert.Equal("LAPSED", lapsed.GetProperty("status").GetString());
        Assert.Equal("TENANT_READ_ONLY", whileLapsed);
        Assert.Empty(portal.GetProperty("userErrors").EnumerateArray());
        Assert.NotNull(portal.GetProperty("portalUrl").GetString());
        Assert.Equal("ACTIVE", paid.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, paid.GetProperty("graceEndsAt").ValueKind);
        Assert.Equal("NOT_FOUND", afterPaying);
        Assert.Equal(TenantStatus.Active, await app.StatusOfAsync("grace"));
    }
}

/// <summary>A new office tries the service; when the trial ends unpaid it becomes read-only, and can still subscribe.</summary>
public sealed class TrialTests(BillingApp app) : IClassFixture<BillingApp>
{
    [Fact]
    public async Task Given_a_new_office_Then_it_is_on_trial_and_when_the_trial_ends_unpaid_it_is_read_only_but_can_subscribe()
    {
        await app.OfficeAsync("newcomer");
        await app.PlanAsync("flat-2026");
        var startedAt = app.Clock.GetUtcNow();
        await app.Processor.EnforceDeadlinesAsync(default);
        var trial = await BillingApp.BillingOfAsync(await app.AdminOfAsync("newcomer"));

        app.Clock.Advance(TimeSpan.FromDays(BillingApp.TrialDays + 1));
        await app.Processor.EnforceDeadlinesAsync(default);
        var admin = await app.AdminOfAsync("newcomer");
        var ended = await BillingApp.BillingOfAsync(admin);
        var checkout = (await admin.PostAsync(BillingApp.StartCheckout, new { input = new { planCode = "flat-2026" } })).Data.GetProperty("startBillingCheckout");

        Assert.Equal("TRIAL", trial.GetProperty("status").GetString());
        Assert.InRange(trial.GetProperty("trialEndsAt").GetDateTimeOffset() - startedAt,
            TimeSpan.FromDays(BillingApp.TrialDays) - TimeSpan.FromMinutes(5), TimeSpan.FromDays(BillingApp.TrialDays) + TimeSpan.FromMinutes(5));
        Assert.Equal("LAPSED", ended.GetProperty("status").GetString());
        Assert.Equal(TenantStatus.ReadOnly, await app.StatusOfAsync("newcomer"));
        Assert.Empty(checkout.GetProperty("userErrors").EnumerateArray());
        Assert.StartsWith("https://checkout.stripe.test/", checkout.GetProperty("checkoutUrl").GetString());
        Assert.False(app.Stripe.Requests.Single(r => r.Path == "/v1/checkout/sessions").Form.ContainsKey("subscription_data[trial_end]"));
    }
}
