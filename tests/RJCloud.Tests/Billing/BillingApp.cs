using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.EntityFrameworkCore;
using RJCloud.Shared.Money;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Billing.Plans;
using RJCloud.Tenancy.Persistence;
using RJCloud.Tenancy.Registry;
using RJCloud.Tenancy.Billing.Events;
using RJCloud.Tests.Identity;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Billing;

/// <summary>
/// The service with billing configured against a fake Stripe on loopback, a clock tests can move,
/// and no background billing passes: tests run the processor themselves, as a replica would.
/// </summary>
public sealed class BillingApp : IdentityApp
{
    public const string WebhookSecret = "whsec_test_only_not_a_real_secret";
    public const int GraceDays = 14;
    public const int TrialDays = 30;

    public FakeStripe Stripe { get; } = new();

    public SettableClock Clock { get; } = new();

    public CapturedLogs Logs { get; } = new();

    internal BillingEventProcessor Processor => Services.GetRequiredService<BillingEventProcessor>();

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        Stripe.StartAsync().GetAwaiter().GetResult();
        builder.UseSetting("Billing:StripeSecretKey", "sk_test_fake_key_for_the_fake_server");
        builder.UseSetting("Billing:WebhookSecret", WebhookSecret);
        builder.UseSetting("Billing:ApiBase", Stripe.BaseUrl);
        builder.UseSetting("Billing:RequestTimeoutSeconds", "1");
        builder.UseSetting("Billing:Attempts", "2");
        builder.UseSetting("Billing:GraceDays", GraceDays.ToString());
        builder.UseSetting("Billing:TrialDays", TrialDays.ToString());
        builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<Serilog.Core.ILogEventSink>(Logs);
        foreach (var worker in services.Where(d => d.ImplementationType == typeof(BillingWorker)).ToList()) services.Remove(worker);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }

    /// <summary>A new office with a tenant admin signed in, and that admin's GraphQL client.</summary>
    public async Task<GraphQLClient> AdminOfAsync(string office, params string[] roles)
    {
        var email = $"admin-{Guid.NewGuid():N}@{office}.test";
        await PersonAsync(office, email, roles.Length == 0 ? [Roles.TenantAdmin] : roles);
        return GraphQLWith((await new Browser(this).AuthorizationCodeFlowAsync(office, email, Password)).AccessToken!);
    }

    public async Task<GraphQLClient> OperatorAsync()
    {
        var email = $"operator-{Guid.NewGuid():N}@platform.test";
        await PersonAsync("platform", email, Roles.PlatformOperator);
        return GraphQLWith((await new Browser(this).AuthorizationCodeFlowAsync("platform", email, Password)).AccessToken!);
    }

    /// <summary>Posts an event to the webhook as Stripe would, signed with the secret at the given time (now by default).</summary>
    public async Task<HttpResponseMessage> DeliverAsync(string payload, DateTimeOffset? signedAt = null, string secret = WebhookSecret)
    {
        var timestamp = (signedAt ?? Clock.GetUtcNow()).ToUnixTimeSeconds();
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/billing/stripe/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", $"t={timestamp},v1={signature}");
        return await CreateClient().SendAsync(request);
    }

    public async Task DeliverAndProcessAsync(string payload)
    {
        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(payload)).StatusCode);
        await Processor.ProcessPendingAsync(default);
    }

    /// <summary>A plan of the price list, added directly as an operator would through createBillingPlan.</summary>
    public async Task<string> PlanAsync(string code, PlanPricing pricing = PlanPricing.YearlyFlatFee, decimal pounds = 12000m)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();
        if (!await db.Set<BillingPlan>().AnyAsync(p => p.Code == code))
        {
            db.Add(BillingPlan.Create(code, $"Plan {code}", pricing, Money.Pounds(pounds), $"price_{code.Replace('-', '_')}", Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        return code;
    }

    /// <summary>The office's Stripe customer id as the registry holds it (set by checkout).</summary>
    public async Task<string?> CustomerOfAsync(string office)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TenancyDbContext>().Tenants
            .Where(t => t.Identifier == office).Select(t => t.BillingCustomerId).SingleAsync();
    }

    /// <summary>The office's status in the registry.</summary>
    public async Task<TenantStatus> StatusOfAsync(string office)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TenancyDbContext>().Tenants
            .Where(t => t.Identifier == office).Select(t => t.Status).SingleAsync();
    }

    /// <summary>
    /// An office that has subscribed: its admin went through checkout (the fake Stripe made its
    /// customer) and Stripe confirmed. Returns the admin's client and the Stripe customer id.
    /// </summary>
    public async Task<(GraphQLClient Admin, string Customer, string Subscription)> SubscribedOfficeAsync(string office, string plan = "flat-2026")
    {
        await OfficeAsync(office);
        var admin = await AdminOfAsync(office);
        await PlanAsync(plan);
        var started = await admin.PostAsync(StartCheckout, new { input = new { planCode = plan } });
        Assert.Empty(started.AssertStatus(HttpStatusCode.OK).Data.GetProperty("startBillingCheckout").GetProperty("userErrors").EnumerateArray());
        var customer = (await CustomerOfAsync(office))!;
        var subscription = $"sub_{Guid.NewGuid():N}";
        await DeliverAndProcessAsync(StripeEvents.CheckoutCompleted((await OfficeAsync(office)).Id, customer, subscription, plan, Clock.GetUtcNow()));
        return (admin, customer, subscription);
    }

    /// <summary>The stored event with this Stripe id, or null when none was stored.</summary>
    public async Task<BillingEvent?> StoredEventAsync(string id)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TenancyDbContext>().Set<BillingEvent>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id);
    }

    public const string StartCheckout =
        "mutation($input: StartBillingCheckoutInput!) { startBillingCheckout(input: $input) { checkoutUrl userErrors { code field message } } }";

    public const string OpenPortal =
        "mutation($input: OpenBillingPortalInput!) { openBillingPortal(input: $input) { portalUrl userErrors { code message } } }";

    /// <summary>The office's billing as its admin reads it.</summary>
    public static async Task<JsonElement> BillingOfAsync(GraphQLClient admin) =>
        (await admin.PostAsync("{ billing { status plan { code } trialEndsAt graceEndsAt nextInvoiceAt invoices(first: 10) { edges { node { id number status amountPaid } } } } }"))
            .AssertStatus(HttpStatusCode.OK).Data.GetProperty("billing");
}
