using Microsoft.EntityFrameworkCore.Design;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Context;

namespace RJCloud.Tenancy.Persistence;

internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<TenancyDbContext>
{
    public TenancyDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimeOptions<TenancyDbContext>(TenancyDbContext.SchemaName), new AsyncLocalTenantContext());
}
