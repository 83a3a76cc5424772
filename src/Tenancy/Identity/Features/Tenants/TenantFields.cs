using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Identity.Features.Users;
using RJCloud.Tenancy.Persistence;
using RJCloud.Tenancy.Registry;

namespace RJCloud.Tenancy.Identity.Features.Tenants;

/// <summary>tenants, createTenant and changeTenantStatus: platform operators, signed in to the platform realm, only.</summary>
internal sealed class TenantFields(TimeProvider clock) : ISchemaContributor, INodeResolver
{
    public string TypeName => OfficeTenantType.Name;

    public void AddQueries(ObjectGraphType query) =>
        query.ConnectionField<object?, OfficeTenantType>("tenants")
            .Description("Every office served by RJCloud (not the platform realm), oldest first.")
            .Authorize(Roles.PlatformOperator)
            .ResolveAsync(async context =>
            {
                RequireOperator(context);
                return await context.Service<TenancyDbContext>().Tenants.AsNoTracking().Where(t => t.Kind == TenantKind.Office)
                    .Select(t => new Office { Tenant = t }).ToConnectionAsync(o => o.Tenant.Id, context.GetPage(), context.CancellationToken);
            });

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Mutation<CreateTenantPayloadType, CreateTenantInputType, CreateTenantPayload>("createTenant",
                "Creates an office and invites its first tenant admin; send them the link, which is shown only now.")
            .Authorize(Roles.PlatformOperator)
            .ResolveAsync(async context =>
            {
                RequireOperator(context);
                var input = context.Input();
                var admin = (Dictionary<string, object?>)input["firstAdmin"]!;
                var payload = await context.Service<CreateTenant>().RunAsync(input["identifier"] as string ?? "", input["displayName"] as string ?? "",
                    (OfficeType)input["officeType"]!, admin["email"] as string ?? "", admin["displayName"] as string ?? "", context.CancellationToken);
                return payload;
            });

        mutation.Mutation<ChangeTenantStatusPayloadType, ChangeTenantStatusInputType, ChangeTenantStatusPayload>("changeTenantStatus",
                "Makes an office active, read-only or suspended. Suspension takes effect on its next request.")
            .Authorize(Roles.PlatformOperator)
            .ResolveAsync(async context =>
            {
                RequireOperator(context);
                var input = context.Input();
                var db = context.Service<TenancyDbContext>();
                var tenant = GlobalId.DecodeFor(OfficeTenantType.Name, input["tenantId"]?.ToString()) is { } id
                    ? await db.Tenants.FirstOrDefaultAsync(t => t.Id == id, context.CancellationToken)
                    : null;
                if (tenant is null) return new ChangeTenantStatusPayload { UserErrors = [IdentityResolveContext.NotFound("office", "input", "tenantId")] };
                if (tenant.Kind == TenantKind.Platform)
                    return new ChangeTenantStatusPayload { UserErrors = [UserError.For("PLATFORM_REALM", "The platform realm is always active.", "input", "tenantId")] };
                tenant.ChangeStatus((TenantStatus)input["status"]!, clock.GetUtcNow());
                await db.SaveChangesAsync(context.CancellationToken);
                return new ChangeTenantStatusPayload { Office = new Office { Tenant = tenant } };
            });
    }

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services)
    {
        if (!PlatformOperator.Is(Actor.Of(services), services.GetRequiredService<ITenantContext>()))
            return new Upcast<Office>(null);
        return new Upcast<Office>(services.GetRequiredService<BatchLoaders>().ForOne<Guid, Office>("identity.officeById", async (ids, ct) =>
            await services.GetRequiredService<TenancyDbContext>().Tenants.AsNoTracking().Where(t => ids.Contains(t.Id) && t.Kind == TenantKind.Office)
                .ToDictionaryAsync(t => t.Id, t => (Office?)new Office { Tenant = t }, ct)).Load(id));
    }

    // The platform operator role is only honoured inside the platform realm.
    private static void RequireOperator(IResolveFieldContext context)
    {
        var tenant = context.RequireRole(Roles.PlatformOperator);
        if (tenant.Identifier != Tenant.PlatformIdentifier)
            throw new ExecutionError("You do not have permission to do this.") { Code = "FORBIDDEN" };
    }
}
