using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;
using RJCloud.Tenancy.Isolation;

namespace RJCloud.Tenancy.Audit;

/// <summary>One audit row, ready to insert: its tenant and actor were read in the request that recorded it.</summary>
internal sealed record AuditRow(Guid TenantId, Guid Id, DateTimeOffset At, string? Actor, string ActorKind, AuditEvent Event, string? CorrelationId);

/// <summary>
/// Group commit for the audit trail. Every audited request used to commit (and so fsync) its own transaction: a few
/// milliseconds each, and at most a few hundred a second on one disk. Rows that arrive while a commit is in flight go
/// together into the next one, each with its own tenant set for row-level security, so one fsync covers many requests.
/// A caller's task completes only once its rows are committed, so nothing is shown before its reading is on the
/// trail, as before. A batch that fails is written again request by request, so one bad row fails only its own request.
/// </summary>
internal sealed class AuditWriter : IAsyncDisposable
{
    private const int MaxRequestsPerCommit = 256;
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly NpgsqlDataSource dataSource;
    private readonly Lazy<Task> loop;

    public AuditWriter(NpgsqlDataSource dataSource)
    {
        this.dataSource = dataSource;
        loop = new Lazy<Task>(() => Task.Run(RunAsync));
    }

    public Task WriteAsync(IReadOnlyList<AuditRow> rows)
    {
        var pending = new Pending(rows, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(AuditWriter));
        _ = loop.Value;
        return pending.Committed.Task;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (loop.IsValueCreated) await loop.Value;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxRequestsPerCommit);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxRequestsPerCommit && queue.Reader.TryRead(out var pending)) batch.Add(pending);
            try
            {
                await CommitAsync(batch);
                foreach (var pending in batch) pending.Committed.TrySetResult();
            }
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var pending in batch) await CommitAloneAsync(pending);
            }
            catch (Exception e)
            {
                batch[0].Committed.TrySetException(e);
            }
        }
    }

    private async Task CommitAloneAsync(Pending pending)
    {
        try
        {
            await CommitAsync([pending]);
            pending.Committed.TrySetResult();
        }
        catch (Exception e)
        {
            pending.Committed.TrySetException(e);
        }
    }

    // One round trip: a batch runs as one implicit transaction, so the tenant set before each row holds for that row's insert only.
    private async Task CommitAsync(IReadOnlyList<Pending> batch)
    {
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await using var commands = new NpgsqlBatch(connection);
        foreach (var row in batch.SelectMany(p => p.Rows))
        {
            commands.BatchCommands.Add(TenantCommandInterceptor.InBatch(row.TenantId));
            commands.BatchCommands.Add(new NpgsqlBatchCommand($"""
                INSERT INTO tenancy.{AuditEntryConfiguration.Table}
                  (tenant_id, id, occurred_at, actor, actor_kind, operation, outcome, record_ids, purpose, correlation_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                """)
            {
                Parameters =
                {
                    new NpgsqlParameter { Value = row.TenantId },
                    new NpgsqlParameter { Value = row.Id },
                    new NpgsqlParameter { Value = row.At },
                    new NpgsqlParameter { Value = (object?)row.Actor ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                    new NpgsqlParameter { Value = row.ActorKind },
                    new NpgsqlParameter { Value = row.Event.Operation },
                    new NpgsqlParameter { Value = row.Event.Outcome },
                    new NpgsqlParameter { Value = (row.Event.RecordIds ?? []).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid },
                    new NpgsqlParameter { Value = (object?)row.Event.Purpose ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                    new NpgsqlParameter { Value = (object?)row.CorrelationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                },
            });
        }
        // Not cancellable: a client going away must not erase the trace of what it did.
        await commands.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private sealed record Pending(IReadOnlyList<AuditRow> Rows, TaskCompletionSource Committed);
}
