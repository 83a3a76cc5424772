using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Volunteers.Features.BrowsePool;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Modules.Volunteers.Vetting;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Time;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Volunteers.Features.RecordVetting;

/// <summary>recordVettingCheck: a DBS check, police vetting or national security vetting, with its dates and reference.</summary>
internal sealed class RecordVettingFields(TimeProvider clock) : ISchemaContributor
{
    public void AddMutations(ObjectGraphType mutation) =>
        mutation.Mutation<RecordVettingPayloadType, RecordVettingInputType, RecordVettingPayload>("recordVettingCheck",
                "Records a vetting check. Without an expiry date it lasts the office's period for its kind (DBS and police vetting 12 months, national security vetting 5 years).")
            .Authorize(PractitionerGraphType.Managers)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var kind = (VettingKind)input["kind"]!;
                var issued = (DateOnly)input["issuedOn"]!;
                var db = context.RequestServices!.GetRequiredService<VolunteersDbContext>();
                var policy = await Compliance.PolicyAsync(db, context.CancellationToken);
                var expires = input.GetValueOrDefault("expiresOn") as DateOnly? ?? issued.AddMonths(policy.MonthsOf(kind));
                var reference = (input["reference"] as string)?.Trim() ?? "";
                if (issued > clock.Today())
                    return RecordVettingPayload.Refuse(UserError.For("ISSUED_IN_FUTURE", "The issue date cannot be in the future.", "input", "issuedOn"));
                if (expires <= issued)
                    return RecordVettingPayload.Refuse(UserError.For("EXPIRY_BEFORE_ISSUE", "The expiry date must be after the issue date.", "input", "expiresOn"));
                if (reference.Length is 0 or > 100)
                    return RecordVettingPayload.Refuse(UserError.For("REQUIRED", "Enter the check's reference, at most 100 characters.", "input", "reference"));

                if (await PractitionerIds.FindAsync(db, input["practitionerId"], context.CancellationToken) is not { } practitionerId)
                    return RecordVettingPayload.Refuse(PractitionerIds.NotFound);
                var check = VettingCheck.Record(practitionerId, kind, issued, expires, reference, (VettingOutcome)input["outcome"]!, clock.GetUtcNow());
                db.VettingChecks.Add(check);
                await db.SaveChangesAsync(context.CancellationToken);
                return new RecordVettingPayload { Check = check };
            });
}

internal sealed record RecordVettingPayload : Payload
{
    public VettingCheck? Check { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => Check is null ? [] : [Check.PractitionerId, Check.Id];

    public static RecordVettingPayload Refuse(UserError error) => new() { UserErrors = [error] };
}

internal sealed class RecordVettingPayloadType : PayloadGraphType<RecordVettingPayload>
{
    public RecordVettingPayloadType() : base("RecordVettingCheckPayload")
    {
        Field<PractitionerGraphType>("practitioner").Description("The practitioner, with the check recorded.")
            .Resolve(c => c.Source.Check is { } check ? PoolLoaders.Practitioner(c.RequestServices!, check.PractitionerId) : null);
        Field<EnumerationGraphType<VettingKind>>("kind").Resolve(c => c.Source.Check?.Kind);
        Field<DateOnlyGraphType>("expiresOn").Resolve(c => c.Source.Check?.ExpiresOn);
    }
}

internal sealed class RecordVettingInputType : InputObjectGraphType
{
    public RecordVettingInputType()
    {
        Name = "RecordVettingCheckInput";
        Field<NonNullGraphType<IdGraphType>>("practitionerId");
        Field<NonNullGraphType<EnumerationGraphType<VettingKind>>>("kind");
        Field<NonNullGraphType<DateOnlyGraphType>>("issuedOn");
        Field<DateOnlyGraphType>("expiresOn").Description("The first day it no longer counts; by default the issue date plus the office's period.");
        Field<NonNullGraphType<StringGraphType>>("reference");
        Field<NonNullGraphType<EnumerationGraphType<VettingOutcome>>>("outcome");
    }
}
