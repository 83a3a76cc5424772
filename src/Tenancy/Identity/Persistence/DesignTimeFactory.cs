using Microsoft.EntityFrameworkCore.Design;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Context;

namespace RJCloud.Tenancy.Identity.Persistence;

internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<IdentityDbContext>
{
    public IdentityDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimeOptions<IdentityDbContext>(IdentityDbContext.SchemaName), new AsyncLocalTenantContext());
}
