using Microsoft.EntityFrameworkCore.Design;
using RJCloud.Shared.Persistence;

namespace RJCloud.Modules.Volunteers.Persistence;

internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<VolunteersDbContext>
{
    public VolunteersDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimeOptions<VolunteersDbContext>(VolunteersDbContext.SchemaName));
}
