using RJCloud.Shared.Money;
using RJCloud.Tenancy.Registry;

namespace RJCloud.Tenancy.Billing.Plans;

/// <summary>
/// A plan of the platform's price list, the same for every office. Its Stripe price says what Stripe
/// charges; the amount here is what RJCloud shows, and the operator keeps the two the same.
/// </summary>
public sealed class BillingPlan
{
    private BillingPlan(Guid id, string code, string name, PlanPricing pricing, decimal amount, string stripePriceId, DateTimeOffset createdAt)
    {
        Id = id;
        Code = code;
        Name = name;
        Pricing = pricing;
        Amount = amount;
        StripePriceId = stripePriceId;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>How offices and operators name the plan, e.g. "flat-2026".</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public PlanPricing Pricing { get; private set; }

    /// <summary>In pounds: per practitioner a month, or the yearly fee.</summary>
    public decimal Amount { get; private set; }

    public string StripePriceId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Money Price => Money.Pounds(Amount);

    public static BillingPlan Create(string code, string name, PlanPricing pricing, Money price, string stripePriceId, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), code, name.Trim(), pricing, price.Amount, stripePriceId.Trim(), now);

    /// <summary>Plan codes read like office identifiers: lower-case letters, digits and hyphens.</summary>
    public static bool IsValidCode(string? code) => Tenant.IsValidIdentifier(code);
}
