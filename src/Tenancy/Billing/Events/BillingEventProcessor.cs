using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RJCloud.Tenancy.Billing.Subscriptions;
using RJCloud.Tenancy.Persistence;

namespace RJCloud.Tenancy.Billing.Events;

/// <summary>
/// Applies the Stripe events the webhook stored, oldest first, each in its own transaction that
/// claims the row with FOR UPDATE SKIP LOCKED: replicas side by side never apply one event twice,
/// and an event stored before a crash is applied on the next pass. Each pass also ends the trials
/// and grace periods that are over (<see cref="BillingWorker"/> runs the passes).
/// </summary>
internal sealed class BillingEventProcessor(
    IServiceScopeFactory scopes, IOptions<BillingOptions> options, TimeProvider clock, ILogger<BillingEventProcessor> logger)
{
    // A pass stops after this many events so that deadlines are enforced even under a flood.
    private const int EventsPerPass = 500;

    /// <summary>Applies every event due now; returns how many were claimed.</summary>
    public async Task<int> ProcessPendingAsync(CancellationToken cancellationToken)
    {
        var claimed = 0;
        while (claimed < EventsPerPass && await ProcessNextAsync(cancellationToken)) claimed++;
        return claimed;
    }

    /// <summary>Offices whose trial or grace period is over with nothing paid become read-only; returns how many.</summary>
    public async Task<int> EnforceDeadlinesAsync(CancellationToken cancellationToken)
    {
        // With no Stripe to pay through, nobody could end a lapse: billing leaves offices alone.
        if (!options.Value.IsConfigured) return 0;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await SubscriptionRows.StartTrialsAsync(db, options.Value.TrialDays, now, cancellationToken);
        var due = await db.Set<BillingSubscription>().FromSql($"""
            SELECT * FROM tenancy.billing_subscriptions
            WHERE (standing = 'PaymentFailed' AND grace_ends_at <= {now}) OR (standing = 'Trial' AND trial_ends_at <= {now})
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        var ids = due.Select(s => s.OfficeId).ToList();
        var offices = await db.Tenants.Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        foreach (var subscription in due.Where(s => s.LapseIfDue(now)))
        {
            var office = offices[subscription.OfficeId];
            if (office.Status == Registry.TenantStatus.Active) office.ChangeStatus(Registry.TenantStatus.ReadOnly, now);
            logger.LogInformation("Office {TenantId} lapsed unpaid and is now {Status}", office.Id, office.Status);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    private async Task<bool> ProcessNextAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Set<BillingEvent>().FromSql($"""
            SELECT * FROM tenancy.billing_events
            WHERE processed_at IS NULL AND next_attempt_at <= {now}
            ORDER BY occurred_at, received_at LIMIT 1
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        if (claimed is not [var received]) return false;

        try
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<BillingEventApplier>().ApplyAsync(db, received, now, cancellationToken);
            received.Processed(outcome, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Stripe event {EventId} ({EventType}) {Outcome}", received.Id, received.Type, outcome);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            await RecordFailureAsync(received.Id, e.GetType().Name, now);
            logger.LogWarning("Stripe event {EventId} ({EventType}) not applied ({Error}); tried again later", received.Id, received.Type, e.GetType().Name);
        }
        return true;
    }

    private async Task RecordFailureAsync(string eventId, string error, DateTimeOffset now)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();
        var stored = await db.Set<BillingEvent>().FirstAsync(e => e.Id == eventId, CancellationToken.None);
        stored.Failed(error, now);
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
