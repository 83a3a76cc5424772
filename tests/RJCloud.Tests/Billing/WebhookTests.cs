using System.Net;
using System.Text.Json;
using RJCloud.Tenancy.Billing.Events;

namespace RJCloud.Tests.Billing;

/// <summary>
/// Stripe's events arrive at the webhook signed, possibly twice, late or out of order, and possibly
/// just before a crash; the office's billing and status follow them exactly once.
/// </summary>
public sealed class WebhookTests(BillingApp app) : IClassFixture<BillingApp>
{
    private DateTimeOffset Now => app.Clock.GetUtcNow();

    private static string Status(JsonElement billing) => billing.GetProperty("status").GetString()!;

    private static IReadOnlyList<JsonElement> Invoices(JsonElement billing) =>
        [.. billing.GetProperty("invoices").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node"))];

    [Fact]
    public async Task Given_checkout_completed_and_an_invoice_paid_Then_the_office_is_active_on_its_plan_with_the_invoice_in_its_history()
    {
        var (admin, customer, _) = await app.SubscribedOfficeAsync("hampshire");
        var periodEnd = Now.AddYears(1);

        await app.DeliverAndProcessAsync(StripeEvents.InvoicePaid(customer, "in_hampshire_000001", 1_200_000, Now, periodEnd));
        var billing = await BillingApp.BillingOfAsync(admin);

        Assert.Equal("ACTIVE", Status(billing));
        Assert.Equal("flat-2026", billing.GetProperty("plan").GetProperty("code").GetString());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(periodEnd.ToUnixTimeSeconds()), billing.GetProperty("nextInvoiceAt").GetDateTimeOffset());
        var invoice = Assert.Single(Invoices(billing));
        Assert.Equal("paid", invoice.GetProperty("status").GetString());
        Assert.Equal("12000.00", invoice.GetProperty("amountPaid").GetString());
    }

