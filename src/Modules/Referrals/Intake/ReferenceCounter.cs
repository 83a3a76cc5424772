using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Referrals.Intake;

/// <summary>The office's next reference number for a year; taken with UPDATE ... RETURNING, so numbers never repeat.</summary>
internal sealed class ReferenceCounter : ITenantOwned
{
    public Guid TenantId { get; private set; }

    public int Year { get; private set; }

    public int Next { get; private set; }
}
