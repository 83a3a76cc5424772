namespace RJCloud.Tenancy.Billing.Plans;

public enum PlanPricing
{
    /// <summary>The price is per active practitioner of the office, per month.</summary>
    PerActivePractitioner,

    /// <summary>One fee a year, whatever the office's size.</summary>
    YearlyFlatFee,
}
