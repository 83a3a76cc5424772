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
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Identity.People;

namespace RJCloud.Modules.Volunteers.Features.SelfService;

/// <summary>
/// myPractitionerRecord: a practitioner's own record (profile, vetting dates, training, hours, claims,
/// supervision) once a coordinator has linked it to their account with linkPractitionerAccount;
/// setPractitionerLevel: their level in the office's CPD rules.
/// </summary>
internal sealed class SelfServiceFields : ISchemaContributor
{
    private const string UserTypeName = "User";

    public void AddQueries(ObjectGraphType query) =>
        query.Field<PractitionerGraphType>("myPractitionerRecord")
            .Description("Your own practitioner record, when your account is linked to one; null otherwise. Never anyone else's.")
            .Authorize(Me.Practitioners)
            .ResolveAsync(async context =>
            {
                var db = context.RequestServices!.GetRequiredService<VolunteersDbContext>();
                return Me.UserId(context.RequestServices!) is { } userId
                    ? await db.Practitioners.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, context.CancellationToken)
                    : null;
            });

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Mutation<PractitionerPayloadType, LinkAccountInputType, PractitionerPayload>("linkPractitionerAccount",
                "Links a practitioner to the sign-in account of the same person in this office (or unlinks it with userId null), so that they see their own record, hours, claims and training.")
            .Authorize(PractitionerGraphType.Managers)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var services = context.RequestServices!;
                var db = services.GetRequiredService<VolunteersDbContext>();
                if (await PractitionerIds.FindAsync(db, input["practitionerId"], context.CancellationToken) is not { } id)
                    return PractitionerPayload.Refuse(PractitionerIds.NotFound);
                Guid? userId = null;
                if (input.GetValueOrDefault("userId") is { } named)
                {
                    var notFound = UserError.For("NOT_FOUND", "There is no one in this office with this user id.", "input", "userId");
                    if (GlobalId.DecodeFor(UserTypeName, named.ToString()) is not { } candidate) return PractitionerPayload.Refuse(notFound);
                    var people = await services.GetRequiredService<IPeopleDirectory>().FindAsync([candidate], context.CancellationToken);
                    if (!people.TryGetValue(candidate, out var person) || person.IsPartner) return PractitionerPayload.Refuse(notFound);
                    if (!person.Active) return PractitionerPayload.Refuse(UserError.For("DEACTIVATED", "This account is deactivated.", "input", "userId"));
                    if (!person.Roles.Intersect(Me.Practitioners).Any())
                        return PractitionerPayload.Refuse(UserError.For("NO_PRACTITIONER_ROLE",
                            "Give the account the facilitator role first: only facilitators, coordinators and service managers keep a practitioner record.", "input", "userId"));
                    if (await db.Practitioners.AnyAsync(p => p.UserId == candidate && p.Id != id, context.CancellationToken))
                        return PractitionerPayload.Refuse(UserError.For("ACCOUNT_ALREADY_LINKED", "This account is already linked to another practitioner.", "input", "userId"));
                    userId = candidate;
                }
                var practitioner = await db.Practitioners.SingleAsync(p => p.Id == id, context.CancellationToken);
                practitioner.LinkAccount(userId);
                await db.SaveChangesAsync(context.CancellationToken);
                return new PractitionerPayload { PractitionerId = id };
            });

        mutation.Mutation<PractitionerPayloadType, SetLevelInputType, PractitionerPayload>("setPractitionerLevel",
                "Sets a practitioner's level in the office's CPD rules, which decides the CPD hours they need a year.")
            .Authorize(PractitionerGraphType.Managers)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var db = context.RequestServices!.GetRequiredService<VolunteersDbContext>();
                var policy = await Compliance.PolicyAsync(db, context.CancellationToken);
                if (policy.Level(((string?)input["level"])?.Trim()) is not { } level)
                    return PractitionerPayload.Refuse(UserError.For("UNKNOWN_LEVEL",
                        $"The office's levels are: {string.Join(", ", policy.CpdHoursByLevel.Select(l => l.Level))}.", "input", "level"));
                if (await PractitionerIds.FindAsync(db, input["practitionerId"], context.CancellationToken) is not { } id)
                    return PractitionerPayload.Refuse(PractitionerIds.NotFound);
                var practitioner = await db.Practitioners.SingleAsync(p => p.Id == id, context.CancellationToken);
                practitioner.SetLevel(level.Level);
                await db.SaveChangesAsync(context.CancellationToken);
                return new PractitionerPayload { PractitionerId = id };
            });
    }
}

internal sealed record PractitionerPayload : Payload
{
    public Guid? PractitionerId { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => PractitionerId is { } id ? [id] : [];

    public static PractitionerPayload Refuse(UserError error) => new() { UserErrors = [error] };
}

internal sealed class PractitionerPayloadType : PayloadGraphType<PractitionerPayload>
{
    public PractitionerPayloadType() : base("PractitionerPayload") =>
        Field<PractitionerGraphType>("practitioner").Resolve(c => c.Source.PractitionerId is { } id ? PoolLoaders.Practitioner(c.RequestServices!, id) : null);
}

internal sealed class LinkAccountInputType : InputObjectGraphType
{
    public LinkAccountInputType()
    {
        Name = "LinkPractitionerAccountInput";
        Field<NonNullGraphType<IdGraphType>>("practitionerId");
        Field<IdGraphType>("userId").Description("The person's account in this office (a User id); null unlinks.");
    }
}

internal sealed class SetLevelInputType : InputObjectGraphType
{
    public SetLevelInputType()
    {
        Name = "SetPractitionerLevelInput";
        Field<NonNullGraphType<IdGraphType>>("practitionerId");
        Field<NonNullGraphType<StringGraphType>>("level").Description("One of the levels in the office's practitioner policy.");
    }
}
