using GraphQL;
using GraphQL.Types;
using RJCloud.Modules.Evaluation.Questionnaires;

namespace RJCloud.Modules.Evaluation.Features;

internal sealed class QuestionType : ObjectGraphType<Question>
{
    public QuestionType()
    {
        Name = "QuestionnaireQuestion";
        Description = "One question; its key stays the same across versions so answers can be compared.";
        Field(q => q.Key);
        Field(q => q.Text);
        Field<NonNullGraphType<EnumerationGraphType<QuestionKind>>>("kind").Resolve(c => c.Source.Kind);
        Field(q => q.Required);
        Field(q => q.WithComment).Description("Has space for a comment beside the answer.");
        Field(q => q.ScaleMin, nullable: true);
        Field(q => q.ScaleMax, nullable: true);
        Field(q => q.ScaleMinLabel, nullable: true);
        Field(q => q.ScaleMaxLabel, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("choices").Resolve(c => c.Source.Choices);
        Field<NonNullGraphType<EnumerationGraphType<QuestionMeasure>>>("measure").Resolve(c => c.Source.Measure);
        Field(q => q.ReverseScored).Description("For the scored empathy questionnaire: agreeing scores low.");
    }
}

internal sealed class QuestionnaireType : ObjectGraphType<QuestionnaireTemplate>
{
    public QuestionnaireType()
    {
        Name = "Questionnaire";
        Description = "One version of an office's questionnaire. Answers keep the version they answered.";
        Field<NonNullGraphType<EnumerationGraphType<QuestionnairePurpose>>>("purpose").Resolve(c => c.Source.Purpose);
        Field(t => t.Version);
        Field(t => t.Title);
        Field(t => t.Scored).Description("Answers are scored: the sum of the scale answers, reverse-scored ones counted backwards.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuestionType>>>>("questions").Resolve(c => c.Source.Questions).WithComplexityImpact(1, 20);
        Field<RJCloud.Shared.GraphQL.Scalars.UtcDateTimeGraphType>("publishedAt").Resolve(c => c.Source.Id == Guid.Empty ? null : c.Source.PublishedAt)
            .Description("Null for the version every office starts with.");
    }
}

internal sealed class AnswerType : ObjectGraphType<Answer>
{
    public AnswerType()
    {
        Name = "QuestionnaireAnswer";
        Field(a => a.Key);
        Field(a => a.Yes, nullable: true);
        Field(a => a.Scale, nullable: true);
        Field(a => a.Choice, nullable: true);
        Field(a => a.Text, nullable: true);
        Field(a => a.Comment, nullable: true);
    }
}

internal sealed class AnswerInputType : InputObjectGraphType<Answer>
{
    public AnswerInputType()
    {
        Name = "AnswerInput";
        Description = "An answer to the question with this key: yes for yes/no questions, scale for scales, choice for choices, text for the others; a comment where the question has space for one.";
        Field<NonNullGraphType<StringGraphType>>("key");
        Field<BooleanGraphType>("yes");
        Field<IntGraphType>("scale");
        Field<StringGraphType>("choice");
        Field<StringGraphType>("text");
        Field<StringGraphType>("comment");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new Answer
    {
        Key = ((string?)value["key"])?.Trim() ?? "",
        Yes = value.TryGetValue("yes", out var yes) ? (bool?)yes : null,
        Scale = value.TryGetValue("scale", out var scale) ? (int?)scale : null,
        Choice = Clean(value, "choice"),
        Text = Clean(value, "text"),
        Comment = Clean(value, "comment"),
    };

    private static string? Clean(IDictionary<string, object?> value, string key) =>
        value.TryGetValue(key, out var text) && ((string?)text)?.Trim() is { Length: > 0 } trimmed ? trimmed : null;
}

internal sealed class QuestionInputType : InputObjectGraphType<Question>
{
    public QuestionInputType()
    {
        Name = "QuestionInput";
        Field<NonNullGraphType<StringGraphType>>("key").Description("Stable across versions, e.g. \"feltSafe\".");
        Field<NonNullGraphType<StringGraphType>>("text");
        Field<NonNullGraphType<EnumerationGraphType<QuestionKind>>>("kind");
        Field<BooleanGraphType>("required").DefaultValue(false);
        Field<BooleanGraphType>("withComment").DefaultValue(false);
        Field<IntGraphType>("scaleMin");
        Field<IntGraphType>("scaleMax");
        Field<StringGraphType>("scaleMinLabel");
        Field<StringGraphType>("scaleMaxLabel");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("choices");
        Field<EnumerationGraphType<QuestionMeasure>>("measure").DefaultValue(QuestionMeasure.None);
        Field<BooleanGraphType>("reverseScored").DefaultValue(false);
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new Question
    {
        Key = ((string?)value["key"])?.Trim() ?? "",
        Text = ((string?)value["text"])?.Trim() ?? "",
        Kind = (QuestionKind)value["kind"]!,
        Required = value.TryGetValue("required", out var required) && required is true,
        WithComment = value.TryGetValue("withComment", out var comment) && comment is true,
        ScaleMin = value.TryGetValue("scaleMin", out var min) ? (int?)min : null,
        ScaleMax = value.TryGetValue("scaleMax", out var max) ? (int?)max : null,
        ScaleMinLabel = value.TryGetValue("scaleMinLabel", out var minLabel) ? ((string?)minLabel)?.Trim() : null,
        ScaleMaxLabel = value.TryGetValue("scaleMaxLabel", out var maxLabel) ? ((string?)maxLabel)?.Trim() : null,
        Choices = value.TryGetValue("choices", out var choices) && choices is IEnumerable<object?> list ? [.. list.Select(c => ((string?)c)?.Trim() ?? "")] : new List<string>(),
        Measure = value.TryGetValue("measure", out var measure) && measure is QuestionMeasure m ? m : QuestionMeasure.None,
        ReverseScored = value.TryGetValue("reverseScored", out var reverse) && reverse is true,
    };
}
