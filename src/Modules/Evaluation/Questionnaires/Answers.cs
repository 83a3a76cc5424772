using RJCloud.Shared.GraphQL.Mutations;

namespace RJCloud.Modules.Evaluation.Questionnaires;

/// <summary>One answer, by the question's key: the part that fits the question's kind, and a comment where the question has space for one.</summary>
internal sealed record Answer
{
    public required string Key { get; init; }

    public bool? Yes { get; init; }

    public int? Scale { get; init; }

    public string? Choice { get; init; }

    public string? Text { get; init; }

    public string? Comment { get; init; }
}

/// <summary>Checks answers against the version of the questionnaire they answer, and reads the figures they feed.</summary>
internal static class Answers
{
    public const int MaxText = 4000;

    /// <summary>Every fault at once, each on the answer it concerns (input.answers.N); nothing is saved when there is one.</summary>
    public static List<UserError> Check(QuestionnaireTemplate template, IReadOnlyList<Answer> answers)
    {
        var errors = new List<UserError>();
        var questions = template.Questions.ToDictionary(q => q.Key);
        var seen = new HashSet<string>();
        for (var i = 0; i < answers.Count; i++)
        {
            var answer = answers[i];
            string[] at = ["input", "answers", i.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            if (!questions.TryGetValue(answer.Key, out var question))
            {
                errors.Add(UserError.For("UNKNOWN_QUESTION", $"\"{answer.Key}\" is not a question of {template.Title} (version {template.Version}).", at));
                continue;
            }
            if (!seen.Add(answer.Key))
            {
                errors.Add(UserError.For("DUPLICATE_ANSWER", $"\"{question.Text}\" is answered more than once.", at));
                continue;
            }
            if (Fault(question, answer) is { } fault) errors.Add(UserError.For(fault.Code, fault.Message, at));
        }
        foreach (var missing in template.Questions.Where(q => q.Required && !answers.Any(a => a.Key == q.Key && HasValue(q, a))))
            errors.Add(UserError.For("REQUIRED", $"Answer \"{missing.Text}\"", "input", "answers"));
        return errors;
    }

    private static bool HasValue(Question question, Answer answer) => question.Kind switch
    {
        QuestionKind.YesNo => answer.Yes is not null,
        QuestionKind.Scale => answer.Scale is not null,
        QuestionKind.Choice => !string.IsNullOrWhiteSpace(answer.Choice),
        _ => !string.IsNullOrWhiteSpace(answer.Text),
    };

    private static (string Code, string Message)? Fault(Question question, Answer answer)
    {
        var others = question.Kind switch
        {
            QuestionKind.YesNo => answer.Scale is not null || answer.Choice is not null || answer.Text is not null,
            QuestionKind.Scale => answer.Yes is not null || answer.Choice is not null || answer.Text is not null,
            QuestionKind.Choice => answer.Yes is not null || answer.Scale is not null || answer.Text is not null,
            _ => answer.Yes is not null || answer.Scale is not null || answer.Choice is not null,
        };
        if (others) return ("WRONG_KIND", $"\"{question.Text}\" takes {KindWords(question)}.");
        if (answer.Comment is not null && !question.WithComment) return ("NO_COMMENT", $"\"{question.Text}\" has no space for a comment.");
        if ((answer.Text?.Length ?? 0) > MaxText || (answer.Comment?.Length ?? 0) > MaxText) return ("TOO_LONG", $"An answer is at most {MaxText:N0} characters.");
        if (answer.Scale is { } scale && (scale < question.ScaleMin || scale > question.ScaleMax))
            return ("OUT_OF_RANGE", $"\"{question.Text}\" is from {question.ScaleMin} ({question.ScaleMinLabel}) to {question.ScaleMax} ({question.ScaleMaxLabel}).");
        if (answer.Choice is { } choice && !question.Choices.Contains(choice))
            return ("UNKNOWN_CHOICE", $"\"{question.Text}\" is answered with one of: {string.Join(", ", question.Choices)}.");
        return null;
    }

    private static string KindWords(Question question) => question.Kind switch
    {
        QuestionKind.YesNo => "yes or no",
        QuestionKind.Scale => $"a number from {question.ScaleMin} to {question.ScaleMax}",
        QuestionKind.Choice => "one of its choices",
        _ => "words",
    };

    /// <summary>The answer to the satisfaction question (1 to 5), when the questionnaire has one and it was answered.</summary>
    public static int? SatisfactionOf(QuestionnaireTemplate template, IReadOnlyList<Answer> answers) =>
        template.Questions.FirstOrDefault(q => q.Measure == QuestionMeasure.Satisfaction) is { } q ? answers.FirstOrDefault(a => a.Key == q.Key)?.Scale : null;

    public static bool? RecommendOf(QuestionnaireTemplate template, IReadOnlyList<Answer> answers) =>
        template.Questions.FirstOrDefault(q => q.Measure == QuestionMeasure.Recommend) is { } q ? answers.FirstOrDefault(a => a.Key == q.Key)?.Yes : null;

    /// <summary>A scored questionnaire's score: each scale answer counted from its low end, reverse-scored ones from the high end.</summary>
    public static int? ScoreOf(QuestionnaireTemplate template, IReadOnlyList<Answer> answers)
    {
        if (!template.Scored) return null;
        var score = 0;
        foreach (var question in template.Questions.Where(q => q.Kind == QuestionKind.Scale))
        {
            if (answers.FirstOrDefault(a => a.Key == question.Key)?.Scale is not { } value) return null;
            score += question.ReverseScored ? question.ScaleMax!.Value + question.ScaleMin!.Value - value : value;
        }
        return score;
    }

    /// <summary>Faults in a template an office wants to publish; a template that would make figures mean something else is refused.</summary>
    public static List<UserError> CheckTemplate(QuestionnairePurpose purpose, string title, IReadOnlyList<Question> questions)
    {
        var errors = new List<UserError>();
        if (string.IsNullOrWhiteSpace(title) || title.Length > 200) errors.Add(UserError.For("INVALID_TITLE", "Give the questionnaire a title of up to 200 characters.", "input", "title"));
        if (questions.Count is 0 or > 60) errors.Add(UserError.For("INVALID_QUESTIONS", "A questionnaire has from 1 to 60 questions.", "input", "questions"));
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            string[] at = ["input", "questions", i.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            if (!System.Text.RegularExpressions.Regex.IsMatch(q.Key, "^[a-zA-Z][a-zA-Z0-9]{0,39}$"))
                errors.Add(UserError.For("INVALID_KEY", "A question's key is a letter then up to 39 letters or digits, e.g. \"feltSafe\".", [.. at, "key"]));
            else if (questions.Take(i).Any(other => other.Key == q.Key))
                errors.Add(UserError.For("DUPLICATE_KEY", $"Two questions have the key \"{q.Key}\".", [.. at, "key"]));
            if (string.IsNullOrWhiteSpace(q.Text) || q.Text.Length > 500) errors.Add(UserError.For("INVALID_TEXT", "A question's text is up to 500 characters.", [.. at, "text"]));
            if (q.Kind == QuestionKind.Scale && (q.ScaleMin is not { } min || q.ScaleMax is not { } max || min < 0 || max > 10 || min >= max))
                errors.Add(UserError.For("INVALID_SCALE", "A scale runs from a lower to a higher whole number between 0 and 10.", at));
            if (q.Kind != QuestionKind.Scale && (q.ScaleMin is not null || q.ScaleMax is not null || q.ReverseScored))
                errors.Add(UserError.For("INVALID_SCALE", "Only scale questions have a scale.", at));
            if (q.Kind == QuestionKind.Choice && (q.Choices.Count < 2 || q.Choices.Distinct().Count() != q.Choices.Count || q.Choices.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > 100)))
                errors.Add(UserError.For("INVALID_CHOICES", "A choice question has at least two different choices of up to 100 characters.", [.. at, "choices"]));
            if (q.Kind != QuestionKind.Choice && q.Choices.Count > 0)
                errors.Add(UserError.For("INVALID_CHOICES", "Only choice questions have choices.", [.. at, "choices"]));
        }
        var satisfaction = questions.Where(q => q.Measure == QuestionMeasure.Satisfaction).ToList();
        if (purpose != QuestionnairePurpose.VictimEmpathy
            && (satisfaction.Count != 1 || satisfaction[0] is not { Kind: QuestionKind.Scale, ScaleMin: 1, ScaleMax: 5, Required: true }))
            errors.Add(UserError.For("SATISFACTION_QUESTION", "A feedback questionnaire keeps exactly one required satisfaction question on a 1 to 5 scale, so that victim satisfaction means the same in every office.", "input", "questions"));
        if (purpose == QuestionnairePurpose.VictimEmpathy && satisfaction.Count > 0)
            errors.Add(UserError.For("SATISFACTION_QUESTION", "The empathy questionnaire has no satisfaction question.", "input", "questions"));
        if (questions.Count(q => q.Measure == QuestionMeasure.Recommend) > 1 || questions.Any(q => q.Measure == QuestionMeasure.Recommend && q.Kind != QuestionKind.YesNo))
            errors.Add(UserError.For("RECOMMEND_QUESTION", "At most one question asks whether they would recommend it, answered yes or no.", "input", "questions"));
        if (purpose == QuestionnairePurpose.VictimEmpathy && (questions.Any(q => q.Kind != QuestionKind.Scale || !q.Required) || questions.Select(q => (q.ScaleMin, q.ScaleMax)).Distinct().Count() > 1))
            errors.Add(UserError.For("UNSCORABLE", "The empathy questionnaire is scored: every question is a required scale question, all on the same scale.", "input", "questions"));
        if (purpose != QuestionnairePurpose.VictimEmpathy && questions.Any(q => q.ReverseScored))
            errors.Add(UserError.For("INVALID_SCALE", "Only the empathy questionnaire is scored.", "input", "questions"));
        return errors;
    }
}
