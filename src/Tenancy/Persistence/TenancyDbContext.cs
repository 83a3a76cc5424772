using Microsoft.EntityFrameworkCore;
using RJCloud.Tenancy.Audit;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Isolation;
using RJCloud.Tenancy.Registry;

namespace RJCloud.Tenancy.Persistence;

public sealed class TenancyDbContext(DbContextOptions<TenancyDbContext> options, ITenantContext tenants) : TenantDbContext(options, tenants)
{
    public const string SchemaName = "tenancy";

    public override string Schema => SchemaName;

    /// <summary>The registry: not tenant-owned, it is what tenants are resolved from.</summary>
    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
}
