using RJCloud.Shared.Logging;
using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Volunteers.WorkRecords;

public enum SupervisionKind
{
    /// <summary>Case supervision, needed every 12 weeks by default.</summary>
    CaseSupervision,

    /// <summary>A debrief with the coordinator after a conference or a difficult visit.</summary>
    Debrief,

    /// <summary>A supervisor watched them facilitate, needed once a year by default.</summary>
    ObservedPractice,
}

public enum SupervisionFormat { Individual, Group }

/// <summary>Supervision, a debrief or an observation of practice, with the practitioners who took part. Its notes are for managers only.</summary>
internal sealed class SupervisionSession : ITenantOwned
{
    private SupervisionSession() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public SupervisionKind Kind { get; private set; }

    public SupervisionFormat Format { get; private set; }

    public DateOnly HeldOn { get; private set; }

    [PersonalData]
    public string Supervisor { get; private set; } = "";

    public Guid? CaseId { get; private set; }

    [PersonalData]
    public string? Notes { get; private set; }

    public IReadOnlyList<Guid> PractitionerIds { get; private set; } = [];

    public Guid? RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static SupervisionSession Record(SupervisionKind kind, SupervisionFormat format, DateOnly heldOn, string supervisor, Guid? caseId, string? notes,
        IReadOnlyList<Guid> practitionerIds, Guid? recordedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Kind = kind,
        Format = format,
        HeldOn = heldOn,
        Supervisor = supervisor,
        CaseId = caseId,
        Notes = notes,
        PractitionerIds = practitionerIds,
        RecordedBy = recordedBy,
        RecordedAt = now,
    };
}
