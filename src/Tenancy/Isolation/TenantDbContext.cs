using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Context;

namespace RJCloud.Tenancy.Isolation;

/// <summary>
/// Base for module DbContexts that hold tenant-owned records: a named query filter hides other
/// tenants' rows, and saving refuses any write that is not for the current tenant. PostgreSQL's
/// row-level security is the second, independent defence (see <see cref="TenantCommandInterceptor"/>).
/// </summary>
public abstract class TenantDbContext(DbContextOptions options, ITenantContext tenants) : ModuleDbContext(options)
{
    public const string IsolationFilter = "TenantIsolation";

    private static readonly PropertyInfo CurrentTenantIdProperty =
        typeof(TenantDbContext).GetProperty(nameof(CurrentTenantId), BindingFlags.Instance | BindingFlags.NonPublic)!;

    // Read by the query filter for each query, so one compiled model serves every tenant.
    private Guid CurrentTenantId => tenants.Current?.Id ?? Guid.Empty;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        TenantKeys.Apply(modelBuilder.Model);
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType) && !e.IsOwned()))
        {
            var row = Expression.Parameter(entity.ClrType, "row");
            var filter = Expression.Lambda(
                Expression.Equal(
                    Expression.Property(row, nameof(ITenantOwned.TenantId)),
                    Expression.Property(Expression.Constant(this), CurrentTenantIdProperty)),
                row);
            modelBuilder.Entity(entity.ClrType).HasQueryFilter(IsolationFilter, filter);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardTenantBoundary();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardTenantBoundary();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void GuardTenantBoundary()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            var current = tenants.Current?.Id
                ?? throw new TenantIsolationException($"A {entry.Metadata.ClrType.Name} cannot be written outside a tenant.");
            var tenantId = entry.Property(e => e.TenantId);
            if (entry.State == EntityState.Added && tenantId.CurrentValue == Guid.Empty)
                tenantId.CurrentValue = current;
            if (tenantId.CurrentValue != current || (entry.State != EntityState.Added && tenantId.OriginalValue != current))
                throw new TenantIsolationException($"A {entry.Metadata.ClrType.Name} of another tenant cannot be {entry.State.ToString().ToLowerInvariant()} here.");
        }
    }
}
