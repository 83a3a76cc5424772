using Microsoft.EntityFrameworkCore.Design;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Context;

namespace RJCloud.Modules.Commissioning.Persistence;

internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CommissioningDbContext>
{
    public CommissioningDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimeOptions<CommissioningDbContext>(CommissioningDbContext.SchemaName), new AsyncLocalTenantContext());
}
