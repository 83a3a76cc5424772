using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace RJCloud.Shared.Persistence;

/// <summary>
/// A batch loader's query, the rows whose <c>key</c> is one of the keys asked for, compiled once for the process (EF Core's
/// compiled queries) and prepared on each connection (<see cref="PreparedQueries.Prepared{T}"/>).
/// <para>
/// Compiled, because a case screen runs five such loaders on every request: EF Core otherwise walks each LINQ query's
/// expression tree to find its parameters and looks the query up in its cache by comparing trees, and under load that was
/// 15% of the service's CPU on the case (ADR 0025). A compiled query skips both; its query filters still read the office
/// from the context it runs on, each time it runs.
/// </para>
/// <para>
/// Twice: `key = $1` for one key and `key = ANY($1)` for more. PostgreSQL costs a generic plan for ANY without the array,
/// as if for several keys, finds it dearer than a plan for the one key actually sent, and so plans every execution afresh
/// (measured: as many plans as runs). A screen showing one case asks for one key, and for `key = $1` PostgreSQL keeps the
/// generic plan.
/// </para>
/// </summary>
/// <typeparam name="TContext">The module's context.</typeparam>
/// <typeparam name="T">The rows read.</typeparam>
public sealed class KeyedQuery<TContext, T> where TContext : DbContext where T : class
{
    private readonly Func<TContext, Guid, IAsyncEnumerable<T>> one;
    private readonly Func<TContext, Guid[], IAsyncEnumerable<T>> many;

    /// <param name="rows">The rows, as the loader orders them, before the keys are applied: <c>db => db.Items.AsNoTracking().OrderBy(…)</c>.</param>
    /// <param name="key">The column the loader's keys are values of.</param>
    public KeyedQuery(Expression<Func<TContext, IQueryable<T>>> rows, Expression<Func<T, Guid>> key)
    {
        var id = Expression.Parameter(typeof(Guid), "key");
        one = EF.CompileAsyncQuery(Keyed<Guid>(rows, key, Expression.Equal(key.Body, id), id));
        var ids = Expression.Parameter(typeof(Guid[]), "keys");
        many = EF.CompileAsyncQuery(Keyed<Guid[]>(rows, key, Expression.Call(Contains, ids, key.Body), ids));
    }

    /// <summary>The rows of every key in <paramref name="keys"/>, in the order <c>rows</c> gives them.</summary>
    public async Task<List<T>> ListAsync(TContext db, IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        var found = new List<T>();
        var rows = keys.Count == 1 ? one(db, keys.First()) : many(db, [.. keys]);
        await foreach (var row in rows.WithCancellation(cancellationToken)) found.Add(row);
        return found;
    }

    // db => rows(db).Where(test).Prepared(), with the key as the compiled query's parameter.
    private static Expression<Func<TContext, TKeys, IQueryable<T>>> Keyed<TKeys>(
        Expression<Func<TContext, IQueryable<T>>> rows, Expression<Func<T, Guid>> key, Expression test, ParameterExpression keys)
    {
        var filtered = Expression.Call(QueryableMethods.Where.MakeGenericMethod(typeof(T)), rows.Body, Expression.Quote(Expression.Lambda<Func<T, bool>>(test, key.Parameters)));
        return Expression.Lambda<Func<TContext, TKeys, IQueryable<T>>>(PreparedQueries.MarkPrepared(filtered, typeof(T)), rows.Parameters[0], keys);
    }

    private static readonly MethodInfo Contains = ((Func<IEnumerable<Guid>, Guid, bool>)Enumerable.Contains).Method;
}
