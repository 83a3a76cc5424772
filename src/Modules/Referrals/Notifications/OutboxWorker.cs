using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Resolution;

namespace RJCloud.Modules.Referrals.Notifications;

internal sealed class OutboxOptions
{
    public const string Section = "Referrals:Outbox";

    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;
}

/// <summary>
/// Delivers what screening decisions wrote to the outbox, office by office. Due messages are claimed
/// with FOR UPDATE SKIP LOCKED inside a transaction, so replicas running side by side never deliver
/// the same message twice; a message written before a crash is simply delivered on the next pass.
/// </summary>
internal sealed class OutboxWorker(
    IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not before the service has started: migrations have run, and a start-up that fails never sees a pass.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
            await started.Task;

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), clock);
        do
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Outbox pass failed; it runs again in {Seconds} s", options.Value.PollSeconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over every office at work; returns how many messages were delivered.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<CurrentTenant> offices;
        using (var scope = scopes.CreateScope())
            offices = await scope.ServiceProvider.GetRequiredService<ITenantDirectory>().OfficesAtWorkAsync(cancellationToken);
        var delivered = 0;
        foreach (var office in offices) delivered += await DeliverAsync(office, cancellationToken);
        return delivered;
    }

    private async Task<int> DeliverAsync(CurrentTenant office, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ITenantContext>().Enter(office);
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var channel = scope.ServiceProvider.GetRequiredService<INotificationChannel>();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.Outbox.FromSql($"""
                SELECT * FROM referrals.outbox
                WHERE tenant_id = {office.Id} AND delivered_at IS NULL AND next_attempt_at <= {now}
                ORDER BY created_at LIMIT {options.Value.BatchSize}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
        var delivered = 0;
        foreach (var message in due)
        {
            try
            {
                await channel.DeliverAsync(message, cancellationToken);
                message.Delivered(clock.GetUtcNow());
                delivered++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                message.Failed(e.GetType().Name, clock.GetUtcNow());
                logger.LogWarning("Notification {MessageId} not delivered ({Error}); attempt {Attempts}, tried again later", message.Id, e.GetType().Name, message.Attempts);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return delivered;
    }
}
