using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Evaluation.Persistence;
using RJCloud.Modules.Evaluation.Questionnaires;
using RJCloud.Modules.Evaluation.Requests;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;

namespace RJCloud.Modules.Evaluation.Features;

/// <summary>
/// The office's questionnaires (versioned), the empathy questionnaire at the start and end of a case, and the public
/// side of a participant's one-time link: the form it opens and the answers it takes, with no account.
/// </summary>
internal sealed class QuestionnaireFields(TimeProvider clock) : ISchemaContributor
{
    public static readonly string[] Editors = [Roles.ServiceManager, Roles.TenantAdmin];
    public static readonly string[] Readers = [.. EvaluationFields.Staff, Roles.TenantAdmin];

    public void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<QuestionnaireType>>("questionnaire")
            .Description("The office's current version of a questionnaire (the built-in version 1 until it publishes its own).")
            .Argument<NonNullGraphType<EnumerationGraphType<QuestionnairePurpose>>>("purpose")
            .Authorize(Readers)
            .ResolveAsync(async context => await Questionnaires.Questionnaires.CurrentAsync(Db(context), context.GetArgument<QuestionnairePurpose>("purpose"), context.CancellationToken));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuestionnaireType>>>>("questionnaireVersions")
            .Description("Every version of a questionnaire, oldest first: answers keep the version they answered.")
            .Argument<NonNullGraphType<EnumerationGraphType<QuestionnairePurpose>>>("purpose")
            .Authorize(Readers)
            .WithComplexityImpact(1, 10)
            .ResolveAsync(async context => await Questionnaires.Questionnaires.VersionsAsync(Db(context), context.GetArgument<QuestionnairePurpose>("purpose"), context.CancellationToken));

