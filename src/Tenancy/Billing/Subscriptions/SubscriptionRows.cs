using Microsoft.EntityFrameworkCore;
using RJCloud.Tenancy.Persistence;

namespace RJCloud.Tenancy.Billing.Subscriptions;

/// <summary>An office's subscription row: created with a trial the first time billing meets the office, locked while it changes.</summary>
internal static class SubscriptionRows
{
    /// <summary>Starts the trial of every office that has no row yet (one statement; replicas racing insert once).</summary>
    public static Task<int> StartTrialsAsync(TenancyDbContext db, int trialDays, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO tenancy.billing_subscriptions (office_id, standing, trial_ends_at, revenue, updated_at)
            SELECT t.id, 'Trial', {now.AddDays(trialDays)}, 0, {now} FROM tenancy.tenants t WHERE t.kind = 'Office'
            ON CONFLICT (office_id) DO NOTHING
            """, cancellationToken);

    /// <summary>The office's row, created with a trial if missing, locked until the transaction ends so that changes to one office apply one at a time.</summary>
    public static async Task<BillingSubscription> LockAsync(TenancyDbContext db, Guid officeId, int trialDays, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO tenancy.billing_subscriptions (office_id, standing, trial_ends_at, revenue, updated_at)
            VALUES ({officeId}, 'Trial', {now.AddDays(trialDays)}, 0, {now})
            ON CONFLICT (office_id) DO NOTHING
            """, cancellationToken);
        var rows = await db.Set<BillingSubscription>()
            .FromSql($"SELECT * FROM tenancy.billing_subscriptions WHERE office_id = {officeId} FOR UPDATE")
            .ToListAsync(cancellationToken);
        return rows.Single();
    }
}
