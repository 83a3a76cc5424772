using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Identity.Features.PartnerOrganisations;
using RJCloud.Tenancy.Identity.Features.Users;
using RJCloud.Tenancy.Identity.Partners;
using RJCloud.Tenancy.Identity.Persistence;

namespace RJCloud.Tenancy.Identity.Features.PartnerClients;

/// <summary>partnerClients, registerPartnerClient, rotatePartnerClientSecret and revokePartnerClient, for tenant admins.</summary>
internal sealed class PartnerClientFields : ISchemaContributor, INodeResolver
{
    public string TypeName => PartnerClientType.Name;

    public void AddQueries(ObjectGraphType query) =>
        query.ConnectionField<object?, PartnerClientType>("partnerClients")
            .Description("The partner systems registered with this office, revoked ones included.")
            .Authorize(Roles.TenantAdmin)
            .ResolveAsync(async context =>
            {
                context.RequireRole(Roles.TenantAdmin);
                return await context.Db().PartnerClients.AsNoTracking().ToConnectionAsync(c => c.Id, context.GetPage(), context.CancellationToken);
            });

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Mutation<RegisterPartnerClientPayloadType, RegisterPartnerClientInputType, PartnerClientPayload>("registerPartnerClient",
                "Registers a partner system. Its secret is in the answer and never shown again: copy it now.")
            .Authorize(Roles.TenantAdmin)
            .ResolveAsync(async context =>
            {
                context.RequireRole(Roles.TenantAdmin);
                var input = context.Input();
                var displayName = (input["displayName"] as string ?? "").Trim();
                if (displayName.Length is 0 or > 200)
                    return PartnerClientPayload.Refuse(UserError.For("INVALID_DISPLAY_NAME", "Say what the system is, in at most 200 characters.", "input", "displayName"));
                var organisationId = GlobalId.DecodeFor(PartnerOrganisationType.Name, input["partnerOrganisationId"]?.ToString());
                var organisation = organisationId is { } id
                    ? await context.Db().PartnerOrganisations.FirstOrDefaultAsync(p => p.Id == id, context.CancellationToken)
                    : null;
                if (organisation is null)
                    return PartnerClientPayload.Refuse(IdentityResolveContext.NotFound("partner organisation", "input", "partnerOrganisationId"));
                var (client, secret) = await context.Service<PartnerClientRegistry>().RegisterAsync(organisation, displayName, context.CancellationToken);
                return new PartnerClientPayload { PartnerClient = client, ClientSecret = secret };
            });

        mutation.Mutation<RotatePartnerClientSecretPayloadType, RotatePartnerClientSecretInputType, PartnerClientPayload>("rotatePartnerClientSecret",
                "Issues a new secret, shown only in this answer; the old secret stops working at once.")
            .Authorize(Roles.TenantAdmin)
            .ResolveAsync(async context =>
            {
                context.RequireRole(Roles.TenantAdmin);
                var client = await FindAsync(context);
                if (client is null || client.IsRevoked) return PartnerClientPayload.Refuse(NotFound);
                var secret = await context.Service<PartnerClientRegistry>().RotateSecretAsync(client, context.CancellationToken);
                return new PartnerClientPayload { PartnerClient = client, ClientSecret = secret };
            });

        mutation.Mutation<RevokePartnerClientPayloadType, RevokePartnerClientInputType, PartnerClientPayload>("revokePartnerClient",
                "Stops a partner system signing in; tokens it already holds are refused from its next request.")
            .Authorize(Roles.TenantAdmin)
            .ResolveAsync(async context =>
            {
                context.RequireRole(Roles.TenantAdmin);
                var client = await FindAsync(context);
                if (client is null) return PartnerClientPayload.Refuse(NotFound);
                await context.Service<PartnerClientRegistry>().RevokeAsync(client, context.CancellationToken);
                return new PartnerClientPayload { PartnerClient = client };
            });
    }

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services) =>
        new Upcast<PartnerClient>(services.GetRequiredService<Shared.GraphQL.Loading.BatchLoaders>().ForOne<Guid, PartnerClient>("identity.partnerClientById",
            async (ids, ct) => await services.GetRequiredService<IdentityDbContext>().PartnerClients.AsNoTracking().Where(c => ids.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => (PartnerClient?)c, ct)).Load(id));

    private static readonly UserError NotFound = IdentityResolveContext.NotFound("partner client", "input", "partnerClientId");

    private static async Task<PartnerClient?> FindAsync(IResolveFieldContext context) =>
        GlobalId.DecodeFor(PartnerClientType.Name, context.Input()["partnerClientId"]?.ToString()) is { } id
            ? await context.Db().PartnerClients.FirstOrDefaultAsync(c => c.Id == id, context.CancellationToken)
            : null;
}
