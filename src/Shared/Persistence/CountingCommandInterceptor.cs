using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RJCloud.Shared.Persistence;

/// <summary>
/// Adds every SQL command EF Core sends to the current <see cref="SqlCommandCounter"/>. A command answered without
/// PostgreSQL (a <see cref="ReadBatch"/>'s) is not sent; the batch counts what it sends.
/// </summary>
public sealed class CountingCommandInterceptor : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Counted(result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Counted(result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Counted(result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(result));

    private static InterceptionResult<T> Counted<T>(InterceptionResult<T> result)
    {
        if (!result.HasResult) SqlCommandCounter.Current?.Increment();
        return result;
    }
}
