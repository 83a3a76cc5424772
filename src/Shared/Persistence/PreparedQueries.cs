using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;

namespace RJCloud.Shared.Persistence;

/// <summary>
/// Opt-in server-side preparation for the hot, index-keyed reads every screen repeats (the Relay list pages). Parsing and
/// planning such a query cost PostgreSQL about as much as running it; prepared, each pooled connection plans it once.
/// Only these are prepared: automatic preparation of everything made the evaluation measures, whose best plan depends on
/// the office's size, 25-35% slower (ADR 0020). Row-level security is unaffected: a policy reads app.tenant_id when
/// the statement runs, not when it is planned.
/// </summary>
public static class PreparedQueries
{
    /// <summary>The tag EF Core writes as a comment at the head of the query's SQL.</summary>
    public const string Tag = "rjcloud:prepared";

    private const string Marker = "-- " + Tag;

    /// <summary>Marks a query to be prepared on its connection.</summary>
    public static IQueryable<T> Prepared<T>(this IQueryable<T> source) => source.TagWith(Tag);

    /// <summary><paramref name="query"/> (of <paramref name="row"/>s) marked to be prepared, as <see cref="Prepared{T}"/> marks a query.</summary>
    internal static Expression MarkPrepared(Expression query, Type row) =>
        Expression.Call(TagWith.MakeGenericMethod(row), query, Expression.Constant(Tag));

    /// <summary>
    /// <c>Take(<paramref name="count"/>)</c> of <paramref name="query"/> with the count written into the SQL rather than sent
    /// as a parameter. A prepared statement's generic plan is costed without parameter values: an unknown LIMIT is taken as a
    /// tenth of the rows, so PostgreSQL judged the generic plan dear and planned every execution afresh. Page sizes are few,
    /// so are the statements.
    /// </summary>
    internal static Expression TakeAsLiteral(Expression query, Type row, int count) =>
        Expression.Call(QueryableMethods.Take.MakeGenericMethod(row), query, Expression.Call(LiteralMethod, Expression.Constant(count)));

    /// <summary>
    /// The count of <see cref="TakeAsLiteral"/>, translated as itself (<see cref="ModuleDbContext"/> registers it). EF Core
    /// makes any other Take argument a parameter, even a constant. <c>EF.Constant</c> writes a literal too, but EF Core then
    /// writes the query's SQL afresh on every execution, one at a time under a lock: measured, that was the queue on the
    /// inbox under load. A literal inside a function's [NotParameterized] argument is part of the query's shape instead, so
    /// each page size is translated once and its SQL cached. Where the function is not registered, it runs in .NET and
    /// the count is sent as a parameter again.
    /// </summary>
    public static int Literal([NotParameterized] int count) => count;

    internal static readonly MethodInfo LiteralMethod = typeof(PreparedQueries).GetMethod(nameof(Literal))!;

    private static readonly MethodInfo TagWith =
        ((Func<IQueryable<object>, string, IQueryable<object>>)EntityFrameworkQueryableExtensions.TagWith).Method.GetGenericMethodDefinition();

    internal static bool IsMarked(DbCommand command) => command.CommandText.Contains(Marker, StringComparison.Ordinal);
}

/// <summary>Prepares the commands <see cref="PreparedQueries.Prepared{T}"/> marked; Npgsql keeps them per pooled connection.</summary>
public sealed class PreparingCommandInterceptor : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (!result.HasResult && PreparedQueries.IsMarked(command)) command.Prepare();
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (!result.HasResult && PreparedQueries.IsMarked(command)) await command.PrepareAsync(cancellationToken);
        return result;
    }
}
