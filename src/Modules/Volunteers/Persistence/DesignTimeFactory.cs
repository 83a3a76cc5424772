using Microsoft.EntityFrameworkCore.Design;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Context;

namespace RJCloud.Modules.Volunteers.Persistence;

internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<VolunteersDbContext>
{
    public VolunteersDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimeOptions<VolunteersDbContext>(VolunteersDbContext.SchemaName), new AsyncLocalTenantContext());
}
