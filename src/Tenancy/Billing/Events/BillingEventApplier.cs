using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RJCloud.Tenancy.Billing.Invoices;
using RJCloud.Tenancy.Billing.Plans;
using RJCloud.Tenancy.Billing.Subscriptions;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Persistence;
using RJCloud.Tenancy.Registry;

namespace RJCloud.Tenancy.Billing.Events;

/// <summary>
/// What one Stripe event changes: the office's subscription, its invoice history and, following
/// them, the office's status. Runs inside the processor's transaction, inside the office's tenant,
/// and saves there; the processor then marks the event processed in the same transaction.
/// </summary>
internal sealed class BillingEventApplier(ITenantContext tenants, IOptions<BillingOptions> options, ILogger<BillingEventApplier> logger)
{
    public const string Applied = "applied";
    public const string Outdated = "outdated";
    public const string Ignored = "ignored";
    public const string Unmatched = "unmatched";

    private static readonly HashSet<string> Handled =
    [
        "checkout.session.completed",
        "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted",
        "invoice.finalized", "invoice.updated", "invoice.paid", "invoice.payment_failed", "invoice.voided", "invoice.marked_uncollectible",
    ];

    public async Task<string> ApplyAsync(TenancyDbContext db, BillingEvent received, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!Handled.Contains(received.Type)) return Ignored;
        using var document = JsonDocument.Parse(received.Payload);
        var stripeEvent = new StripeEventJson(document.RootElement);
        var office = await FindOfficeAsync(db, stripeEvent, cancellationToken);
        if (office is null)
        {
            logger.LogWarning("Stripe event {EventId} ({EventType}) names no office; nothing changed", received.Id, received.Type);
            return Unmatched;
        }

        // Every command from here on carries this office's setting for row-level security (Isolation.TenantCommandInterceptor).
        using var _ = tenants.Enter(new CurrentTenant(office.Id, office.Identifier, office.Status));
        var subscription = await SubscriptionRows.LockAsync(db, office.Id, options.Value.TrialDays, now, cancellationToken);
        var outcome = subscription.IsOutdatedBy(received.OccurredAt) ? Outdated : Applied;

        if (received.Type == "checkout.session.completed")
        {
            if (office.BillingCustomerId is null && stripeEvent.CustomerId is { } customer) office.LinkBillingCustomer(customer, now);
            var plan = await PlanAsync(db, p => p.Code == stripeEvent.Metadata("plan_code"), cancellationToken);
            subscription.Subscribed(plan?.Id, StripeEventJson.Text(stripeEvent.Object, "subscription"), received.OccurredAt, now);
        }
        else if (received.Type.StartsWith("customer.subscription.", StringComparison.Ordinal))
        {
            var status = received.Type == "customer.subscription.deleted" ? "canceled" : stripeEvent.Status ?? "";
            var price = PriceOf(stripeEvent.Object);
            var plan = price is null ? null : await PlanAsync(db, p => p.StripePriceId == price, cancellationToken);
            if (plan is not null && outcome == Applied) subscription.ChangePlan(plan.Id);
            subscription.SubscriptionChanged(stripeEvent.ObjectId ?? "", status, StripeEventJson.PeriodEnd(stripeEvent.Object), received.OccurredAt,
                options.Value.GraceDays, now);
        }
        else
        {
            var newlyPaid = await RecordInvoiceAsync(db, office.Id, stripeEvent.Object, received.OccurredAt, cancellationToken);
            var invoice = stripeEvent.Object;
            if (received.Type == "invoice.paid")
                subscription.Paid(newlyPaid ? StripeEventJson.Pounds(invoice, "amount_paid") : 0m, StripeEventJson.InvoicePeriodEnd(invoice), received.OccurredAt, now);
            else if (received.Type == "invoice.payment_failed")
                subscription.PaymentFailed(received.OccurredAt, options.Value.GraceDays, now);
        }

        var officeStatus = subscription.Standing.TenantStatus();
        if (office.Status != officeStatus)
        {
            office.ChangeStatus(officeStatus, now);
            logger.LogInformation("Office {TenantId} is now {Status} by billing ({Standing})", office.Id, officeStatus, subscription.Standing);
        }
        // Saved while inside the office: the save guard writes its invoices only there.
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    private static async Task<Tenant?> FindOfficeAsync(TenancyDbContext db, StripeEventJson stripeEvent, CancellationToken cancellationToken)
    {
        if (stripeEvent.CustomerId is { } customer &&
            await db.Tenants.FirstOrDefaultAsync(t => t.BillingCustomerId == customer && t.Kind == TenantKind.Office, cancellationToken) is { } byCustomer)
            return byCustomer;
        // Checkout names the office it was started for; RJCloud set these, and the event is signed.
        var named = StripeEventJson.Text(stripeEvent.Object, "client_reference_id") ?? stripeEvent.Metadata("tenant_id");
        return Guid.TryParse(named, out var id)
            ? await db.Tenants.FirstOrDefaultAsync(t => t.Id == id && t.Kind == TenantKind.Office, cancellationToken)
            : null;
    }

    private static Task<BillingPlan?> PlanAsync(TenancyDbContext db, System.Linq.Expressions.Expression<Func<BillingPlan, bool>> which, CancellationToken cancellationToken) =>
        db.Set<BillingPlan>().AsNoTracking().FirstOrDefaultAsync(which, cancellationToken);

    private static string? PriceOf(JsonElement subscription)
    {
        if (subscription.TryGetProperty("items", out var items) && items.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
            foreach (var item in data.EnumerateArray())
                if (item.TryGetProperty("price", out var price) && StripeEventJson.Text(price, "id") is { } id) return id;
        return null;
    }

    private static async Task<bool> RecordInvoiceAsync(TenancyDbContext db, Guid officeId, JsonElement invoice, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        var stripeId = StripeEventJson.Text(invoice, "id") ?? throw new InvalidDataException("An invoice event without an invoice id.");
        var row = await db.Set<BillingInvoice>().FirstOrDefaultAsync(i => i.StripeInvoiceId == stripeId, cancellationToken);
        if (row is null)
        {
            row = BillingInvoice.Issued(officeId, stripeId, StripeEventJson.Instant(invoice, "created") ?? changedAt);
            db.Add(row);
        }
        return row.Update(StripeEventJson.Text(invoice, "status") ?? "open", StripeEventJson.Text(invoice, "number"),
            StripeEventJson.Pounds(invoice, "amount_due"), StripeEventJson.Pounds(invoice, "amount_paid"),
            StripeEventJson.InvoicePeriodEnd(invoice), StripeEventJson.Text(invoice, "hosted_invoice_url"), changedAt);
    }
}