    [Fact]
    public async Task Given_a_forged_signature_Then_the_webhook_answers_400_stores_nothing_and_logs_it_without_the_payload()
    {
        var payload = StripeEvents.InvoicePaid("cus_forger", "in_forged_000001", 100, Now, Now.AddMonths(1), id: "evt_forged_1");

        var forged = await app.DeliverAsync(payload, secret: "whsec_someone_else");
        using var unsigned = await app.CreateClient().PostAsync("/billing/stripe/webhook", new StringContent(payload));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        Assert.Null(await app.StoredEventAsync("evt_forged_1"));
        Assert.True(await app.Logs.ArrivesAsync(line => line.Contains("Stripe webhook refused") && line.Contains("\"Reason\":\"forged\"")));
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains("finance.officer@office.test"));
    }

    [Fact]
    public async Task Given_a_signature_made_too_long_ago_Then_it_is_refused_as_stale_and_nothing_is_stored()
    {
        var payload = StripeEvents.InvoicePaid("cus_replayer", "in_replay_000001", 100, Now, Now.AddMonths(1), id: "evt_replayed_1");

        var stale = await app.DeliverAsync(payload, signedAt: Now.AddMinutes(-10));

        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Null(await app.StoredEventAsync("evt_replayed_1"));
        Assert.True(await app.Logs.ArrivesAsync(line => line.Contains("Stripe webhook refused") && line.Contains("\"Reason\":\"stale\"")));
    }

    [Fact]
    public async Task Given_the_same_event_delivered_twice_Then_it_is_stored_once_and_counted_once()
    {
        var (admin, customer, _) = await app.SubscribedOfficeAsync("norfolk-twice");
        var paid = StripeEvents.InvoicePaid(customer, "in_twice_000001", 50_000, Now, Now.AddMonths(1), id: "evt_twice_1");

        var first = await app.DeliverAsync(paid);
        await app.Processor.ProcessPendingAsync(default);
        var second = await app.DeliverAsync(paid);
        await app.Processor.ProcessPendingAsync(default);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], new[] { first.StatusCode, second.StatusCode });
        Assert.Single(Invoices(await BillingApp.BillingOfAsync(admin)));
        Assert.Equal(1, (await app.StoredEventAsync("evt_twice_1"))!.Attempts);
        Assert.Equal("500.00", await RevenueOfAsync("norfolk-twice"));
    }

    [Fact]
    public async Task Given_a_payment_failure_arriving_after_the_later_payment_Then_the_office_stays_active_and_the_invoice_paid()
    {
        var (admin, customer, _) = await app.SubscribedOfficeAsync("suffolk-late");
        var failedAt = Now;

        await app.DeliverAndProcessAsync(StripeEvents.InvoicePaid(customer, "in_late_000001", 10_000, failedAt.AddMinutes(5), failedAt.AddMonths(1)));
        await app.DeliverAndProcessAsync(StripeEvents.PaymentFailed(customer, "in_late_000001", 10_000, failedAt, id: "evt_late_failure"));
        var billing = await BillingApp.BillingOfAsync(admin);

        Assert.Equal("ACTIVE", Status(billing));
        Assert.Equal(JsonValueKind.Null, billing.GetProperty("graceEndsAt").ValueKind);
        Assert.Equal("paid", Assert.Single(Invoices(billing)).GetProperty("status").GetString());
        Assert.Equal(BillingEventApplier.Outdated, (await app.StoredEventAsync("evt_late_failure"))!.Outcome);
    }

    [Fact]
    public async Task Given_an_event_stored_before_a_crash_Then_a_processor_started_later_applies_it_once_even_with_two_at_once()
    {
        var (admin, customer, _) = await app.SubscribedOfficeAsync("lincoln-crash");
        var failed = StripeEvents.PaymentFailed(customer, "in_crash_000001", 20_000, Now, id: "evt_crash_1");

        Assert.Equal(HttpStatusCode.OK, (await app.DeliverAsync(failed)).StatusCode);
        var beforeProcessing = await BillingApp.BillingOfAsync(admin);
        var pending = await app.StoredEventAsync("evt_crash_1");
        await Task.WhenAll(app.Processor.ProcessPendingAsync(default), app.Processor.ProcessPendingAsync(default));
        var processed = await app.StoredEventAsync("evt_crash_1");
        var billing = await BillingApp.BillingOfAsync(admin);

        Assert.Equal("ACTIVE", Status(beforeProcessing));
        Assert.Null(pending!.ProcessedAt);
        Assert.NotNull(processed!.ProcessedAt);
        Assert.Equal(1, processed.Attempts);
        Assert.Equal("PAYMENT_FAILED", Status(billing));
        Assert.Single(Invoices(billing));
    }

    [Fact]
    public async Task Given_the_subscription_cancelled_Then_the_office_is_suspended_with_its_records_kept_and_paying_again_restores_it()
    {
        var (admin, customer, subscription) = await app.SubscribedOfficeAsync("durham-cancel");
        await app.DeliverAndProcessAsync(StripeEvents.InvoicePaid(customer, "in_cancel_000001", 30_000, Now, Now.AddMonths(1)));

        await app.DeliverAndProcessAsync(StripeEvents.SubscriptionDeleted(customer, subscription, Now.AddMinutes(1)));
        var suspended = await admin.PostAsync("{ billing { status } }");
        await app.DeliverAndProcessAsync(StripeEvents.InvoicePaid(customer, "in_cancel_000002", 30_000, Now.AddMinutes(2), Now.AddMonths(1)));
        var restored = await BillingApp.BillingOfAsync(admin);

        Assert.Equal(HttpStatusCode.Forbidden, suspended.Status);
        Assert.Equal("TENANT_SUSPENDED", suspended.FirstErrorCode);
        Assert.Equal("ACTIVE", Status(restored));
        Assert.Equal(["RJ-000002", "RJ-000001"], Invoices(restored).Select(i => i.GetProperty("number").GetString()));
        Assert.Equal(Tenancy.Registry.TenantStatus.Active, await app.StatusOfAsync("durham-cancel"));
    }

    [Fact]
    public async Task Given_an_event_for_no_office_or_of_a_type_billing_does_not_use_Then_it_is_recorded_and_changes_nothing()
    {
        await app.DeliverAndProcessAsync(StripeEvents.InvoicePaid("cus_nobody", "in_nobody_000001", 100, Now, Now.AddMonths(1), id: "evt_nobody"));
        await app.DeliverAndProcessAsync(JsonSerializer.Serialize(new
        {
            id = "evt_price_created", @object = "event", created = Now.ToUnixTimeSeconds(), type = "price.created",
            data = new { @object = new { id = "price_x", @object = "price" } },
        }));

        Assert.Equal(BillingEventApplier.Unmatched, (await app.StoredEventAsync("evt_nobody"))!.Outcome);
        Assert.Equal(BillingEventApplier.Ignored, (await app.StoredEventAsync("evt_price_created"))!.Outcome);
    }

    [Fact]
    public async Task Given_offices_on_plans_Then_the_platform_operator_sees_every_office_with_plan_status_and_revenue()
    {
        var (_, customer, _) = await app.SubscribedOfficeAsync("avon-paying");
        await app.OfficeAsync("avon-trying");
        await app.DeliverAndProcessAsync(StripeEvents.InvoicePaid(customer, "in_avon_000001", 1_200_000, Now, Now.AddYears(1)));
        await app.DeliverAndProcessAsync(StripeEvents.InvoicePaid(customer, "in_avon_000002", 1_250, Now.AddMinutes(1), Now.AddYears(1)));
        await app.Processor.EnforceDeadlinesAsync(default);
        var platform = await app.OperatorAsync();

        var offices = (await platform.PostAsync("""
            { officeBilling(first: 100) { edges { node { office { identifier status } plan { code } status revenue } } } }
            """)).AssertStatus(HttpStatusCode.OK).Data.GetProperty("officeBilling").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node")).ToDictionary(n => n.GetProperty("office").GetProperty("identifier").GetString()!);

        Assert.Equal("flat-2026", offices["avon-paying"].GetProperty("plan").GetProperty("code").GetString());
        Assert.Equal("ACTIVE", offices["avon-paying"].GetProperty("status").GetString());
        Assert.Equal("12012.50", offices["avon-paying"].GetProperty("revenue").GetString());
        Assert.Equal("ACTIVE", offices["avon-paying"].GetProperty("office").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, offices["avon-trying"].GetProperty("plan").ValueKind);
        Assert.Equal("TRIAL", offices["avon-trying"].GetProperty("status").GetString());
        Assert.Equal("0.00", offices["avon-trying"].GetProperty("revenue").GetString());
        Assert.DoesNotContain("platform", offices.Keys);
    }

    [Fact]
    public async Task Given_two_offices_Then_a_tenant_admin_sees_only_their_own_billing_and_never_the_operator_s_view()
    {
        var (theirs, customer, _) = await app.SubscribedOfficeAsync("kent-theirs");
        await app.DeliverAndProcessAsync(StripeEvents.InvoicePaid(customer, "in_theirs_000001", 99_900, Now, Now.AddMonths(1)));
        var invoiceId = Invoices(await BillingApp.BillingOfAsync(theirs)).Single().GetProperty("id").GetString();
        await app.OfficeAsync("kent-mine");
        var mine = await app.AdminOfAsync("kent-mine");

        var billing = await mine.PostAsync("{ billing { status plan { code } invoices(first: 100) { edges { node { id number } } } } }");
        var node = await mine.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = invoiceId });
        var overview = await mine.PostAsync("{ officeBilling(first: 10) { edges { node { revenue } } } }");

        Assert.Equal("TRIAL", billing.AssertStatus(HttpStatusCode.OK).Data.GetProperty("billing").GetProperty("status").GetString());
        Assert.Empty(billing.Data.GetProperty("billing").GetProperty("invoices").GetProperty("edges").EnumerateArray());
        Assert.DoesNotContain("999.00", billing.Body);
        Assert.Equal(JsonValueKind.Null, node.AssertStatus(HttpStatusCode.OK).Data.GetProperty("node").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, overview.Status);
    }

    private async Task<string> RevenueOfAsync(string office)
    {
        var platform = await app.OperatorAsync();
        var edges = (await platform.PostAsync("{ officeBilling(first: 100) { edges { node { office { identifier } revenue } } } }"))
            .AssertStatus(HttpStatusCode.OK).Data.GetProperty("officeBilling").GetProperty("edges").EnumerateArray();
        return edges.Select(e => e.GetProperty("node")).Single(n => n.GetProperty("office").GetProperty("identifier").GetString() == office)
            .GetProperty("revenue").GetString()!;
    }
}
