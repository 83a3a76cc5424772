using Microsoft.EntityFrameworkCore;
using RJCloud.Shared.Persistence;

namespace RJCloud.Modules.Volunteers.Persistence;

public sealed class VolunteersDbContext(DbContextOptions<VolunteersDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "volunteers";

    public override string Schema => SchemaName;
}
