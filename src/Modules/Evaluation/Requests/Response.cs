using RJCloud.Modules.Evaluation.Questionnaires;
using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Evaluation.Requests;

public enum ResponseChannel { Staff, ParticipantLink }

public enum EmpathyStage { Start, End }

/// <summary>
/// A participant's answers to one version of a questionnaire: feedback on a closed case (for a request), or the empathy
/// questionnaire of a person responsible at the start or end of a case. The figures measures count are read from the
/// answers once, when they are given: satisfaction (1 to 5), would recommend, and the empathy score.
/// </summary>
internal sealed class Response : ITenantOwned
{
    private Response() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public QuestionnairePurpose Purpose { get; private set; }

    public int TemplateVersion { get; private set; }

    /// <summary>The feedback request answered; null for empathy questionnaires.</summary>
    public Guid? RequestId { get; private set; }

    public Guid ReferralId { get; private set; }

    public Guid ParticipantId { get; private set; }

    public EmpathyStage? Stage { get; private set; }

    public List<Answer> Answers { get; private set; } = new List<Answer>();

    public int? Satisfaction { get; private set; }

    public bool? WouldRecommend { get; private set; }

    public int? Score { get; private set; }

    public ResponseChannel Channel { get; private set; }

    public string? TakenBy { get; private set; }

    public DateTimeOffset TakenAt { get; private set; }

    public static Response To(QuestionnaireTemplate template, Guid? requestId, Guid referralId, Guid participantId, EmpathyStage? stage, IReadOnlyList<Answer> answers,
        ResponseChannel channel, string? by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), Purpose = template.Purpose, TemplateVersion = template.Version, RequestId = requestId, ReferralId = referralId,
        ParticipantId = participantId, Stage = stage, Answers = [.. answers], Satisfaction = Questionnaires.Answers.SatisfactionOf(template, answers),
        WouldRecommend = Questionnaires.Answers.RecommendOf(template, answers), Score = Questionnaires.Answers.ScoreOf(template, answers),
        Channel = channel, TakenBy = by, TakenAt = now,
    };
}
