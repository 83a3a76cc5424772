using Microsoft.EntityFrameworkCore;
using RJCloud.Shared.Persistence;

namespace RJCloud.Modules.Commissioning.Persistence;

public sealed class CommissioningDbContext(DbContextOptions<CommissioningDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "commissioning";

    public override string Schema => SchemaName;
}
