using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Volunteers.Features.BrowsePool;
using RJCloud.Modules.Volunteers.Features.SelfService;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Modules.Volunteers.WorkRecords;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;
using RJCloud.Shared.Time;

namespace RJCloud.Modules.Volunteers.Features.WorkRecords;

/// <summary>logHours: a practitioner's hours on a day, per case and activity; their own, or anyone's when a coordinator records them.</summary>
internal sealed class LogHoursFields(TimeProvider clock) : ISchemaContributor
{
    public const string CaseTypeName = "Case";

    public void AddMutations(ObjectGraphType mutation) =>
        mutation.Mutation<LogHoursPayloadType, LogHoursInputType, LogHoursPayload>("logHours",
                "Records hours worked on a day for one activity, on a case they hold or held, or on none. Practitioners record their own; coordinators and service managers anyone's.")
            .Authorize(Me.Practitioners)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var services = context.RequestServices!;
                var db = services.GetRequiredService<VolunteersDbContext>();
                var hours = (decimal)input["hours"]!;
                var workedOn = (DateOnly)input["workedOn"]!;
                var errors = new List<UserError>();
                if (hours <= 0 || hours > WorkLog.MaxHoursADay)
                    errors.Add(UserError.For("INVALID_HOURS", "Enter the hours worked: more than 0 and at most 24.", "input", "hours"));
                else if (decimal.Round(hours * 4) != hours * 4)
                    errors.Add(UserError.For("INVALID_HOURS", "Enter hours in quarter hours, e.g. 1.25.", "input", "hours"));
                if (workedOn > clock.Today())
                    errors.Add(UserError.For("IN_FUTURE", "Hours can only be recorded for today or earlier.", "input", "workedOn"));

                var (practitionerId, refusal) = await WhoseRecordAsync(db, services, input.GetValueOrDefault("practitionerId"), context.CancellationToken);
                if (refusal is not null) errors.Add(refusal);
                Guid? caseId = null;
                if (input.GetValueOrDefault("caseId") is { } caseGlobalId && practitionerId is { } holder)
                {
                    caseId = GlobalId.DecodeFor(CaseTypeName, caseGlobalId.ToString());
                    if (caseId is null || !await db.Assignments.AnyAsync(a => a.PractitionerId == holder && a.CaseId == caseId, context.CancellationToken))
                        errors.Add(UserError.For("NOT_ON_CASE", "They have never been allocated this case.", "input", "caseId"));
                }
                if (errors.Count == 0 && hours + await db.WorkLogs.Where(w => w.PractitionerId == practitionerId && w.WorkedOn == workedOn)
                        .SumAsync(w => w.Hours, context.CancellationToken) > WorkLog.MaxHoursADay)
                    errors.Add(UserError.For("TOO_MANY_HOURS", $"That would make more than 24 hours on {workedOn:d MMMM yyyy}.", "input", "hours"));
                if (errors.Count > 0) return new LogHoursPayload { UserErrors = errors };

                var entry = WorkLog.Record(practitionerId!.Value, caseId, workedOn, hours, (WorkActivity)input["activity"]!, Me.UserId(services), clock.GetUtcNow());
                db.WorkLogs.Add(entry);
                await db.SaveChangesAsync(context.CancellationToken);
                return new LogHoursPayload { Entry = entry };
            });

    /// <summary>
    /// Whose record a practitioner-facing mutation writes: a coordinator names anyone in the pool; anyone
    /// else only themselves (naming another is refused the same way whether that record exists or not).
    /// </summary>
    public static async Task<(Guid? PractitionerId, UserError? Refusal)> WhoseRecordAsync(VolunteersDbContext db, IServiceProvider services, object? named,
        CancellationToken cancellationToken)
    {
        var mine = await Me.PractitionerAsync(db, services, cancellationToken);
        if (named is null)
            return mine is null
                ? (null, UserError.For("NOT_A_PRACTITIONER", "Your account is not linked to a practitioner record; ask your coordinator to link it.", "input"))
                : (mine, null);
        if (Me.IsManager(services))
            return await PractitionerIds.FindAsync(db, named, cancellationToken) is { } id ? (id, null) : (null, PractitionerIds.NotFound);
        return GlobalId.DecodeFor(PractitionerGraphType.Name, named.ToString()) is { } other && other == mine
            ? (mine, null)
            : (null, UserError.For("NOT_YOUR_RECORD", "You can record only your own work.", "input", "practitionerId"));
    }
}

internal sealed record LogHoursPayload : Payload
{
    public WorkLog? Entry { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => Entry is null ? [] : [Entry.PractitionerId, Entry.Id];
}

internal sealed class LogHoursPayloadType : PayloadGraphType<LogHoursPayload>
{
    public LogHoursPayloadType() : base("LogHoursPayload") =>
        Field<WorkLogType>("entry").Resolve(c => c.Source.Entry);
}

internal sealed class LogHoursInputType : InputObjectGraphType
{
    public LogHoursInputType()
    {
        Name = "LogHoursInput";
        Field<IdGraphType>("practitionerId").Description("Whose hours; yours when left out. Only coordinators and service managers name someone else.");
        Field<IdGraphType>("caseId").Description("The case, if the work was on one they hold or held.");
        Field<NonNullGraphType<DateOnlyGraphType>>("workedOn");
        Field<NonNullGraphType<DecimalGraphType>>("hours").Description("In quarter hours, more than 0 and at most 24.");
        Field<NonNullGraphType<EnumerationGraphType<WorkActivity>>>("activity").Description("TRAINING hours count as CPD.");
    }
}

internal sealed class WorkLogType : ObjectGraphType<WorkLog>
{
    public WorkLogType()
    {
        Name = "WorkLogEntry";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(w => w.WorkedOn);
        Field(w => w.Hours);
        Field<NonNullGraphType<EnumerationGraphType<WorkActivity>>>("activity").Resolve(c => c.Source.Activity);
        Field<IdGraphType>("caseId").Resolve(c => c.Source.CaseId is { } id ? GlobalId.Encode(LogHoursFields.CaseTypeName, id) : null);
    }
}
