using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Persistence;
using RJCloud.Tenancy.Registry;

namespace RJCloud.Tenancy.Features.FindTenant;

internal sealed class FindTenantQuery : ISchemaContributor
{
    public void AddQueries(ObjectGraphType query) =>
        query.Field<TenantType>("tenant")
            .Description("The office with this identifier (as in its web address), or null when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("identifier")
            .AllowAnonymous()
            .ResolveAsync(async context =>
            {
                var identifier = context.GetArgument<string>("identifier");
                if (!Tenant.IsValidIdentifier(identifier)) return null;
                var db = context.RequestServices!.GetRequiredService<TenancyDbContext>();
                return await db.Tenants.AsNoTracking()
                    .FirstOrDefaultAsync(t => t.Identifier == identifier, context.CancellationToken);
            });
}
