using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Isolation;
using RJCloud.Tenancy.Resolution;

namespace RJCloud.Tenancy.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;
}

/// <summary>
/// Delivers what a module wrote to its outbox, office by office. Due messages are claimed with
/// FOR UPDATE SKIP LOCKED inside a transaction, so replicas running side by side never deliver the
/// same message twice; a message written before a crash is simply delivered on the next pass.
/// </summary>
public sealed class OutboxWorker<TContext>(
    IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxWorker<TContext>> logger)
    : BackgroundService
    where TContext : TenantDbContext, IHasOutbox
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Periodic.RunAfterStartAsync(lifetime, clock, TimeSpan.FromSeconds(options.Value.PollSeconds), DeliverDueAsync, logger, stoppingToken);

    /// <summary>One pass over every office at work; returns how many messages were delivered.</summary>
    public Task<int> DeliverDueAsync(CancellationToken cancellationToken) =>
        Periodic.ForEachOfficeAsync(scopes, (services, office) => DeliverAsync(services, office, cancellationToken), cancellationToken,
            (services, offices) => WithDueMessagesAsync(services, offices, cancellationToken));

    /// <summary>
    /// Which offices have a message due, asked of all of them in one round trip: each office's question runs with its
    /// own tenant set (row-level security) inside the batch's single implicit transaction. Only those offices then get a
    /// scope, a context and a locking transaction. Measured before: with 50 offices, the idle passes of two modules'
    /// outboxes every 5 s took about an eighth of the service's CPU under load.
    /// </summary>
    private async Task<IReadOnlyList<CurrentTenant>> WithDueMessagesAsync(IServiceProvider services, IReadOnlyList<CurrentTenant> offices, CancellationToken cancellationToken)
    {
        var schema = services.GetRequiredService<TContext>().Schema; // the module's own constant, never input
        var now = clock.GetUtcNow();
        await using var batch = services.GetRequiredService<NpgsqlDataSource>().CreateBatch();
        foreach (var office in offices)
        {
            batch.BatchCommands.Add(TenantCommandInterceptor.InBatch(office.Id));
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                $"""SELECT EXISTS (SELECT 1 FROM "{schema}".{OutboxModel.Table} WHERE tenant_id = $1 AND delivered_at IS NULL AND next_attempt_at <= $2)""")
            {
                Parameters = { new() { Value = office.Id }, new() { Value = now } },
            });
        }
        var due = new List<CurrentTenant>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var office in offices)
        {
            await reader.NextResultAsync(cancellationToken); // past the set_config
            if (await reader.ReadAsync(cancellationToken) && reader.GetBoolean(0)) due.Add(office);
            await reader.NextResultAsync(cancellationToken);
        }
        return due;
    }

    private async Task<int> DeliverAsync(IServiceProvider services, CurrentTenant office, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<TContext>();
        var channel = services.GetRequiredService<INotificationChannel>();
        var subscribers = services.GetServices<IOutboxSubscriber>().ToLookup(s => s.Kind);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The schema is the module's own constant, never input.
#pragma warning disable EF1002
        var due = await db.Outbox.FromSqlRaw($$"""
                SELECT * FROM "{{db.Schema}}".{{OutboxModel.Table}}
                WHERE tenant_id = {0} AND delivered_at IS NULL AND next_attempt_at <= {1}
                ORDER BY created_at LIMIT {2}
                FOR UPDATE SKIP LOCKED
                """, office.Id, now, options.Value.BatchSize).ToListAsync(cancellationToken);
#pragma warning restore EF1002
        var delivered = 0;
        foreach (var message in due)
        {
            try
            {
                // Subscribers are idempotent, the channel (an e-mail) is not: they go first, so a retry never sends twice.
                foreach (var subscriber in subscribers[message.Kind]) await subscriber.HandleAsync(message, cancellationToken);
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
