using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Referrals.Cases;

public enum ContactKind { Phone, HomeVisit, OfficeVisit, Letter, Email }

/// <summary>
/// A contact or visit with a participant, with the structured risk assessment made for it and the consent
/// they gave. Special category data: only the case's facilitators, coordinators and managers read it.
/// </summary>
internal sealed class Contact : ITenantOwned
{
    private Contact() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid ParticipantId { get; private set; }

    public ContactKind Kind { get; private set; }

    public DateOnly On { get; private set; }

    public string Notes { get; private set; } = "";

    public IReadOnlyList<string> RiskFactors { get; private set; } = [];

    public IReadOnlyList<string> SafetyMeasures { get; private set; } = [];

    public bool PoliceShouldAttend { get; private set; }

    /// <summary>Null when consent was not asked at this contact.</summary>
    public bool? ConsentGiven { get; private set; }

    public string? ConsentScope { get; private set; }

    public string? RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static Contact Record(Guid caseId, Guid participantId, ContactKind kind, DateOnly on, string notes, IReadOnlyList<string> riskFactors,
        IReadOnlyList<string> safetyMeasures, bool policeShouldAttend, bool? consentGiven, string? consentScope, string? by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), CaseId = caseId, ParticipantId = participantId, Kind = kind, On = on, Notes = notes, RiskFactors = riskFactors,
        SafetyMeasures = safetyMeasures, PoliceShouldAttend = policeShouldAttend, ConsentGiven = consentGiven, ConsentScope = consentScope, RecordedBy = by, RecordedAt = now,
    };
}

public enum CommunicationMethod { Letter, ShuttleMediation, Conference }

public enum MessageKind { LetterDraft, LetterSent, ShuttleMessage }

/// <summary>
/// Indirect communication: a letter's drafts and the version sent, or a shuttle-mediation message, which is
/// passed on only once the participant who gave it approved the wording.
/// </summary>
internal sealed class CaseMessage : ITenantOwned
{
    private CaseMessage() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid CaseId { get; private set; }

    public MessageKind Kind { get; private set; }

    public Guid FromParticipantId { get; private set; }

    public Guid? ToParticipantId { get; private set; }

    public string Content { get; private set; } = "";

    /// <summary>The participant who approved the wording before it was passed on (shuttle mediation: the sender).</summary>
    public Guid? ApprovedByParticipantId { get; private set; }

    public DateOnly? PassedOn { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static CaseMessage Record(Guid caseId, MessageKind kind, Guid from, Guid? to, string content, Guid? approvedBy, DateOnly? passedOn, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), CaseId = caseId, Kind = kind, FromParticipantId = from, ToParticipantId = to, Content = content,
        ApprovedByParticipantId = approvedBy, PassedOn = passedOn, RecordedAt = now,
    };
}

/// <summary>A face-to-face conference: where and when, who comes (supporters too), what is booked, whether police attend.</summary>
internal sealed record Conference
{
    public string Venue { get; init; } = "";

    public DateTimeOffset At { get; init; }

    // A list, not an array: EF Core adds to it when it reads the JSON column.
    public IReadOnlyList<ConferenceAttendee> Attendees { get; init; } = new List<ConferenceAttendee>();

    public bool RoomBooked { get; init; }

    public bool RefreshmentsBooked { get; init; }

    public bool PoliceAttending { get; init; }
}

internal sealed record ConferenceAttendee(string Name, string Role);

public enum ActionStatus { Open, Done, Late, Broken }

/// <summary>One action of the outcome agreement, with who owns it, when it is due, and how monitoring found it.</summary>
internal sealed class AgreementAction : ITenantOwned
{
    private AgreementAction() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid CaseId { get; private set; }

    public string Description { get; private set; } = "";

    public string Owner { get; private set; } = "";

    public DateOnly DueOn { get; private set; }

    public ActionStatus Status { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static AgreementAction Agree(Guid caseId, string description, string owner, DateOnly dueOn, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), CaseId = caseId, Description = description, Owner = owner, DueOn = dueOn, Status = ActionStatus.Open, UpdatedAt = now };

    public void Monitor(ActionStatus status, DateTimeOffset now) => (Status, UpdatedAt) = (status, now);
}

public enum OnwardAgency { Probation, StructuredActivity, VictimSupport, YouthOffending, Other }

/// <summary>A referral on to another agency agreed at or after the outcome agreement.</summary>
internal sealed class OnwardReferral : ITenantOwned
{
    private OnwardReferral() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid CaseId { get; private set; }

    public OnwardAgency Agency { get; private set; }

    public string Detail { get; private set; } = "";

    public DateOnly On { get; private set; }

    public static OnwardReferral Make(Guid caseId, OnwardAgency agency, string detail, DateOnly on, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), CaseId = caseId, Agency = agency, Detail = detail, On = on };
}
