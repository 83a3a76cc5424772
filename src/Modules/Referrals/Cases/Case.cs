using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Referrals.Cases;

/// <summary>The hub process (RJ hub manual): information gathering to closure.</summary>
public enum CaseState { InformationGathering, SuitabilityAssessment, Allocated, Preparing, CommunicationInProgress, OutcomeMonitoring, Closed }

/// <summary>
/// A case opened from an accepted referral. Every change is an explicit step with who, when and why,
/// kept as the case's timeline; the state moves only along the hub process.
/// </summary>
internal sealed class Case : ITenantOwned
{
    private Case() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ReferralId { get; private set; }

    public string Reference { get; private set; } = "";

    public CaseState State { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ClosureReason { get; private set; }

    public CommunicationMethod? Method { get; private set; }

    public Conference? Conference { get; private set; }

    /// <summary>Participants given a copy of the outcome agreement.</summary>
    public IReadOnlyList<Guid> AgreementCopiesGivenTo { get; private set; } = [];

    public DateOnly? AgreedOn { get; private set; }

    public CaseEvent ChooseMethod(CommunicationMethod method, string why, string? by, DateTimeOffset now)
    {
        Method = method;
        return CaseEvent.Of(Id, "MethodChosen", null, null, $"{method}: {why}", by, now);
    }

    public CaseEvent PlanConference(Conference conference, string? by, DateTimeOffset now)
    {
        Method = CommunicationMethod.Conference;
        Conference = conference;
        return CaseEvent.Of(Id, "ConferencePlanned", null, null, $"Conference at {conference.Venue} on {conference.At:d MMMM yyyy HH:mm}", by, now);
    }

    public CaseEvent RecordAgreement(DateOnly on, IReadOnlyList<Guid> copiesGivenTo, int actions, string? by, DateTimeOffset now)
    {
        AgreedOn = on;
        AgreementCopiesGivenTo = [.. copiesGivenTo];
        return CaseEvent.Of(Id, "OutcomeAgreed", null, null, $"Outcome agreement with {actions} action(s); copies given to {copiesGivenTo.Count} participant(s)", by, now);
    }

    /// <summary>The next step of the hub process from each state, except allocation (allocateCase) and closure (closeCase).</summary>
    public static readonly IReadOnlyDictionary<CaseState, CaseState> NextStep = new Dictionary<CaseState, CaseState>
    {
        [CaseState.InformationGathering] = CaseState.SuitabilityAssessment,
        [CaseState.Allocated] = CaseState.Preparing,
        [CaseState.Preparing] = CaseState.CommunicationInProgress,
        [CaseState.CommunicationInProgress] = CaseState.OutcomeMonitoring,
    };

    public static (Case Case, CaseEvent Opened) Open(Guid referralId, string reference, string? by, DateTimeOffset now)
    {
        var opened = new Case { Id = Guid.CreateVersion7(now), ReferralId = referralId, Reference = reference, State = CaseState.InformationGathering, OpenedAt = now };
        return (opened, CaseEvent.Of(opened.Id, "Opened", null, CaseState.InformationGathering, "Referral accepted", by, now));
    }

    public CaseEvent MoveTo(CaseState to, string why, string? by, DateTimeOffset now)
    {
        var from = State;
        State = to;
        return CaseEvent.Of(Id, "Moved", from, to, why, by, now);
    }

    public CaseEvent Close(string reason, string why, string? by, DateTimeOffset now)
    {
        var from = State;
        State = CaseState.Closed;
        ClosedAt = now;
        ClosureReason = reason;
        return CaseEvent.Of(Id, "Closed", from, CaseState.Closed, string.IsNullOrEmpty(why) ? reason : $"{reason}: {why}", by, now);
    }
}

/// <summary>One step of a case's timeline.</summary>
internal sealed class CaseEvent : ITenantOwned
{
    private CaseEvent() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid CaseId { get; private set; }

    public string Kind { get; private set; } = "";

    public CaseState? FromState { get; private set; }

    public CaseState? ToState { get; private set; }

    /// <summary>Why, as the person who acted said it.</summary>
    public string Detail { get; private set; } = "";

    /// <summary>The user id of who acted.</summary>
    public string? By { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static CaseEvent Of(Guid caseId, string kind, CaseState? from, CaseState? to, string detail, string? by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), CaseId = caseId, Kind = kind, FromState = from, ToState = to, Detail = detail, By = by, At = now,
    };
}

/// <summary>A facilitator on a case, from allocation until released; reallocation keeps the history.</summary>
internal sealed class CaseAllocation : ITenantOwned
{
    private CaseAllocation() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid PractitionerId { get; private set; }

    public string PractitionerName { get; private set; } = "";

    public DateOnly From { get; private set; }

    public DateOnly? Until { get; private set; }

    public static CaseAllocation Start(Guid caseId, Guid practitionerId, string name, DateOnly from, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), CaseId = caseId, PractitionerId = practitionerId, PractitionerName = name, From = from };

    public void End(DateOnly on) => Until ??= on;
}

public enum Agency { Police, VictimSupport, Probation, YouthOffending, Other }

/// <summary>Information asked of an agency so facilitators visit safely: requested, chased, received with a summary.</summary>
internal sealed class InformationRequest : ITenantOwned
{
    private InformationRequest() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid CaseId { get; private set; }

    public Agency Agency { get; private set; }

    public string What { get; private set; } = "";

    public bool Required { get; private set; }

    public DateOnly RequestedOn { get; private set; }

    public DateOnly? LastChasedOn { get; private set; }

    public int Chases { get; private set; }

    public DateOnly? ReceivedOn { get; private set; }

    public string? Summary { get; private set; }

    public bool IsOpen => ReceivedOn is null;

    public static InformationRequest Make(Guid caseId, Agency agency, string what, bool required, DateOnly on, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), CaseId = caseId, Agency = agency, What = what, Required = required, RequestedOn = on };

    public void Chase(DateOnly on)
    {
        LastChasedOn = on;
        Chases++;
    }

    public void Receive(DateOnly on, string summary)
    {
        ReceivedOn = on;
        Summary = summary;
    }
}

/// <summary>A participant who withdrew from the case, and why.</summary>
internal sealed class Withdrawal : ITenantOwned
{
    private Withdrawal() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid ParticipantId { get; private set; }

    public string Reason { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public static Withdrawal Record(Guid caseId, Guid participantId, string reason, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), CaseId = caseId, ParticipantId = participantId, Reason = reason, At = now };
}

/// <summary>The office's case-work policy: facilitators per case and its closure reasons.</summary>
internal sealed class CaseSettings : ITenantOwned
{
    public static readonly IReadOnlyList<string> DefaultClosureReasons =
        ["Completed face to face", "Completed indirectly", "Party declined", "Withdrawn", "Unsuitable after assessment", "Unable to contact"];

    public const string Withdrawn = "Withdrawn";

    private CaseSettings() { }

    public Guid TenantId { get; private set; }

    public int FacilitatorsPerCase { get; private set; } = 2;

    public IReadOnlyList<string> ClosureReasons { get; private set; } = DefaultClosureReasons;

    public DateTimeOffset UpdatedAt { get; private set; }

    public static CaseSettings Defaults() => new();

    public static CaseSettings Set(int facilitators, IReadOnlyList<string> reasons, DateTimeOffset now) =>
        new() { FacilitatorsPerCase = facilitators, ClosureReasons = reasons, UpdatedAt = now };

    public void Change(int facilitators, IReadOnlyList<string> reasons, DateTimeOffset now) =>
        (FacilitatorsPerCase, ClosureReasons, UpdatedAt) = (facilitators, reasons, now);
}
