using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Evaluation.Measures;
using RJCloud.Modules.Evaluation.Persistence;
using RJCloud.Modules.Evaluation.Questionnaires;
using RJCloud.Modules.Evaluation.Requests;
using RJCloud.Modules.Evaluation.Settings;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Time;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;

namespace RJCloud.Modules.Evaluation.Features;

/// <summary>
/// Feedback from participants of closed cases: the requests the case-closed event made, attempts to reach each person,
/// their answers (taken by staff on the phone, or given through a one-time link), and the victim satisfaction measure.
/// </summary>
internal sealed class EvaluationFields(TimeProvider clock) : ISchemaContributor, INodeResolver
{
    public static readonly string[] Staff = [Roles.Coordinator, Roles.ServiceManager, Roles.Analyst];
    public static readonly string[] MeasureReaders = [.. Staff, Roles.Commissioner];

    public string TypeName => RequestType.Name;

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services) =>
        Actor.Of(services).IsInAnyRole(Staff)
            ? services.GetRequiredService<BatchLoaders>().ForOne<Guid, EvaluationRequest>("evaluation.requestById", async (ids, ct) =>
                await services.GetRequiredService<EvaluationDbContext>().Requests.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => (EvaluationRequest?)r, ct)).Load(id).AsObject()
            : DataLoaderResults.Nothing;

    public void AddQueries(ObjectGraphType query)
    {
        query.ConnectionField<object?, RequestType>("evaluationRequests")
            .Description("Feedback requests from closed cases, newest first.")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<RequestStatus>>>>("status", "Any of these statuses.")
            .Authorize(Staff)
            .ResolveAsync(async context =>
            {
                var requests = context.RequestServices!.GetRequiredService<EvaluationDbContext>().Requests.AsNoTracking();
                if (context.GetArgument<List<RequestStatus>?>("status") is { Count: > 0 } statuses) requests = requests.Where(r => statuses.Contains(r.Status));
                return await requests.ToConnectionAsync(r => r.Id, context.GetPage(), context.CancellationToken, newestFirst: true);
            });

        query.Field<NonNullGraphType<SatisfactionType>>("victimSatisfaction")
            .Description("Victims who took part and were satisfied (4 or 5 of 5), of those who answered, for cases closed in a period (all time by default), against the office's target.")
            .Argument<DateOnlyGraphType>("closedFrom").Argument<DateOnlyGraphType>("closedTo")
            .Authorize(MeasureReaders)
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<MeasureCalculator>().SatisfactionAsync(
                new MeasureFilter(context.GetArgument<DateOnly?>("closedFrom"), context.GetArgument<DateOnly?>("closedTo")), context.CancellationToken));
    }

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Mutation<RequestPayloadType, AttemptInputType, RequestPayload>("recordContactAttempt",
                "Logs an attempt to reach a participant for feedback: its result, and when to call back. A refusal closes the request as declined.")
            .Authorize(Staff)
            .ResolveAsync(context => ActAsync(context, (db, request, input) =>
            {
                var result = (AttemptResult)input["result"]!;
                var callBack = input.GetValueOrDefault("callBackOn") as DateOnly?;
                if (result == AttemptResult.CallBackRequested && callBack is null) return Task.FromResult<List<UserError>>([UserError.For("REQUIRED", "Say when to call back.", "input", "callBackOn")]);
                if (callBack is { } day && day < clock.Today()) return Task.FromResult<List<UserError>>([UserError.For("IN_PAST", "A call back is today or later.", "input", "callBackOn")]);
                db.Attempts.Add(ContactAttempt.Log(request.Id, clock.GetUtcNow(), result, callBack));
                if (result == AttemptResult.Declined) request.Close(RequestStatus.Declined, clock.GetUtcNow());
                return Task.FromResult(new List<UserError>());
            }));

        mutation.Mutation<RequestPayloadType, FeedbackInputType, RequestPayload>("recordFeedback",
                "Records a participant's answers to the questionnaire their request asks (the office's current version), taken on the phone. Once per request.")
            .Authorize(Staff)
            .ResolveAsync(context => ActAsync(context, async (db, request, input) =>
            {
                var answers = ((IEnumerable<object?>)input["answers"]!).Cast<Answer>().ToList();
                var template = await Questionnaires.Questionnaires.CurrentAsync(db, request.Questionnaire, context.CancellationToken);
                if (Answers.Check(template, answers) is { Count: > 0 } errors) return errors;
                Answer(db, request, template, answers, ResponseChannel.Staff, Actor.Of(context.RequestServices!).Subject, clock.GetUtcNow());
                return [];
            }));

        mutation.Mutation<FeedbackLinkPayloadType, IssueLinkInputType, FeedbackLinkPayload>("issueFeedbackLink",
                "Makes a one-time link for a participant to answer their questionnaire without an account, valid for the office's number of days. "
                + "The link is shown only in this answer; a new link ends any earlier one.")
            .Authorize(Staff)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var db = context.RequestServices!.GetRequiredService<EvaluationDbContext>();
                var request = await FindAsync(db, input, context.CancellationToken);
                if (request is null) return FeedbackLinkPayload.Refuse(NotFound);
                if (request.Status != RequestStatus.Pending) return FeedbackLinkPayload.Refuse(NotPending(request));
                var now = clock.GetUtcNow();
                foreach (var earlier in await db.Links.Where(l => l.RequestId == request.Id && l.UsedAt == null && l.RevokedAt == null).ToListAsync(context.CancellationToken))
                    earlier.Revoke(now);
                var days = await db.Settings.AsNoTracking().Select(s => (int?)s.FeedbackLinkDays).SingleOrDefaultAsync(context.CancellationToken) ?? EvaluationSettings.DefaultLinkDays;
                var (link, secret) = FeedbackLink.Issue(request.Id, days, Actor.Of(context.RequestServices!).Subject ?? "", now);
                db.Links.Add(link);
                await db.SaveChangesAsync(context.CancellationToken);
                var office = context.RequestServices!.GetRequiredService<ITenantContext>().Current!.Identifier;
                return new FeedbackLinkPayload { Link = link, Path = $"/{office}/feedback/{secret}" };
            });
    }

    internal static void Answer(EvaluationDbContext db, EvaluationRequest request, QuestionnaireTemplate template, List<Answer> answers, ResponseChannel channel, string? by, DateTimeOffset now)
    {
        db.Responses.Add(Response.To(template, request.Id, request.ReferralId, request.ParticipantId, null, answers, channel, by, now));
        request.Close(RequestStatus.Completed, now);
    }

    private static readonly UserError NotFound = UserError.For("NOT_FOUND", "There is no feedback request with this id.", "input", "requestId");

    private static UserError NotPending(EvaluationRequest request) =>
        UserError.For("NOT_PENDING", $"This request is {request.Status.ToString().ToLowerInvariant()} already.", "input", "requestId");

    private static async Task<EvaluationRequest?> FindAsync(EvaluationDbContext db, Dictionary<string, object?> input, CancellationToken cancellationToken)
    {
        var id = GlobalId.DecodeFor(RequestType.Name, input["requestId"]?.ToString());
        return id is null ? null : await db.Requests.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    private static async Task<RequestPayload?> ActAsync(IResolveFieldContext context, Func<EvaluationDbContext, EvaluationRequest, Dictionary<string, object?>, Task<List<UserError>>> act)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var db = context.RequestServices!.GetRequiredService<EvaluationDbContext>();
        var request = await FindAsync(db, input, context.CancellationToken);
        if (request is null) return RequestPayload.Refuse(NotFound);
        if (request.Status != RequestStatus.Pending) return RequestPayload.Refuse(NotPending(request));
        if (await act(db, request, input) is { Count: > 0 } refusals) return new RequestPayload { UserErrors = refusals };
        if (!await Saves.TrySaveAsync(db, context.CancellationToken)) return RequestPayload.Refuse(UserError.For("CHANGED_MEANWHILE",
            "Someone else answered or closed this request at the same moment. Look at it again.", "input", "requestId"));
        return new RequestPayload { Request = request };
    }
}

