using System.Text.Json;

namespace RJCloud.Tests.Billing;

/// <summary>Stripe event payloads as Stripe sends them (the fields RJCloud reads, and a few it does not).</summary>
public static class StripeEvents
{
    public static string CheckoutCompleted(Guid tenantId, string customer, string subscription, string planCode, DateTimeOffset at, string? id = null) =>
        Event(id, "checkout.session.completed", at, new
        {
            id = $"cs_test_{Guid.NewGuid():N}", @object = "checkout.session", mode = "subscription", status = "complete",
            client_reference_id = tenantId.ToString(), customer, subscription,
            metadata = new { tenant_id = tenantId.ToString(), plan_code = planCode },
        });

    public static string InvoicePaid(string customer, string invoice, long pence, DateTimeOffset at, DateTimeOffset periodEnd, string? id = null) =>
        Invoice("invoice.paid", customer, invoice, "paid", pence, pence, at, periodEnd, id);

    public static string PaymentFailed(string customer, string invoice, long pence, DateTimeOffset at, string? id = null) =>
        Invoice("invoice.payment_failed", customer, invoice, "open", pence, 0, at, at.AddMonths(1), id);

    public static string SubscriptionDeleted(string customer, string subscription, DateTimeOffset at, string? id = null) =>
        Event(id, "customer.subscription.deleted", at, new
        {
            id = subscription, @object = "subscription", customer, status = "canceled",
            items = new { @object = "list", data = Array.Empty<object>() },
        });

    private static string Invoice(string type, string customer, string invoice, string status, long due, long paid, DateTimeOffset at, DateTimeOffset periodEnd, string? id) =>
        Event(id, type, at, new
        {
            id = invoice, @object = "invoice", customer, status, currency = "gbp", amount_due = due, amount_paid = paid,
            number = $"RJ-{invoice[^6..].ToUpperInvariant()}", created = at.ToUnixTimeSeconds(),
            hosted_invoice_url = $"https://invoice.stripe.test/i/{invoice}",
            customer_email = "finance.officer@office.test",
            lines = new { @object = "list", data = new[] { new { period = new { start = at.ToUnixTimeSeconds(), end = periodEnd.ToUnixTimeSeconds() } } } },
        });

    private static string Event(string? id, string type, DateTimeOffset at, object data) => JsonSerializer.Serialize(new
    {
        id = id ?? $"evt_{Guid.NewGuid():N}",
        @object = "event",
        api_version = "2025-11-17.clover",
        created = at.ToUnixTimeSeconds(),
        type,
        livemode = false,
        data = new { @object = data },
    });
}
