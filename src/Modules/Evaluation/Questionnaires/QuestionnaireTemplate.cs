using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Evaluation.Questionnaires;

/// <summary>What a questionnaire is for; each office has its own versions of each.</summary>
public enum QuestionnairePurpose
{
    /// <summary>Appendix H: the post-conference follow-up, for participants of face-to-face conferences.</summary>
    PostConferenceFollowUp,

    /// <summary>The evaluation form for every participant, supporters included, of cases worked indirectly or closed early.</summary>
    ParticipantEvaluation,

    /// <summary>The victim empathy questionnaire the person responsible fills in at the start and at the end of a case, scored.</summary>
    VictimEmpathy,
}

public enum QuestionKind { YesNo, Scale, Choice, Text }

/// <summary>
/// What a question feeds, fixed so that figures mean the same in every office: the satisfaction question (a 1 to 5
/// scale) is the one victim satisfaction counts; the recommendation question is a yes or no.
/// </summary>
public enum QuestionMeasure { None, Satisfaction, Recommend }

/// <summary>One question of a template. Keys are stable across versions so that answers can be compared.</summary>
internal sealed record Question
{
    public required string Key { get; init; }

    public required string Text { get; init; }

    public required QuestionKind Kind { get; init; }

    public bool Required { get; init; }

    /// <summary>A yes/no or choice question with space for a comment, as the paper form has.</summary>
    public bool WithComment { get; init; }

    public int? ScaleMin { get; init; }

    public int? ScaleMax { get; init; }

    /// <summary>What the ends of a scale mean, e.g. "Very dissatisfied" and "Very satisfied".</summary>
    public string? ScaleMinLabel { get; init; }

    public string? ScaleMaxLabel { get; init; }

    public List<string> Choices { get; init; } = new List<string>();

    public QuestionMeasure Measure { get; init; }

    /// <summary>For scored questionnaires: a scale question whose score counts backwards (agreeing scores low).</summary>
    public bool ReverseScored { get; init; }
}

/// <summary>
/// One version of an office's questionnaire. Publishing a change adds a version; answers keep the version they were
/// given to, so old answers are never re-read against new questions.
/// </summary>
internal sealed class QuestionnaireTemplate : ITenantOwned
{
    private QuestionnaireTemplate() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public QuestionnairePurpose Purpose { get; private set; }

    public int Version { get; private set; }

    public string Title { get; private set; } = "";

    public List<Question> Questions { get; private set; } = new List<Question>();

    public DateTimeOffset PublishedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    /// <summary>Whether answers to it are scored (the empathy questionnaire): the sum of its scale answers, reverse-scored ones counted backwards.</summary>
    public bool Scored => Purpose == QuestionnairePurpose.VictimEmpathy;

    public static QuestionnaireTemplate Publish(QuestionnairePurpose purpose, int version, string title, IEnumerable<Question> questions, string? by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), Purpose = purpose, Version = version, Title = title, Questions = [.. questions], PublishedAt = now, PublishedBy = by,
    };

    /// <summary>A built-in version that belongs to no office until one publishes its own (never saved).</summary>
    public static QuestionnaireTemplate BuiltIn(QuestionnairePurpose purpose, string title, IEnumerable<Question> questions) => new()
    {
        Id = Guid.Empty, Purpose = purpose, Version = 1, Title = title, Questions = [.. questions], PublishedAt = DateTimeOffset.UnixEpoch,
    };
}
