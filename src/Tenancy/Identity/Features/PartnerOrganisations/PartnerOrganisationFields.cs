using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Identity.Features.Users;
using RJCloud.Tenancy.Identity.Partners;

namespace RJCloud.Tenancy.Identity.Features.PartnerOrganisations;

/// <summary>partnerOrganisations and registerPartnerOrganisation, for tenant admins.</summary>
internal sealed class PartnerOrganisationFields(TimeProvider clock) : ISchemaContributor, INodeResolver
{
    public string TypeName => PartnerOrganisationType.Name;

    public void AddQueries(ObjectGraphType query) =>
        query.ConnectionField<object?, PartnerOrganisationType>("partnerOrganisations")
            .Description("The agencies this office works with.")
            .Authorize(Roles.TenantAdmin)
            .ResolveAsync(async context =>
            {
                context.RequireRole(Roles.TenantAdmin);
                return await context.Db().PartnerOrganisations.AsNoTracking().ToConnectionAsync(p => p.Id, context.GetPage(), context.CancellationToken);
            });

    public void AddMutations(ObjectGraphType mutation) =>
        mutation.Mutation<RegisterPartnerOrganisationPayloadType, RegisterPartnerOrganisationInputType, RegisterPartnerOrganisationPayload>(
                "registerPartnerOrganisation", "Registers an agency this office works with.")
            .Authorize(Roles.TenantAdmin)
            .ResolveAsync(async context =>
            {
                var tenant = context.RequireRole(Roles.TenantAdmin);
                var input = context.Input();
                var name = (input["name"] as string ?? "").Trim();
                if (name.Length is 0 or > PartnerOrganisation.MaxNameLength)
                    return Refuse(UserError.For("INVALID_NAME", $"Give the agency's name, at most {PartnerOrganisation.MaxNameLength} characters.", "input", "name"));
                var db = context.Db();
                if (await db.PartnerOrganisations.AnyAsync(p => p.Name == name, context.CancellationToken))
                    return Refuse(UserError.For("DUPLICATE_NAME", "This office already has a partner organisation with this name.", "input", "name"));
                var organisation = PartnerOrganisation.Register(tenant.Id, name, (PartnerOrganisationKind)input["kind"]!, clock.GetUtcNow());
                db.PartnerOrganisations.Add(organisation);
                await db.SaveChangesAsync(context.CancellationToken);
                return new RegisterPartnerOrganisationPayload { PartnerOrganisation = organisation };
            });

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services) =>
        new Upcast<PartnerOrganisation>(PartnerOrganisationType.Load(services, id));

    private static RegisterPartnerOrganisationPayload Refuse(UserError error) => new() { UserErrors = [error] };
}

internal sealed record RegisterPartnerOrganisationPayload : Payload
{
    public PartnerOrganisation? PartnerOrganisation { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => PartnerOrganisation is null ? [] : [PartnerOrganisation.Id];
}

internal sealed class RegisterPartnerOrganisationPayloadType : PayloadGraphType<RegisterPartnerOrganisationPayload>
{
    public RegisterPartnerOrganisationPayloadType() : base("RegisterPartnerOrganisationPayload") =>
        Field<PartnerOrganisationType>("partnerOrganisation").Description("The new partner organisation.").Resolve(c => c.Source.PartnerOrganisation);
}

internal sealed class RegisterPartnerOrganisationInputType : InputObjectGraphType
{
    public RegisterPartnerOrganisationInputType()
    {
        Name = "RegisterPartnerOrganisationInput";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The agency's name, unique in this office.");
        Field<NonNullGraphType<PartnerOrganisationKindType>>("kind").Description("What sort of agency it is.");
    }
}
