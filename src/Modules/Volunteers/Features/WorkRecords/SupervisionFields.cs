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

/// <summary>recordSupervision: case supervision, a debrief or an observation of practice, individual or in a group; its notes are for managers only.</summary>
internal sealed class SupervisionFields(TimeProvider clock) : ISchemaContributor
{
    public void AddMutations(ObjectGraphType mutation) =>
        mutation.Mutation<RecordSupervisionPayloadType, RecordSupervisionInputType, RecordSupervisionPayload>("recordSupervision",
                "Records case supervision, a debrief or an observation of practice with the practitioners who took part. Case supervision and observed practice count towards the RJC requirements.")
            .Authorize(PractitionerGraphType.Managers)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var kind = (SupervisionKind)input["kind"]!;
                var format = (SupervisionFormat)input["format"]!;
                var heldOn = (DateOnly)input["heldOn"]!;
                var supervisor = ((string?)input["supervisor"])?.Trim() ?? "";
                var notes = ((string?)input.GetValueOrDefault("notes"))?.Trim();
                var named = ((IEnumerable<object?>)input["practitionerIds"]!).ToList();
                var errors = new List<UserError>();
                if (heldOn > clock.Today()) errors.Add(UserError.For("IN_FUTURE", "Record supervision once it has taken place.", "input", "heldOn"));
                if (supervisor.Length is 0 or > 200) errors.Add(UserError.For("REQUIRED", "Enter who supervised, at most 200 characters.", "input", "supervisor"));
                if (notes is { Length: > 4000 }) errors.Add(UserError.For("TOO_LONG", "Notes are at most 4,000 characters.", "input", "notes"));
                if (named.Count == 0 || named.Count > 30)
                    errors.Add(UserError.For("REQUIRED", "Name between one and 30 practitioners who took part.", "input", "practitionerIds"));
                else if (format == SupervisionFormat.Individual && named.Count != 1)
                    errors.Add(UserError.For("INDIVIDUAL_IS_ONE", "Individual supervision is with one practitioner; choose group for more.", "input", "practitionerIds"));
                if (kind == SupervisionKind.ObservedPractice && format != SupervisionFormat.Individual)
                    errors.Add(UserError.For("INDIVIDUAL_IS_ONE", "An observation of practice is of one practitioner.", "input", "format"));

                var db = context.RequestServices!.GetRequiredService<VolunteersDbContext>();
                var ids = named.Select(n => GlobalId.DecodeFor(PractitionerGraphType.Name, n?.ToString())).ToList();
                var known = await db.Practitioners.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(context.CancellationToken);
                for (var i = 0; i < ids.Count; i++)
                    if (ids[i] is not { } id || !known.Contains(id))
                        errors.Add(UserError.For("NOT_FOUND", "There is no practitioner with this id.", "input", "practitionerIds", i.ToString()));
                Guid? caseId = null;
                if (input.GetValueOrDefault("caseId") is { } caseGlobalId)
                {
                    caseId = GlobalId.DecodeFor(LogHoursFields.CaseTypeName, caseGlobalId.ToString());
                    if (caseId is null || !await db.Assignments.AnyAsync(a => a.CaseId == caseId && known.Contains(a.PractitionerId), context.CancellationToken))
                        errors.Add(UserError.For("NOT_ON_CASE", "None of them has been allocated this case.", "input", "caseId"));
                }
                if (errors.Count > 0) return new RecordSupervisionPayload { UserErrors = errors };

                var session = SupervisionSession.Record(kind, format, heldOn, supervisor, caseId, string.IsNullOrEmpty(notes) ? null : notes,
                    [.. known.Distinct()], Me.UserId(context.RequestServices!), clock.GetUtcNow());
                db.Supervisions.Add(session);
                await db.SaveChangesAsync(context.CancellationToken);
                return new RecordSupervisionPayload { Session = session };
            });
}

internal sealed record RecordSupervisionPayload : Payload
{
    public SupervisionSession? Session { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => Session is null ? [] : [Session.Id, .. Session.PractitionerIds];
}

internal sealed class RecordSupervisionPayloadType : PayloadGraphType<RecordSupervisionPayload>
{
    public RecordSupervisionPayloadType() : base("RecordSupervisionPayload") =>
        Field<SupervisionType>("supervision").Resolve(c => c.Source.Session);
}

internal sealed class RecordSupervisionInputType : InputObjectGraphType
{
    public RecordSupervisionInputType()
    {
        Name = "RecordSupervisionInput";
        Field<NonNullGraphType<EnumerationGraphType<SupervisionKind>>>("kind");
        Field<NonNullGraphType<EnumerationGraphType<SupervisionFormat>>>("format");
        Field<NonNullGraphType<DateOnlyGraphType>>("heldOn");
        Field<NonNullGraphType<StringGraphType>>("supervisor");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("practitionerIds").Description("Who took part: one for individual sessions.");
        Field<IdGraphType>("caseId").Description("The case discussed, for a debrief or case supervision.");
        Field<StringGraphType>("notes").Description("Visible to coordinators and service managers only.");
    }
}

internal sealed class SupervisionType : ObjectGraphType<SupervisionSession>
{
    public SupervisionType()
    {
        Name = "Supervision";
        Description = "Case supervision, a debrief or an observation of practice.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<EnumerationGraphType<SupervisionKind>>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<EnumerationGraphType<SupervisionFormat>>>("format").Resolve(c => c.Source.Format);
        Field(s => s.HeldOn);
        Field(s => s.Supervisor);
        Field<IdGraphType>("caseId").Resolve(c => c.Source.CaseId is { } id ? GlobalId.Encode(LogHoursFields.CaseTypeName, id) : null);
        Field(s => s.Notes, nullable: true).Description("For coordinators and service managers only.")
            .Authorize(PractitionerGraphType.Managers);
    }
}
