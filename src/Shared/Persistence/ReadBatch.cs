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
/// run again, each command answered from its own result set in turn. Each read should be one query whose SQL and
/// parameters do not depend on rows read before it (a compiled query, <see cref="KeyedQuery{TContext,T}"/>). Where the
/// recording finds otherwise (a write, a synchronous call, other than one command a read), or the second run asks for
/// other than was recorded (the same SQL with other parameters: a query built from an earlier one's rows, which had none
/// while recorded), no answer of the batch is kept and the reads run one by one, as they would have without a batch.
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
        if (recording.Spoiled || recording.Commands.Count != reads.Count || !await InOneRoundTripAsync(db, recording.Commands, reads, cancellationToken))
            await OneByOneAsync(reads, cancellationToken);
    }

    // False when a read asked, the second time, for other than it was recorded asking for (a query that depends on an
    // earlier one's rows): none of the batch's answers is then trusted, and the reads run again one by one.
    private static async Task<bool> InOneRoundTripAsync(DbContext db, IReadOnlyList<RecordedCommand> commands,
        IReadOnlyList<Func<CancellationToken, Task>> reads, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
            foreach (var statement in commands.SelectMany(c => c.Statements)) batch.BatchCommands.Add(statement);
            if (commands.Any(c => c.Prepared)) await batch.PrepareAsync(cancellationToken);
            SqlCommandCounter.Current?.Add(commands.Count);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var replaying = new ReplayingPass(db, reader, commands);
            await RunPassAsync(replaying, reads, cancellationToken);
            return replaying.Done;
        }
        catch (NotAsRecorded)
        {
            return false;
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

    // Replaying, such a command would meet the batch's reader still open on the connection: it is not sent.
    private static T Spoil<T>(CommandEventData eventData, T result)
    {
        if (CurrentPass.Value is not { } pass || pass.Context != eventData.Context) return result;
        if (pass is ReplayingPass) throw new NotAsRecorded();
        pass.Spoiled = true;
        return result;
    }

    /// <summary>A read asked for other than it was recorded asking for; caught where the batch is read.</summary>
    private sealed class NotAsRecorded : Exception;

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
            if (next == commands.Count || !commands[next].IsAsked(command)) throw new NotAsRecorded();
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

        /// <summary>Whether <paramref name="command"/> is this one again: the same SQL, and the same value for every parameter.</summary>
        public bool IsAsked(DbCommand command)
        {
            if (command.CommandText != Text) return false;
            var recorded = Statements[^1].Parameters;
            return command.Parameters.Count == recorded.Count
                && command.Parameters.Cast<DbParameter>().Zip(recorded).All(p => p.First.ParameterName == p.Second.ParameterName && SameValue(p.First.Value, p.Second.Value));
        }

        // Keys go as arrays, whose Equals is their identity; the recorded copy holds the same array or an equal one.
        private static bool SameValue(object? asked, object? recorded) =>
            asked is System.Collections.IEnumerable many and not string && recorded is System.Collections.IEnumerable before and not string
                ? many.Cast<object?>().SequenceEqual(before.Cast<object?>())
                : Equals(asked, recorded);
    }
}
