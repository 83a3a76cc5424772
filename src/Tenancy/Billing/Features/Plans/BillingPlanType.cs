using GraphQL.Types;
using RJCloud.Shared.Money;
using RJCloud.Tenancy.Billing.Plans;

namespace RJCloud.Tenancy.Billing.Features.Plans;

/// <summary>
/// A plan of the platform's price list. Not a Node: it is the same for every office and is named by
/// its code, as offices are by their identifier.
/// </summary>
internal sealed class BillingPlanType : ObjectGraphType<BillingPlan>
{
    public BillingPlanType()
    {
        Name = "BillingPlan";
        Description = "A plan an office can subscribe to, from the platform's price list (GBP).";
        Field(p => p.Code).Description("The plan's code, e.g. \"flat-2026\"; what startBillingCheckout takes.");
        Field(p => p.Name).Description("The plan's name as offices see it.");
        Field<NonNullGraphType<PlanPricingType>>("pricing").Description("How the price is counted.").Resolve(c => c.Source.Pricing);
        Field<NonNullGraphType<RJCloud.Shared.GraphQL.Scalars.MoneyGraphType>, Money>("price")
            .Description("Per active practitioner a month, or the yearly fee, in pounds.").Resolve(c => c.Source.Price);
    }
}

internal sealed class PlanPricingType : EnumerationGraphType<PlanPricing>
{
    public PlanPricingType()
    {
        Name = "PlanPricing";
        Description = "PER_ACTIVE_PRACTITIONER: a monthly price for each practitioner at work. YEARLY_FLAT_FEE: one fee a year.";
    }
}
