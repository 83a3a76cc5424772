using System.Text;
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
/// The writer keeps one connection of its own, with its few statements prepared on it (ADR 0028): taken from the pool
/// for every commit, the connection was reset each time and the INSERT parsed and planned afresh, which cost every audited
/// request about a quarter of a millisecond. A commit that fails gives the connection back and the next opens a new one.
/// </summary>
internal sealed class AuditWriter : IAsyncDisposable
{
    private const int MaxRequestsPerCommit = 256;
    private const int ColumnsPerRow = 10;
    private const int RowsPerInsert = 1_000; // PostgreSQL takes at most 65,535 parameters in a statement
    // An INSERT's text depends on its number of rows: those of up to this many are prepared, so the connection holds a
    // handful of statements however the traffic runs. Larger ones come only in bursts, and group commit pays for them.
    private const int MostRowsPrepared = 4;
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly NpgsqlDataSource dataSource;
    private readonly Lazy<Task> loop;
    // Given back to the pool after a quiet minute, where it is pruned like any idle connection: a firewall or load balancer
    // may cut a connection that sits idle, and the first read after a quiet night would be refused for it.
    private static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(1);
    private NpgsqlConnection? connection; // the loop's alone

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
        await GiveBackConnectionAsync();
    }

    private async ValueTask GiveBackConnectionAsync()
    {
        if (connection is null) return;
        var held = connection;
        connection = null;
        await held.DisposeAsync();
    }

    private async ValueTask<bool> WaitForWorkAsync()
    {
        if (connection is null) return await queue.Reader.WaitToReadAsync();
        using var quiet = new CancellationTokenSource(IdleLimit);
        try
        {
            return await queue.Reader.WaitToReadAsync(quiet.Token);
        }
        catch (OperationCanceledException)
        {
            await GiveBackConnectionAsync();
            return await queue.Reader.WaitToReadAsync();
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxRequestsPerCommit);
        while (await WaitForWorkAsync())
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

    // One round trip: a batch runs as one implicit transaction, so the tenant set before each office's insert holds for that
    // insert only. Each office's rows go in one multi-row INSERT, so PostgreSQL runs two statements per office, not two per row.
    private async Task CommitAsync(IReadOnlyList<Pending> batch)
    {
        var prepare = true;
        await using var commands = new NpgsqlBatch();
        foreach (var office in batch.SelectMany(p => p.Rows).GroupBy(r => r.TenantId))
            foreach (var rows in office.Chunk(RowsPerInsert))
            {
                commands.BatchCommands.Add(TenantCommandInterceptor.InBatch(office.Key));
                commands.BatchCommands.Add(Insert(rows));
                prepare &= rows.Length <= MostRowsPrepared;
            }
        // Not cancellable: a client going away must not erase the trace of what it did.
        commands.Connection = connection ??= await dataSource.OpenConnectionAsync(CancellationToken.None);
        try
        {
            if (prepare) await commands.PrepareAsync(CancellationToken.None); // no round trip once they are
            await commands.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            // Whatever broke (the server gone, a bad row, the batch too big), the next commit starts on a fresh connection.
            await GiveBackConnectionAsync();
            throw;
        }
    }

    private static NpgsqlBatchCommand Insert(AuditRow[] rows)
    {
        var command = new NpgsqlBatchCommand();
        var values = new StringBuilder();
        foreach (var row in rows)
        {
            var first = command.Parameters.Count + 1;
            values.Append(values.Length == 0 ? "" : ", ").Append('(')
                .AppendJoin(", ", Enumerable.Range(first, ColumnsPerRow).Select(n => $"${n}")).Append(')');
            command.Parameters.Add(new NpgsqlParameter { Value = row.TenantId });
            command.Parameters.Add(new NpgsqlParameter { Value = row.Id });
            command.Parameters.Add(new NpgsqlParameter { Value = row.At });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)row.Actor ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = row.ActorKind });
            command.Parameters.Add(new NpgsqlParameter { Value = row.Event.Operation });
            command.Parameters.Add(new NpgsqlParameter { Value = row.Event.Outcome });
            command.Parameters.Add(new NpgsqlParameter { Value = (row.Event.RecordIds ?? []).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)row.Event.Purpose ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)row.CorrelationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        }
        command.CommandText = $"""
            INSERT INTO tenancy.{AuditEntryConfiguration.Table}
              (tenant_id, id, occurred_at, actor, actor_kind, operation, outcome, record_ids, purpose, correlation_id)
            VALUES {values}
            """;
        return command;
    }

    private sealed record Pending(IReadOnlyList<AuditRow> Rows, TaskCompletionSource Committed);
}
