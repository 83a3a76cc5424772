using RJCloud.Tenancy.Registry;

namespace RJCloud.Tenancy.Billing.Subscriptions;

/// <summary>Where an office stands with the platform, and so what its people may do.</summary>
public enum BillingStanding
{
    /// <summary>A new office trying the service before paying.</summary>
    Trial,

    Active,

    /// <summary>A payment failed: the office works as before until its grace period ends.</summary>
    PaymentFailed,

    /// <summary>The trial or grace period ended unpaid: the office is read-only until it pays.</summary>
    Lapsed,

    /// <summary>The subscription was cancelled: the office is suspended. Its records are kept.</summary>
    Cancelled,
}

public static class BillingStandingRules
{
    public static TenantStatus TenantStatus(this BillingStanding standing) => standing switch
    {
        BillingStanding.Lapsed => Registry.TenantStatus.ReadOnly,
        BillingStanding.Cancelled => Registry.TenantStatus.Suspended,
        _ => Registry.TenantStatus.Active,
    };
}