/// <summary>Saves, telling a lost race (a unique answer or a row changed meanwhile) from success; nothing of a lost race is kept.</summary>
internal static class Saves
{
    public static async Task<bool> TrySaveAsync(EvaluationDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

internal sealed class SatisfactionType : ObjectGraphType<Satisfaction>
{
    public SatisfactionType()
    {
        Name = "VictimSatisfaction";
        Field(s => s.Responses);
        Field(s => s.Satisfied);
        Field(s => s.Percent, nullable: true).Description("Null when nobody answered.");
        Field(s => s.TargetPercent).Description("The office's own target (90% unless it set another).");
        Field<BooleanGraphType>("meetsTarget").Resolve(c => c.Source.Percent is { } p ? p >= c.Source.TargetPercent : null);
        Field<NonNullGraphType<StringGraphType>>("definition").Resolve(_ => Satisfaction.Definition);
    }
}

internal sealed class RequestType : NodeGraphType<EvaluationRequest>
{
    public new const string Name = "EvaluationRequest";

    public RequestType() : base(Name, r => r.Id)
    {
        Description = "A request for one participant's feedback on a closed case.";
        this.Authorize(EvaluationFields.Staff);
        Field(r => r.CaseReference);
        Field<NonNullGraphType<IdGraphType>>("participantId").Resolve(c => GlobalId.Encode("Participant", c.Source.ParticipantId));
        Field(r => r.Role);
        Field(r => r.ClosureReason);
        Field(r => r.Withdrew);
        Field<NonNullGraphType<EnumerationGraphType<QuestionnairePurpose>>>("questionnaire").Resolve(c => c.Source.Questionnaire)
            .Description("The questionnaire they are asked: the post-conference follow-up after a conference, the participant evaluation otherwise.");
        Field<NonNullGraphType<EnumerationGraphType<RequestStatus>>>("status").Resolve(c => c.Source.Status);
        Field(r => r.CreatedAt);
        Field(r => r.CompletedAt, nullable: true);
    }
}

internal sealed record RequestPayload : Payload
{
    public EvaluationRequest? Request { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => Request is null ? [] : [Request.Id];

    public static RequestPayload Refuse(UserError error) => new() { UserErrors = [error] };
}

internal sealed class RequestPayloadType : PayloadGraphType<RequestPayload>
{
    public RequestPayloadType() : base("EvaluationRequestPayload") =>
        Field<EnumerationGraphType<RequestStatus>>("status").Resolve(c => c.Source.Request?.Status);
}

internal sealed record FeedbackLinkPayload : Payload
{
    public FeedbackLink? Link { get; init; }

    /// <summary>The link's path with its secret, shown once.</summary>
    public string? Path { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => Link is null ? [] : [Link.RequestId];

    public static FeedbackLinkPayload Refuse(UserError error) => new() { UserErrors = [error] };
}

internal sealed class FeedbackLinkPayloadType : PayloadGraphType<FeedbackLinkPayload>
{
    public FeedbackLinkPayloadType() : base("FeedbackLinkPayload")
    {
        Field<StringGraphType>("path").Resolve(c => c.Source.Path)
            .Description("The link's path on the service's site, e.g. /essex/feedback/..., to send to the participant. Shown once: it is not kept.");
        Field<RJCloud.Shared.GraphQL.Scalars.UtcDateTimeGraphType>("expiresAt").Resolve(c => c.Source.Link?.ExpiresAt);
    }
}

internal sealed class AttemptInputType : InputObjectGraphType
{
    public AttemptInputType()
    {
        Name = "RecordContactAttemptInput";
        Field<NonNullGraphType<IdGraphType>>("requestId");
        Field<NonNullGraphType<EnumerationGraphType<AttemptResult>>>("result");
        Field<DateOnlyGraphType>("callBackOn");
    }
}

internal sealed class FeedbackInputType : InputObjectGraphType
{
    public FeedbackInputType()
    {
        Name = "RecordFeedbackInput";
        Field<NonNullGraphType<IdGraphType>>("requestId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AnswerInputType>>>>("answers").Description("Answers by question key; required questions must be answered.");
    }
}

internal sealed class IssueLinkInputType : InputObjectGraphType
{
    public IssueLinkInputType()
    {
        Name = "IssueFeedbackLinkInput";
        Field<NonNullGraphType<IdGraphType>>("requestId");
    }
}
