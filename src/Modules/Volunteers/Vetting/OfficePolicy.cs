using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Volunteers.Vetting;

/// <summary>The office's own compliance policy, once its tenant admin has set one; until then the defaults apply.</summary>
internal sealed class OfficePolicy : ITenantOwned
{
    private OfficePolicy() { }

    public Guid TenantId { get; private set; }

    public CompliancePolicy Policy { get; private set; } = CompliancePolicy.Defaults;

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid? UpdatedBy { get; private set; }

    public static OfficePolicy Set(CompliancePolicy policy, Guid? by, DateTimeOffset now) => new() { Policy = policy, UpdatedBy = by, UpdatedAt = now };

    public void Change(CompliancePolicy policy, Guid? by, DateTimeOffset now)
    {
        Policy = policy;
        UpdatedBy = by;
        UpdatedAt = now;
    }
}

/// <summary>A reminder that a check is about to expire (or has), produced once per threshold.</summary>
internal sealed class VettingReminder : ITenantOwned
{
    private VettingReminder() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid CheckId { get; private set; }

    public Guid PractitionerId { get; private set; }

    /// <summary>Days before expiry this reminder is for; 0 for "it has expired".</summary>
    public int ThresholdDays { get; private set; }

    public DateOnly ExpiresOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