        query.Field<FeedbackFormType>("feedbackForm")
            .Description("The questionnaire a participant's one-time link opens, at the office's own address with no sign-in; null when the link is unknown, used or expired.")
            .Argument<NonNullGraphType<StringGraphType>>("link", "The secret part of the link (after /feedback/).")
            .AllowAnonymous()
            .ResolveAsync(async context =>
            {
                if (context.RequestServices!.GetRequiredService<ITenantContext>().Current is null) return null;
                var db = Db(context);
                if (await OpenLinkAsync(db, context.GetArgument<string>("link"), context.CancellationToken) is not { } found) return null;
                return new FeedbackForm(await Questionnaires.Questionnaires.CurrentAsync(db, found.Request.Questionnaire, context.CancellationToken), found.Link.ExpiresAt);
            });
    }

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Mutation<QuestionnairePayloadType, PublishQuestionnaireInputType, QuestionnairePayload>("publishQuestionnaire",
                "Publishes a new version of one of the office's questionnaires. Answers already given keep their version. Feedback questionnaires keep one "
                + "required satisfaction question on a 1 to 5 scale; the empathy questionnaire stays scorable.")
            .Authorize(Editors)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var purpose = (QuestionnairePurpose)input["purpose"]!;
                var title = ((string?)input["title"])?.Trim() ?? "";
                var questions = ((IEnumerable<object?>)input["questions"]!).Cast<Question>().ToList();
                if (Answers.CheckTemplate(purpose, title, questions) is { Count: > 0 } errors) return new QuestionnairePayload { UserErrors = errors };
                var db = Db(context);
                var current = await Questionnaires.Questionnaires.CurrentAsync(db, purpose, context.CancellationToken);
                var published = QuestionnaireTemplate.Publish(purpose, current.Version + 1, title, questions, Actor.Of(context.RequestServices!).Subject, clock.GetUtcNow());
                db.Templates.Add(published);
                if (!await Saves.TrySaveAsync(db, context.CancellationToken))
                    return QuestionnairePayload.Refuse(UserError.For("CHANGED_MEANWHILE", "Someone else published a version at the same moment. Look at it, then publish again.", "input", "purpose"));
                return new QuestionnairePayload { Questionnaire = published };
            });

        mutation.Mutation<EmpathyPayloadType, EmpathyInputType, EmpathyPayload>("recordEmpathyQuestionnaire",
                "Records a person responsible's answers to the victim empathy questionnaire at the start or the end of their case, and scores them. Once per stage.")
            .Authorize(EvaluationFields.Staff)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var db = Db(context);
                var caseId = GlobalId.DecodeFor("Case", input["caseId"]?.ToString());
                var participantId = GlobalId.DecodeFor("Participant", input["participantId"]?.ToString());
                var stage = (EmpathyStage)input["stage"]!;
                var answers = ((IEnumerable<object?>)input["answers"]!).Cast<Answer>().ToList();
                var referral = caseId is null ? null : await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.CaseId == caseId, context.CancellationToken);
                if (referral is null) return EmpathyPayload.Refuse(UserError.For("NOT_FOUND", "There is no case with this id.", "input", "caseId"));
                var participant = referral.Participants.FirstOrDefault(p => p.ParticipantId == participantId);
                if (participant is null) return EmpathyPayload.Refuse(UserError.For("NOT_FOUND", "This person is not a participant of the case.", "input", "participantId"));
                if (participant.Role is not ("PersonResponsible" or "BothParties"))
                    return EmpathyPayload.Refuse(UserError.For("NOT_PERSON_RESPONSIBLE", "The empathy questionnaire is for the person responsible.", "input", "participantId"));
                if (await db.Responses.AnyAsync(r => r.ParticipantId == participant.ParticipantId && r.Stage == stage, context.CancellationToken))
                    return EmpathyPayload.Refuse(UserError.For("ALREADY_RECORDED", $"Their questionnaire at the {stage.ToString().ToLowerInvariant()} of the case is recorded already.", "input", "stage"));
                var template = await Questionnaires.Questionnaires.CurrentAsync(db, QuestionnairePurpose.VictimEmpathy, context.CancellationToken);
                if (Answers.Check(template, answers) is { Count: > 0 } errors) return new EmpathyPayload { UserErrors = errors };
                var response = Response.To(template, null, referral.Id, participant.ParticipantId, stage, answers, ResponseChannel.Staff,
                    Actor.Of(context.RequestServices!).Subject, clock.GetUtcNow());
                db.Responses.Add(response);
                if (!await Saves.TrySaveAsync(db, context.CancellationToken))
                    return EmpathyPayload.Refuse(UserError.For("ALREADY_RECORDED", "Someone else recorded this questionnaire at the same moment.", "input", "stage"));
                var start = stage == EmpathyStage.End
                    ? await db.Responses.AsNoTracking().Where(r => r.ParticipantId == participant.ParticipantId && r.Stage == EmpathyStage.Start).Select(r => r.Score).FirstOrDefaultAsync(context.CancellationToken)
                    : null;
                return new EmpathyPayload { Response = response, Change = start is { } s && response.Score is { } e ? e - s : null };
            });

        mutation.Mutation<PublicFeedbackPayloadType, SubmitFeedbackInputType, PublicFeedbackPayload>("submitFeedback",
                "A participant's answers through their one-time link, at the office's own address with no sign-in. The link works once.")
            .AllowAnonymous()
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                if (context.RequestServices!.GetRequiredService<ITenantContext>().Current is null)
                    return PublicFeedbackPayload.Refuse(UserError.For("OFFICE_REQUIRED", "Open the link at your office's own address.", "input", "link"));
                var db = Db(context);
                if (await OpenLinkAsync(db, (string?)input["link"] ?? "", context.CancellationToken) is not { } found)
                    return PublicFeedbackPayload.Refuse(UserError.For("LINK_NOT_VALID",
                        "This link has expired or has already been used. If you would still like to give feedback, please contact the office.", "input", "link"));
                var answers = ((IEnumerable<object?>)input["answers"]!).Cast<Answer>().ToList();
                var template = await Questionnaires.Questionnaires.CurrentAsync(db, found.Request.Questionnaire, context.CancellationToken);
                if (Answers.Check(template, answers) is { Count: > 0 } errors) return new PublicFeedbackPayload { UserErrors = errors };
                var now = clock.GetUtcNow();
                found.Link.Use(now);
                EvaluationFields.Answer(db, found.Request, template, answers, ResponseChannel.ParticipantLink, null, now);
                if (!await Saves.TrySaveAsync(db, context.CancellationToken))
                    return PublicFeedbackPayload.Refuse(UserError.For("LINK_NOT_VALID", "This link has already been used.", "input", "link"));
                return new PublicFeedbackPayload { Received = true };
            });
    }

    /// <summary>The link and its request when the link is open (unused, unrevoked, unexpired) and the request still waits for answers.</summary>
    private async Task<(FeedbackLink Link, EvaluationRequest Request)?> OpenLinkAsync(EvaluationDbContext db, string secret, CancellationToken cancellationToken)
    {
        if (secret.Length is < 20 or > 100) return null;
        var hash = FeedbackLink.Hash(secret);
        var link = await db.Links.FirstOrDefaultAsync(l => l.SecretHash == hash, cancellationToken);
        if (link is null || !link.OpenAt(clock.GetUtcNow())) return null;
        var request = await db.Requests.FirstAsync(r => r.Id == link.RequestId, cancellationToken);
        return request.Status == RequestStatus.Pending ? (link, request) : null;
    }

    private static EvaluationDbContext Db(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<EvaluationDbContext>();
}

