using RJCloud.Modules.Evaluation.Questionnaires;
using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Evaluation.Requests;

public enum RequestStatus { Pending, Completed, Declined, Unreachable }

/// <summary>A request for one participant's feedback on a closed case, created from the case-closed event.</summary>
internal sealed class EvaluationRequest : ITenantOwned
{
    private EvaluationRequest() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid ReferralId { get; private set; }

    public Guid ParticipantId { get; private set; }

    public string CaseReference { get; private set; } = "";

    /// <summary>HarmedPerson, PersonResponsible, BothParties or Supporter.</summary>
    public string Role { get; private set; } = "";

    public string ClosureReason { get; private set; } = "";

    public bool Withdrew { get; private set; }

    /// <summary>The questionnaire they are asked: the post-conference follow-up after a conference, the participant evaluation otherwise.</summary>
    public QuestionnairePurpose Questionnaire { get; private set; }

    public RequestStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public bool IsVictim => Role is "HarmedPerson" or "BothParties";

    public static EvaluationRequest For(Guid caseId, Guid referralId, Guid participantId, string reference, string role, string reason, bool withdrew, DateTimeOffset now,
        string? method = null) => new()
    {
        Id = Guid.CreateVersion7(now), CaseId = caseId, ReferralId = referralId, ParticipantId = participantId, CaseReference = reference, Role = role, ClosureReason = reason,
        Withdrew = withdrew, Status = RequestStatus.Pending, CreatedAt = now,
        Questionnaire = method == "Conference" ? QuestionnairePurpose.PostConferenceFollowUp : QuestionnairePurpose.ParticipantEvaluation,
    };

    public void Close(RequestStatus status, DateTimeOffset now) => (Status, CompletedAt) = (status, now);
}

public enum AttemptResult { NoAnswer, LeftMessage, CallBackRequested, Reached, Declined, WrongNumber }

/// <summary>One attempt to reach a participant for their feedback.</summary>
internal sealed class ContactAttempt : ITenantOwned
{
    private ContactAttempt() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid RequestId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public AttemptResult Result { get; private set; }

    public DateOnly? CallBackOn { get; private set; }

    public static ContactAttempt Log(Guid requestId, DateTimeOffset at, AttemptResult result, DateOnly? callBackOn) =>
        new() { Id = Guid.CreateVersion7(at), RequestId = requestId, At = at, Result = result, CallBackOn = callBackOn };
}
