using System.Net;
using System.Text.Json;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Tests.Billing;

/// <summary>Tenant admins go to Stripe to subscribe and to manage payment; Stripe is a fake on loopback.</summary>
public sealed class CheckoutTests(BillingApp app) : IClassFixture<BillingApp>
{
    private static JsonElement Payload(Infrastructure.GraphQLResponse response, string field) =>
        response.AssertStatus(HttpStatusCode.OK).Data.GetProperty(field);

    private static string? FirstError(JsonElement payload) =>
        payload.GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).FirstOrDefault();

    [Fact]
    public async Task Given_a_tenant_admin_and_a_plan_Then_checkout_starts_at_Stripe_for_the_office_s_one_customer()
    {
        await app.OfficeAsync("kent");
        var admin = await app.AdminOfAsync("kent");
        await app.PlanAsync("flat-2026");
        app.Stripe.Forget();

        var first = Payload(await admin.PostAsync(BillingApp.StartCheckout, new { input = new { planCode = "flat-2026" } }), "startBillingCheckout");
        var second = Payload(await admin.PostAsync(BillingApp.StartCheckout, new { input = new { planCode = "flat-2026" } }), "startBillingCheckout");

        var (customer, office) = (await app.CustomerOfAsync("kent"), (await app.OfficeAsync("kent")).Id.ToString());
        Assert.Null(FirstError(first));
        Assert.StartsWith("https://checkout.stripe.test/c/pay/cs_test_", first.GetProperty("checkoutUrl").GetString());
        var customers = app.Stripe.Requests.Where(r => r.Path == "/v1/customers").ToList();
        var sessions = app.Stripe.Requests.Where(r => r.Path == "/v1/checkout/sessions").ToList();
        Assert.Single(customers);
        Assert.Equal(2, sessions.Count);
        Assert.All(sessions, s => Assert.Equal(customer, s.Form["customer"]));
        Assert.All(sessions, s => Assert.Equal("price_flat_2026", s.Form["line_items[0][price]"]));
        Assert.All(sessions, s => Assert.Equal(office, s.Form["client_reference_id"]));
        Assert.NotEqual(sessions[0].IdempotencyKey, sessions[1].IdempotencyKey);
        Assert.DoesNotContain(customers[0].Form, f => f.Value.Contains('@'));
    }

    [Fact]
    public async Task Given_a_per_practitioner_plan_Then_checkout_charges_for_at_least_one_practitioner()
    {
        await app.OfficeAsync("wiltshire");
        var admin = await app.AdminOfAsync("wiltshire");
        await app.PlanAsync("per-practitioner", Tenancy.Billing.Plans.PlanPricing.PerActivePractitioner, 25m);
        app.Stripe.Forget();

        var started = Payload(await admin.PostAsync(BillingApp.StartCheckout, new { input = new { planCode = "per-practitioner" } }), "startBillingCheckout");

        Assert.Null(FirstError(started));
        Assert.Equal("1", app.Stripe.Requests.Single(r => r.Path == "/v1/checkout/sessions").Form["line_items[0][quantity]"]);
    }

    [Fact]
    public async Task Given_other_roles_Then_checkout_and_the_portal_are_refused_and_Stripe_is_not_called()
    {
        await app.OfficeAsync("surrey");
        await app.PlanAsync("flat-2026");
        var others = await app.AdminOfAsync("surrey", [.. Roles.TenantRoles.Where(r => r != Roles.TenantAdmin)]);
        app.Stripe.Forget();

        var checkout = await others.PostAsync(BillingApp.StartCheckout, new { input = new { planCode = "flat-2026" } });
        var portal = await others.PostAsync(BillingApp.OpenPortal, new { input = new { } });
        var billing = await others.PostAsync("{ billing { status } }");

        Assert.All(new[] { checkout, portal, billing }, r => Assert.Equal(HttpStatusCode.Forbidden, r.Status));
        Assert.All(new[] { checkout, portal, billing }, r => Assert.Equal("FORBIDDEN", r.FirstErrorCode));
        Assert.Empty(app.Stripe.Requests);
    }

    [Fact]
    public async Task Given_an_unknown_or_malformed_plan_Then_the_answer_is_NOT_FOUND_and_Stripe_is_not_called()
    {
        await app.OfficeAsync("sussex");
        var admin = await app.AdminOfAsync("sussex");
        app.Stripe.Forget();

        var unknown = Payload(await admin.PostAsync(BillingApp.StartCheckout, new { input = new { planCode = "no-such-plan" } }), "startBillingCheckout");
        var malformed = Payload(await admin.PostAsync(BillingApp.StartCheckout, new { input = new { planCode = "'; DROP TABLE x; --" } }), "startBillingCheckout");

        Assert.Equal("NOT_FOUND", FirstError(unknown));
        Assert.Equal("NOT_FOUND", FirstError(malformed));
        Assert.Equal(["input", "planCode"], unknown.GetProperty("userErrors")[0].GetProperty("field").EnumerateArray().Select(f => f.GetString()));
        Assert.Empty(app.Stripe.Requests);
        Assert.Null(await app.CustomerOfAsync("sussex"));
    }

    [Fact]
    public async Task Given_Stripe_hangs_Then_the_admin_is_told_within_the_timeout_and_every_attempt_carried_the_same_idempotency_key()
    {
        await app.OfficeAsync("dorset");
        var admin = await app.AdminOfAsync("dorset");
        await app.PlanAsync("flat-2026");
        Payload(await admin.PostAsync(BillingApp.StartCheckout, new { input = new { planCode = "flat-2026" } }), "startBillingCheckout");
        app.Stripe.Forget();
        app.Stripe.Hang(int.MaxValue);

        var started = Payload(await admin.PostAsync(BillingApp.StartCheckout, new { input = new { planCode = "flat-2026" } }), "startBillingCheckout");
        app.Stripe.Hang(0);

        Assert.Equal("BILLING_UNAVAILABLE", FirstError(started));
        Assert.Equal(JsonValueKind.Null, started.GetProperty("checkoutUrl").ValueKind);
        var attempts = app.Stripe.Requests.Where(r => r.Path == "/v1/checkout/sessions").ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Single(attempts.Select(a => a.IdempotencyKey).Distinct());
        Assert.StartsWith("rjcloud-checkout-", attempts[0].IdempotencyKey);
    }

    [Fact]
    public async Task Given_Stripe_hangs_once_Then_the_retry_with_the_same_key_succeeds()
    {
        await app.OfficeAsync("devon");
        var admin = await app.AdminOfAsync("devon");
        await app.PlanAsync("flat-2026");
        app.Stripe.Forget();
        app.Stripe.Hang(1);

        var started = Payload(await admin.PostAsync(BillingApp.StartCheckout, new { input = new { planCode = "flat-2026" } }), "startBillingCheckout");

        Assert.Null(FirstError(started));
        Assert.NotNull(started.GetProperty("checkoutUrl").GetString());
        var customers = app.Stripe.Requests.Where(r => r.Path == "/v1/customers").ToList();
        Assert.Equal(2, customers.Count);
        Assert.Equal($"rjcloud-customer-{(await app.OfficeAsync("devon")).Id:N}", customers[0].IdempotencyKey);
        Assert.Equal(customers[0].IdempotencyKey, customers[1].IdempotencyKey);
    }

    [Fact]
    public async Task Given_an_office_that_has_not_subscribed_Then_the_portal_says_so_and_after_subscribing_it_opens()
    {
        await app.OfficeAsync("cumbria");
        var admin = await app.AdminOfAsync("cumbria");

        var before = Payload(await admin.PostAsync(BillingApp.OpenPortal, new { input = new { } }), "openBillingPortal");
        var (subscribed, _, _) = await app.SubscribedOfficeAsync("cumbria");
        app.Stripe.Forget();
        var after = Payload(await subscribed.PostAsync(BillingApp.OpenPortal, new { input = new { purpose = "UPDATE_PAYMENT_METHOD" } }), "openBillingPortal");
        var again = Payload(await subscribed.PostAsync(BillingApp.StartCheckout, new { input = new { planCode = "flat-2026" } }), "startBillingCheckout");

        Assert.Equal("NO_SUBSCRIPTION", FirstError(before));
        Assert.Null(FirstError(after));
        Assert.StartsWith("https://billing.stripe.test/p/session/", after.GetProperty("portalUrl").GetString());
        Assert.Equal("payment_method_update", app.Stripe.Requests.Single(r => r.Path == "/v1/billing_portal/sessions").Form["flow_data[type]"]);
        Assert.Equal("ALREADY_SUBSCRIBED", FirstError(again));
    }

    [Fact]
    public async Task Given_a_platform_operator_Then_plans_are_added_with_validated_input_and_offices_admins_see_them()
    {
        var platform = await app.OperatorAsync();
        const string Create = "mutation($input: CreateBillingPlanInput!) { createBillingPlan(input: $input) { plan { code name pricing price } userErrors { code field } } }";
        object Plan(string code, string price, string stripePriceId) =>
            new { input = new { code, name = "Small office", pricing = "PER_ACTIVE_PRACTITIONER", price, stripePriceId } };

        var created = Payload(await platform.PostAsync(Create, Plan("small-2026", "25.50", "price_small")), "createBillingPlan");
        var duplicate = Payload(await platform.PostAsync(Create, Plan("small-2026", "25.50", "price_small")), "createBillingPlan");
        var badPrice = Payload(await platform.PostAsync(Create, Plan("zero-2026", "0", "price_zero")), "createBillingPlan");
        var badStripe = Payload(await platform.PostAsync(Create, Plan("odd-2026", "10", "prod_123")), "createBillingPlan");
        await app.OfficeAsync("essex-test");
        var plans = (await (await app.AdminOfAsync("essex-test")).PostAsync("{ billingPlans { code price pricing } }")).Data.GetProperty("billingPlans");

        Assert.Equal("25.50", created.GetProperty("plan").GetProperty("price").GetString());
        Assert.Equal("DUPLICATE_CODE", FirstError(duplicate));
        Assert.Equal("INVALID_PRICE", FirstError(badPrice));
        Assert.Equal("INVALID_STRIPE_PRICE", FirstError(badStripe));
        Assert.Contains(plans.EnumerateArray(), p => p.GetProperty("code").GetString() == "small-2026" && p.GetProperty("pricing").GetString() == "PER_ACTIVE_PRACTITIONER");
        Assert.DoesNotContain(plans.EnumerateArray(), p => p.GetProperty("code").GetString() is "zero-2026" or "odd-2026");
    }
}
