using System.Linq.Expressions;
using GraphQL.Types.Relay.DataObjects;
using Microsoft.EntityFrameworkCore;
using RJCloud.Shared.Persistence;

namespace RJCloud.Shared.GraphQL.Relay;

/// <summary>
/// Keyset paging over a time-ordered Guid key (UUIDv7), in one SQL command per page: the page is read
/// with one extra row to learn whether another page follows.
/// </summary>
public static class KeysetPagination
{
    /// <param name="newestFirst">Order by the key descending (for UUIDv7 keys: the newest first).</param>
    public static Task<Connection<T>> ToConnectionAsync<T>(
        this IQueryable<T> source, Expression<Func<T, Guid>> key, PageRequest page, CancellationToken cancellationToken, bool newestFirst = false) =>
        source.ToConnectionAsync(key, row => row, KeySelector.Of(key), page, cancellationToken, newestFirst);

    /// <param name="shape">What each row of the page is read as (SQL reads only what it names).</param>
    /// <param name="keyOf">The key of a shaped row, for its cursor.</param>
    public static async Task<Connection<TNode>> ToConnectionAsync<T, TNode>(this IQueryable<T> source, Expression<Func<T, Guid>> key,
        Expression<Func<T, TNode>> shape, Func<TNode, Guid> keyOf, PageRequest page, CancellationToken cancellationToken, bool newestFirst = false)
    {
        var query = source;
        var (next, previous) = newestFirst ? (ExpressionType.LessThan, ExpressionType.GreaterThan) : (ExpressionType.GreaterThan, ExpressionType.LessThan);
        if (Cursor.Decode(page.After) is { } after) query = query.Where(Compare(key, after, next));
        if (Cursor.Decode(page.Before) is { } before) query = query.Where(Compare(key, before, previous));
        query = page.Backwards != newestFirst ? query.OrderByDescending(key) : query.OrderBy(key);

        var rows = await query.TakeAsLiteral(page.Size + 1).Select(shape).Prepared().ToListAsync(cancellationToken);
        var more = rows.Count > page.Size;
        if (more) rows.RemoveAt(rows.Count - 1);
        if (page.Backwards) rows.Reverse();

        var edges = rows.Select(row => new Edge<TNode> { Node = row, Cursor = Cursor.Encode(keyOf(row)) }).ToList();
        return new Connection<TNode>
        {
            Edges = edges,
            PageInfo = new PageInfo
            {
                HasNextPage = !page.Backwards && more,
                HasPreviousPage = page.Backwards && more,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }

    // Guid has no C# comparison operators; Npgsql translates CompareTo to the uuid comparison.
    private static Expression<Func<T, bool>> Compare<T>(Expression<Func<T, Guid>> key, Guid value, ExpressionType comparison)
    {
        var compareTo = Expression.Call(key.Body, typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, Expression.Property(Expression.Constant(new Boundary(value)), nameof(Boundary.Key)));
        var body = Expression.MakeBinary(comparison, compareTo, Expression.Constant(0));
        return Expression.Lambda<Func<T, bool>>(body, key.Parameters);
    }

    // A member of a captured object becomes a SQL parameter, so every page shares one query plan.
    private sealed class Boundary(Guid key)
    {
        public Guid Key { get; } = key;
    }
}
