using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Identity.Features.PartnerOrganisations;
using RJCloud.Tenancy.Identity.Partners;
using RJCloud.Tenancy.Identity.People;

namespace RJCloud.Tenancy.Identity.Features.Users;

internal sealed class UserType : NodeGraphType<User>
{
    public new const string Name = "User";

    public UserType() : base(Name, u => u.Id)
    {
        Description = "A person who signs in to this office.";
        Field(u => u.Email).Description("The address they sign in with.");
        Field(u => u.DisplayName).Description("Their name as colleagues see it.");
        Field("active", u => u.IsActive).Description("False once deactivated: they can no longer sign in or refresh tokens.");
        Field("invitationAccepted", u => u.HasAcceptedInvitation).Description("Whether they have chosen a password.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles")
            .Description("What they may do in this office, e.g. coordinator.")
            .Resolve(context => RolesOf(context.RequestServices!, context.Source.Id));
        Field<NonNullGraphType<Tenancy.Features.FindTenant.TenantType>>("tenant")
            .Description("The office they belong to.")
            .Resolve(context => TenantOf(context.RequestServices!, context.Source.TenantId));
        Field<PartnerOrganisationType>("partnerOrganisation")
            .Description("The partner agency they work for, if they are not office staff.")
            .Resolve(context => context.Source.PartnerOrganisationId is { } id ? PartnerOrganisationType.Load(context.RequestServices!, id) : null);
    }

    private static GraphQL.DataLoader.IDataLoaderResult<Registry.Tenant?> TenantOf(IServiceProvider services, Guid tenantId) =>
        services.GetRequiredService<BatchLoaders>().ForOne<Guid, Registry.Tenant>("identity.tenantById", async (ids, ct) =>
            await services.GetRequiredService<Tenancy.Persistence.TenancyDbContext>().Tenants.AsNoTracking().Where(t => ids.Contains(t.Id))
                .ToDictionaryAsync(t => t.Id, t => (Registry.Tenant?)t, ct)).Load(tenantId);

    public static GraphQL.DataLoader.IDataLoaderResult<IReadOnlyList<string>> RolesOf(IServiceProvider services, Guid userId) =>
        services.GetRequiredService<BatchLoaders>().ForMany<Guid, string>("identity.rolesByUser", async (ids, ct) =>
            (await services.GetRequiredService<Persistence.IdentityDbContext>().RoleAssignments.AsNoTracking()
                .Where(r => ids.Contains(r.UserId)).OrderBy(r => r.Role).Select(r => new { r.UserId, r.Role }).ToListAsync(ct))
            .GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(r => r.Role)])).Load(userId);
}
