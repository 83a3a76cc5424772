using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Tenancy.Context;

namespace RJCloud.Modules.Referrals.Intake;

/// <summary>
/// RJ-2026-000042: one counter row per office and year, locked by the upsert until the
/// transaction ends, so numbers never repeat, and a rolled-back submission gives its number back.
/// </summary>
internal sealed class ReferenceNumbers(ReferralsDbContext db, ITenantContext tenants)
{
    public async Task<string> NextAsync(int year, CancellationToken cancellationToken)
    {
        var tenantId = tenants.Current!.Id;
        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO referrals.reference_counters (tenant_id, year, next) VALUES ({tenantId}, {year}, 1)
            ON CONFLICT (tenant_id, year) DO UPDATE SET next = reference_counters.next + 1
            RETURNING next AS "Value"
            """).ToListAsync(cancellationToken);
        return $"RJ-{year}-{next.Single():D6}";
    }
}
