using RJCloud.Tenancy.Isolation;

namespace RJCloud.Tenancy.Billing.Invoices;

/// <summary>
/// One of the office's Stripe invoices, as Stripe last told us about it: the invoice history is read
/// from here, so showing it never waits on Stripe. Only amounts, dates and Stripe's own links.
/// </summary>
public sealed class BillingInvoice : ITenantOwned
{
    private BillingInvoice(Guid tenantId, Guid id, string stripeInvoiceId, DateTimeOffset issuedAt)
    {
        TenantId = tenantId;
        Id = id;
        StripeInvoiceId = stripeInvoiceId;
        IssuedAt = issuedAt;
        Status = "draft";
    }

    public Guid TenantId { get; private set; }

    public Guid Id { get; private set; }

    public string StripeInvoiceId { get; private set; }

    public string? Number { get; private set; }

    /// <summary>Stripe's status: draft, open, paid, uncollectible or void.</summary>
    public string Status { get; private set; }

    /// <summary>In pounds.</summary>
    public decimal AmountDue { get; private set; }

    public decimal AmountPaid { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset? PeriodEnd { get; private set; }

    public string? HostedInvoiceUrl { get; private set; }

    /// <summary>When Stripe made the change last applied, so that an older event cannot undo a newer one.</summary>
    public DateTimeOffset? StateAt { get; private set; }

    public static BillingInvoice Issued(Guid tenantId, string stripeInvoiceId, DateTimeOffset issuedAt) =>
        new(tenantId, Guid.CreateVersion7(issuedAt), stripeInvoiceId, issuedAt);

    /// <summary>Applies Stripe's invoice as it was at <paramref name="changedAt"/>; returns whether it became paid just now.</summary>
    public bool Update(string status, string? number, decimal amountDue, decimal amountPaid, DateTimeOffset? periodEnd, string? hostedInvoiceUrl, DateTimeOffset changedAt)
    {
        if (StateAt is { } state && changedAt < state) return false;
        var newlyPaid = status == "paid" && Status != "paid";
        Status = status;
        Number = number ?? Number;
        AmountDue = amountDue;
        AmountPaid = amountPaid;
        PeriodEnd = periodEnd ?? PeriodEnd;
        HostedInvoiceUrl = hostedInvoiceUrl ?? HostedInvoiceUrl;
        StateAt = changedAt;
        return newlyPaid;
    }
}
