using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Evaluation.Persistence;
using RJCloud.Modules.Evaluation.Requests;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Time;
using RJCloud.Tenancy.Audit.SensitiveReads;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Evaluation.Features;

/// <summary>
/// Feedback from participants of closed cases: the requests the case-closed event made, attempts to reach
/// each person, their answers taken by staff, and the victim satisfaction measure computed from them.
/// </summary>
internal sealed class EvaluationFields(TimeProvider clock) : ISchemaContributor, INodeResolver
{
    public static readonly string[] Staff = [Roles.Coordinator, Roles.ServiceManager, Roles.Analyst];
    public static readonly string[] MeasureReaders = [.. Staff, Roles.Commissioner];
    public const decimal DefaultTargetPercent = 90;

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
            .ResolveAsync(async context =>
            {
                var db = context.RequestServices!.GetRequiredService<EvaluationDbContext>();
                var from = context.GetArgument<DateOnly?>("closedFrom");
                var to = context.GetArgument<DateOnly?>("closedTo");
                var answered = await (from request in db.Requests.AsNoTracking()
                                      join feedback in db.Feedback on request.Id equals feedback.RequestId
                                      where (request.Role == "HarmedPerson" || request.Role == "BothParties") && !request.Withdrew
                                      select new { request.CreatedAt, feedback.Satisfaction }).ToListAsync(context.CancellationToken);
                var inPeriod = answered.Where(a => (from is null || EnglandClock.DayOf(a.CreatedAt) >= from) && (to is null || EnglandClock.DayOf(a.CreatedAt) <= to)).ToList();
                return new Satisfaction(inPeriod.Count, inPeriod.Count(a => a.Satisfaction >= 4), DefaultTargetPercent);
            });
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
                if (result == AttemptResult.CallBackRequested && callBack is null) return UserError.For("REQUIRED", "Say when to call back.", "input", "callBackOn");
                if (callBack is { } day && day < clock.Today()) return UserError.For("IN_PAST", "A call back is today or later.", "input", "callBackOn");
                db.Attempts.Add(ContactAttempt.Log(request.Id, clock.GetUtcNow(), result, callBack));
                if (result == AttemptResult.Declined) request.Close(RequestStatus.Declined, clock.GetUtcNow());
                return null;
            }));

        mutation.Mutation<RequestPayloadType, FeedbackInputType, RequestPayload>("recordFeedback",
                "Records a participant's answers, taken on the phone: satisfaction (1 to 5), whether they would recommend it, whether they feel safer, and comments.")
            .Authorize(Staff)
            .ResolveAsync(context => ActAsync(context, (db, request, input) =>
            {
                var satisfaction = (int)input["satisfaction"]!;
                if (satisfaction is < 1 or > 5) return UserError.For("OUT_OF_RANGE", "Satisfaction is from 1 (very dissatisfied) to 5 (very satisfied).", "input", "satisfaction");
                var comments = ((string?)input.GetValueOrDefault("comments"))?.Trim();
                if (comments is { Length: > 4000 }) return UserError.For("TOO_LONG", "Comments are at most 4,000 characters.", "input", "comments");
                db.Feedback.Add(Requests.Feedback.Take(request.Id, satisfaction, input.GetValueOrDefault("wouldRecommend") as bool?, input.GetValueOrDefault("feelsSafer") as bool?,
                    string.IsNullOrEmpty(comments) ? null : comments, clock.GetUtcNow()));
                request.Close(RequestStatus.Completed, clock.GetUtcNow());
                return null;
            }));
    }

    private static async Task<RequestPayload?> ActAsync(IResolveFieldContext context, Func<EvaluationDbContext, EvaluationRequest, Dictionary<string, object?>, UserError?> act)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var db = context.RequestServices!.GetRequiredService<EvaluationDbContext>();
        var id = GlobalId.DecodeFor(RequestType.Name, input["requestId"]?.ToString());
        var request = id is null ? null : await db.Requests.FirstOrDefaultAsync(r => r.Id == id, context.CancellationToken);
        if (request is null) return RequestPayload.Refuse(UserError.For("NOT_FOUND", "There is no feedback request with this id.", "input", "requestId"));
        if (request.Status != RequestStatus.Pending)
            return RequestPayload.Refuse(UserError.For("NOT_PENDING", $"This request is {request.Status.ToString().ToLowerInvariant()} already.", "input", "requestId"));
        if (act(db, request, input) is { } refusal) return RequestPayload.Refuse(refusal);
        await db.SaveChangesAsync(context.CancellationToken);
        return new RequestPayload { Request = request };
    }
}

internal sealed record Satisfaction(int Responses, int Satisfied, decimal TargetPercent)
{
    public decimal? Percent => Responses == 0 ? null : decimal.Round(100m * Satisfied / Responses, 1);

    public const string Definition =
        "Victims (harmed persons, and people both harmed and responsible) of closed cases who did not withdraw and answered the participant evaluation; "
        + "satisfied means 4 or 5 on the five-point satisfaction question. Supporters and persons responsible are not counted. No answers gives no figure.";
}

internal sealed class SatisfactionType : ObjectGraphType<Satisfaction>
{
    public SatisfactionType()
    {
        Name = "VictimSatisfaction";
        Field(s => s.Responses);
        Field(s => s.Satisfied);
        Field(s => s.Percent, nullable: true).Description("Null when nobody answered.");
        Field(s => s.TargetPercent);
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
        Field<NonNullGraphType<EnumerationGraphType<RequestStatus>>>("status").Resolve(c => c.Source.Status);
        Field(r => r.CreatedAt);
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
        Field<NonNullGraphType<IntGraphType>>("satisfaction").Description("1 very dissatisfied to 5 very satisfied.");
        Field<BooleanGraphType>("wouldRecommend");
        Field<BooleanGraphType>("feelsSafer");
        Field<StringGraphType>("comments");
    }
}
