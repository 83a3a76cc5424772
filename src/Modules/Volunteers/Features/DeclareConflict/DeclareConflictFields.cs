using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Volunteers.Allocation;
using RJCloud.Modules.Volunteers.Features.BrowsePool;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Volunteers.Features.DeclareConflict;

/// <summary>declareConflictOfInterest: someone a practitioner must not work with; allocation then never offers them a case involving that person.</summary>
internal sealed class DeclareConflictFields(TimeProvider clock) : ISchemaContributor
{
    public void AddMutations(ObjectGraphType mutation) =>
        mutation.Mutation<DeclareConflictPayloadType, DeclareConflictInputType, DeclareConflictPayload>("declareConflictOfInterest",
                "Records a person a practitioner must not work with (a relative, a neighbour, someone they know). Cases involving them are never offered to the practitioner.")
            .Authorize(PractitionerGraphType.Managers)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var name = (input["personName"] as string)?.Trim() ?? "";
                if (name.Length is 0 or > 200)
                    return DeclareConflictPayload.Refuse(UserError.For("REQUIRED", "Enter the person's name, at most 200 characters.", "input", "personName"));
                var db = context.RequestServices!.GetRequiredService<VolunteersDbContext>();
                if (await PractitionerIds.FindAsync(db, input["practitionerId"], context.CancellationToken) is not { } practitionerId)
                    return DeclareConflictPayload.Refuse(PractitionerIds.NotFound);
                var declaration = ConflictDeclaration.Declare(practitionerId, name, clock.GetUtcNow());
                db.ConflictDeclarations.Add(declaration);
                await db.SaveChangesAsync(context.CancellationToken);
                return new DeclareConflictPayload { Declaration = declaration };
            });
}

internal sealed record DeclareConflictPayload : Payload
{
    public ConflictDeclaration? Declaration { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => Declaration is null ? [] : [Declaration.PractitionerId, Declaration.Id];

    public static DeclareConflictPayload Refuse(UserError error) => new() { UserErrors = [error] };
}

internal sealed class DeclareConflictPayloadType : PayloadGraphType<DeclareConflictPayload>
{
    public DeclareConflictPayloadType() : base("DeclareConflictOfInterestPayload") =>
        Field<PractitionerGraphType>("practitioner").Resolve(c => c.Source.Declaration is { } d ? PoolLoaders.Practitioner(c.RequestServices!, d.PractitionerId) : null);
}

internal sealed class DeclareConflictInputType : InputObjectGraphType
{
    public DeclareConflictInputType()
    {
        Name = "DeclareConflictOfInterestInput";
        Field<NonNullGraphType<IdGraphType>>("practitionerId");
        Field<NonNullGraphType<StringGraphType>>("personName").Description("The person's full name, as it would appear on a referral.");
    }
}
