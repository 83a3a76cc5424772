namespace RJCloud.Tenancy.Billing.Subscriptions;

/// <summary>
/// The platform's contract with one office, beside the registry: written by Stripe's events (which
/// arrive with no tenant) and read by operators across offices, so it is not tenant-owned; an office
/// reads only its own row, by the id of the tenant its request works for (ADR 0010).
/// Stripe may deliver events late or out of order: each change says when Stripe made it, and a change
/// older than the state already applied is ignored.
/// </summary>
public sealed class BillingSubscription
{
    private BillingSubscription() { }

    private BillingSubscription(Guid officeId, DateTimeOffset trialEndsAt, DateTimeOffset now)
    {
        OfficeId = officeId;
        Standing = BillingStanding.Trial;
        TrialEndsAt = trialEndsAt;
        UpdatedAt = now;
    }

    public Guid OfficeId { get; private set; }

    public Guid? PlanId { get; private set; }

    public string? StripeSubscriptionId { get; private set; }

    public BillingStanding Standing { get; private set; }

    public DateTimeOffset? TrialEndsAt { get; private set; }

    public DateTimeOffset? GraceEndsAt { get; private set; }

    public DateTimeOffset? NextInvoiceAt { get; private set; }

    /// <summary>When Stripe made the change the current standing comes from.</summary>
    public DateTimeOffset? StateAt { get; private set; }

    /// <summary>Everything the office has paid, in pounds.</summary>
    public decimal Revenue { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static BillingSubscription StartTrial(Guid officeId, int trialDays, DateTimeOffset now) =>
        new(officeId, now.AddDays(trialDays), now);

    public bool IsOutdatedBy(DateTimeOffset changedAt) => StateAt is { } state && changedAt < state;

    /// <summary>The office completed Stripe's checkout for a plan.</summary>
    public void Subscribed(Guid? planId, string? subscriptionId, DateTimeOffset changedAt, DateTimeOffset now)
    {
        PlanId = planId ?? PlanId;
        StripeSubscriptionId = subscriptionId ?? StripeSubscriptionId;
        if (IsOutdatedBy(changedAt)) return;
        MoveTo(BillingStanding.Active, changedAt, now);
    }

    /// <summary>The plan changed in Stripe (the billing portal lets offices switch).</summary>
    public void ChangePlan(Guid planId) => PlanId = planId;

    /// <summary>Stripe's subscription as it now stands (created, updated, deleted).</summary>
    public void SubscriptionChanged(string subscriptionId, string stripeStatus, DateTimeOffset? periodEnd, DateTimeOffset changedAt, int graceDays, DateTimeOffset now)
    {
        if (IsOutdatedBy(changedAt)) return;
        StripeSubscriptionId = subscriptionId;
        NextInvoiceAt = periodEnd ?? NextInvoiceAt;
        switch (stripeStatus)
        {
            case "active" or "trialing":
                MoveTo(BillingStanding.Active, changedAt, now);
                break;
            case "past_due" or "unpaid":
                PaymentFailed(changedAt, graceDays, now);
                break;
            case "canceled" or "incomplete_expired":
                MoveTo(BillingStanding.Cancelled, changedAt, now);
                break;
            default:
                // incomplete, paused: nothing has been paid or refused yet.
                StateAt = changedAt;
                break;
        }
    }

    public void Paid(decimal amount, DateTimeOffset? periodEnd, DateTimeOffset changedAt, DateTimeOffset now)
    {
        Revenue += amount;
        UpdatedAt = now;
        if (IsOutdatedBy(changedAt)) return;
        NextInvoiceAt = periodEnd ?? NextInvoiceAt;
        MoveTo(BillingStanding.Active, changedAt, now);
    }

    /// <summary>A failed payment starts the grace period once; further failures do not extend it.</summary>
    public void PaymentFailed(DateTimeOffset changedAt, int graceDays, DateTimeOffset now)
    {
        if (IsOutdatedBy(changedAt)) return;
        if (Standing is BillingStanding.PaymentFailed or BillingStanding.Lapsed)
        {
            StateAt = changedAt;
            return;
        }
        MoveTo(BillingStanding.PaymentFailed, changedAt, now);
        GraceEndsAt = now.AddDays(graceDays);
    }

    /// <summary>The trial or the grace period is over with nothing paid: the office becomes read-only.</summary>
    public bool LapseIfDue(DateTimeOffset now)
    {
        var due = (Standing == BillingStanding.PaymentFailed && GraceEndsAt <= now) || (Standing == BillingStanding.Trial && TrialEndsAt <= now);
        if (!due) return false;
        Standing = BillingStanding.Lapsed;
        UpdatedAt = now;
        return true;
    }

    private void MoveTo(BillingStanding standing, DateTimeOffset changedAt, DateTimeOffset now)
    {
        Standing = standing;
        StateAt = changedAt;
        UpdatedAt = now;
        if (standing != BillingStanding.PaymentFailed) GraceEndsAt = null;
    }
}
