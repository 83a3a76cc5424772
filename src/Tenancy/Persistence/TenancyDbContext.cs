using Microsoft.EntityFrameworkCore;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Registry;

namespace RJCloud.Tenancy.Persistence;

public sealed class TenancyDbContext(DbContextOptions<TenancyDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "tenancy";

    public override string Schema => SchemaName;

    public DbSet<Tenant> Tenants => Set<Tenant>();
}
