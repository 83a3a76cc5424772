using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Volunteers.Vetting;

public enum VettingKind { Dbs, PoliceVetting, NationalSecurityVetting }

public enum VettingOutcome { Clear, Unsuitable }

/// <summary>A DBS check, police vetting or national security vetting, with its dates. Its reference is special: reading it is audited.</summary>
internal sealed class VettingCheck : ITenantOwned
{
    private VettingCheck() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid PractitionerId { get; private set; }

    public VettingKind Kind { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    /// <summary>The first day it no longer counts.</summary>
    public DateOnly ExpiresOn { get; private set; }

    public string Reference { get; private set; } = "";

    public VettingOutcome Outcome { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static VettingCheck Record(Guid practitionerId, VettingKind kind, DateOnly issuedOn, DateOnly expiresOn, string reference, VettingOutcome outcome,
        DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PractitionerId = practitionerId,
        Kind = kind,
        IssuedOn = issuedOn,
        ExpiresOn = expiresOn,
        Reference = reference,
        Outcome = outcome,
        RecordedAt = now,
    };

    public bool IsCurrentOn(DateOnly day) => Outcome == VettingOutcome.Clear && IssuedOn <= day && day < ExpiresOn;
}
