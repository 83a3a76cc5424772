using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace RJCloud.Shared.Persistence;

/// <summary>
/// Several reads on one context sent to PostgreSQL in one round trip, and still materialised by EF Core. EF Core runs
/// each query on its own and cannot batch reads, so a case screen's four lists cost four round trips one after another
/// where by hand they are one batch (ADR 0026).
/// <para>
/// The reads run twice. First recorded: each read's command is kept and answered with no rows, and what the read makes
/// of that is thrown away. Then the recorded commands go to PostgreSQL as one <see cref="NpgsqlBatch"/>, and the reads
/// run again, each command answered from its own result set in turn. A read must run the same one query both times
/// (a compiled query, <see cref="KeyedQuery{TContext,T}"/>); if the recording finds anything else, the reads run one
/// by one as they would have without a batch.
/// </para>
/// <para>
/// The commands are EF Core's own, so they keep the office filter, the office setting for row-level security that
/// every command carries, and the preparation they are marked for.
/// </para>
/// </summary>
public sealed class ReadBatch : DbCommandInterceptor
{
    /// <summary>Registered first on every module context, so that a recorded command is neither prepared nor counted.</summary>
    public static readonly ReadBatch Interceptor = new();

    private static readonly AsyncLocal<Pass?> CurrentPass = new();

    private ReadBatch() { }

    /// <summary>Whether the calling read is being recorded: what it reads now is empty and must not be kept.</summary>
    public static bool Recording => CurrentPass.Value is RecordingPass;

    /// <summary>Runs <paramref name="reads"/>, each a single EF Core query on <paramref name="db"/>, in one round trip.</summary>
    public static async Task RunAsync(DbContext db, IReadOnlyList<Func<CancellationToken, Task>> reads, CancellationToken cancellationToken)
    {
        if (reads.Count < 2 || db.Database.CurrentTransaction is not null)
        {
            await OneByOneAsync(reads, cancellationToken);
            return;
        }
        var recording = new RecordingPass(db);
        await RunPassAsync(recording, reads, cancellationToken);
        if (recording.Spoiled || recording.Commands.Count != reads.Count)
        {
            await OneByOneAsync(reads, cancellationToken);
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
            foreach (var statement in recording.Commands.SelectMany(c => c.Statements)) batch.BatchCommands.Add(statement);
            if (recording.Commands.Any(c => c.Prepared)) await batch.PrepareAsync(cancellationToken);
            SqlCommandCounter.Current?.Add(recording.Commands.Count);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var replaying = new ReplayingPass(db, reader, recording.Commands);
            await RunPassAsync(replaying, reads, cancellationToken);
            if (replaying.Spoiled || !replaying.Done)
                throw new InvalidOperationException("A batched read did not run the query it was recorded with.");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task OneByOneAsync(IReadOnlyList<Func<CancellationToken, Task>> reads, CancellationToken cancellationToken)
    {
        foreach (var read in reads) await read(cancellationToken);
    }

    // Set here, the pass flows into each read and is gone again for the caller once this returns.
    private static async Task RunPassAsync(Pass pass, IReadOnlyList<Func<CancellationToken, Task>> reads, CancellationToken cancellationToken)
    {
        CurrentPass.Value = pass;
        foreach (var read in reads) await read(cancellationToken);
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        CurrentPass.Value is { } pass && pass.Context == eventData.Context && !pass.Spoiled
            ? InterceptionResult<DbDataReader>.SuppressWithResult(await pass.AnswerAsync(command, cancellationToken))
            : result;

    // Anything but an asynchronous reader on the batch's context during a pass: the reads are not what a batch can carry.
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Spoil(eventData, result);

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Spoil(eventData, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Spoil(eventData, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Spoil(eventData, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Spoil(eventData, result));

    private static T Spoil<T>(CommandEventData eventData, T result)
    {
        if (CurrentPass.Value is { } pass && pass.Context == eventData.Context) pass.Spoiled = true;
        return result;
    }

    private abstract class Pass(DbContext context)
    {
        public DbContext Context { get; } = context;

        public bool Spoiled { get; set; }

        public abstract Task<DbDataReader> AnswerAsync(DbCommand command, CancellationToken cancellationToken);
    }

    private sealed class RecordingPass(DbContext context) : Pass(context)
    {
        public List<RecordedCommand> Commands { get; } = [];

        public override Task<DbDataReader> AnswerAsync(DbCommand command, CancellationToken cancellationToken)
        {
            Commands.Add(RecordedCommand.Of(command));
            return Task.FromResult<DbDataReader>(new ResultSet(null));
        }
    }

    private sealed class ReplayingPass(DbContext context, NpgsqlDataReader reader, IReadOnlyList<RecordedCommand> commands) : Pass(context)
    {
        private int next;

        public bool Done => next == commands.Count;

        public override async Task<DbDataReader> AnswerAsync(DbCommand command, CancellationToken cancellationToken)
        {
            if (next == commands.Count || command.CommandText != commands[next].Text)
                throw new InvalidOperationException("A batched read did not run the query it was recorded with.");
            // The reader starts on the first command's rows; statements that return none (the office setting) are passed over.
            if (next > 0 && !await reader.NextResultAsync(cancellationToken))
                throw new InvalidOperationException("The batch answered fewer queries than it was sent.");
            next++;
            return new ResultSet(reader);
        }
    }

    /// <summary>An EF Core command as batch statements: the office setting in front of it, if any, then the query with its parameters.</summary>
    private sealed record RecordedCommand(string Text, IReadOnlyList<NpgsqlBatchCommand> Statements, bool Prepared)
    {
        // The setting is the one statement EF Core's commands carry in front of their own (TenantCommandInterceptor); a batch
        // statement must be one statement, so it goes in a statement of its own.
        private const string Setting = "SET ";

        public static RecordedCommand Of(DbCommand command)
        {
            var text = command.CommandText;
            var statements = new List<NpgsqlBatchCommand>();
            var query = text;
            if (text.StartsWith(Setting, StringComparison.Ordinal) && text.IndexOf(";\n", StringComparison.Ordinal) is var end and > 0)
            {
                statements.Add(new NpgsqlBatchCommand(text[..end]));
                query = text[(end + 2)..];
            }
            var statement = new NpgsqlBatchCommand(query);
            foreach (NpgsqlParameter parameter in command.Parameters) statement.Parameters.Add(parameter.Clone());
            statements.Add(statement);
            return new RecordedCommand(text, statements, PreparedQueries.IsMarked(command));
        }
    }
}