internal sealed record FeedbackForm(QuestionnaireTemplate Questionnaire, DateTimeOffset ExpiresAt);

internal sealed class FeedbackFormType : ObjectGraphType<FeedbackForm>
{
    public FeedbackFormType()
    {
        Name = "FeedbackForm";
        Description = "The questionnaire behind a participant's link: questions only, nothing about the case or the person.";
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Questionnaire.Title);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuestionType>>>>("questions").Resolve(c => c.Source.Questionnaire.Questions).WithComplexityImpact(1, 20);
        Field(f => f.ExpiresAt);
    }
}

internal sealed record QuestionnairePayload : Payload
{
    public QuestionnaireTemplate? Questionnaire { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => Questionnaire is null ? [] : [Questionnaire.Id];

    public static QuestionnairePayload Refuse(UserError error) => new() { UserErrors = [error] };
}

internal sealed class QuestionnairePayloadType : PayloadGraphType<QuestionnairePayload>
{
    public QuestionnairePayloadType() : base("PublishQuestionnairePayload") =>
        Field<QuestionnaireType>("questionnaire").Resolve(c => c.Source.Questionnaire);
}

internal sealed record EmpathyPayload : Payload
{
    public Response? Response { get; init; }

    public int? Change { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => Response is null ? [] : [Response.Id];

    public static EmpathyPayload Refuse(UserError error) => new() { UserErrors = [error] };
}

internal sealed class EmpathyPayloadType : PayloadGraphType<EmpathyPayload>
{
    public EmpathyPayloadType() : base("RecordEmpathyQuestionnairePayload")
    {
        Field<IntGraphType>("score").Resolve(c => c.Source.Response?.Score);
        Field<IntGraphType>("change").Resolve(c => c.Source.Change).Description("At the end: the end score less the start score, when both are recorded.");
    }
}

internal sealed record PublicFeedbackPayload : Payload
{
    public bool Received { get; init; }

    public static PublicFeedbackPayload Refuse(UserError error) => new() { UserErrors = [error] };
}

internal sealed class PublicFeedbackPayloadType : PayloadGraphType<PublicFeedbackPayload>
{
    public PublicFeedbackPayloadType() : base("SubmitFeedbackPayload") =>
        Field<NonNullGraphType<BooleanGraphType>>("received").Resolve(c => c.Source.Received);
}

internal sealed class PublishQuestionnaireInputType : InputObjectGraphType
{
    public PublishQuestionnaireInputType()
    {
        Name = "PublishQuestionnaireInput";
        Field<NonNullGraphType<EnumerationGraphType<QuestionnairePurpose>>>("purpose");
        Field<NonNullGraphType<StringGraphType>>("title");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuestionInputType>>>>("questions");
    }
}

internal sealed class EmpathyInputType : InputObjectGraphType
{
    public EmpathyInputType()
    {
        Name = "RecordEmpathyQuestionnaireInput";
        Field<NonNullGraphType<IdGraphType>>("caseId");
        Field<NonNullGraphType<IdGraphType>>("participantId");
        Field<NonNullGraphType<EnumerationGraphType<EmpathyStage>>>("stage");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AnswerInputType>>>>("answers");
    }
}

internal sealed class SubmitFeedbackInputType : InputObjectGraphType
{
    public SubmitFeedbackInputType()
    {
        Name = "SubmitFeedbackInput";
        Field<NonNullGraphType<StringGraphType>>("link");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AnswerInputType>>>>("answers");
    }
}
