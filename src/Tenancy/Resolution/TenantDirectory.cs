using Microsoft.EntityFrameworkCore;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Persistence;
using RJCloud.Tenancy.Registry;

namespace RJCloud.Tenancy.Resolution;

/// <summary>
/// Reads the registry on every request rather than caching: a suspension must take effect at once
/// on every replica, and the lookup is one indexed row.
/// </summary>
internal sealed class TenantDirectory(TenancyDbContext db) : ITenantDirectory
{
    public Task<CurrentTenant?> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken) =>
        Tenant.IsValidIdentifier(identifier)
            ? db.Tenants.AsNoTracking().Where(t => t.Identifier == identifier)
                .Select(t => new CurrentTenant(t.Id, t.Identifier, t.Status)).FirstOrDefaultAsync(cancellationToken)
            : Task.FromResult<CurrentTenant?>(null);

    public async Task<IReadOnlyList<CurrentTenant>> OfficesAtWorkAsync(CancellationToken cancellationToken) =>
        await db.Tenants.AsNoTracking().Where(t => t.Kind == TenantKind.Office && t.Status != TenantStatus.Suspended)
            .OrderBy(t => t.Identifier).Select(t => new CurrentTenant(t.Id, t.Identifier, t.Status)).ToListAsync(cancellationToken);

    public Task<CurrentTenant?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        db.Tenants.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new CurrentTenant(t.Id, t.Identifier, t.Status)).FirstOrDefaultAsync(cancellationToken);

    public Task<string?> DisplayNameAsync(Guid id, CancellationToken cancellationToken) =>
        db.Tenants.AsNoTracking().Where(t => t.Id == id).Select(t => t.DisplayName).FirstOrDefaultAsync(cancellationToken);
}
