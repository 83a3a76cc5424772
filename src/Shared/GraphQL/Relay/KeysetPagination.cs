using System.Linq.Expressions;
using GraphQL.Types.Relay.DataObjects;

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
    public static Task<Connection<TNode>> ToConnectionAsync<T, TNode>(this IQueryable<T> source, Expression<Func<T, Guid>> key,
        Expression<Func<T, TNode>> shape, Func<TNode, Guid> keyOf, PageRequest page, CancellationToken cancellationToken, bool newestFirst = false) =>
        PageOrder<T, TNode>.ByKey(key, keyOf, newestFirst).ToConnectionAsync(source, shape, page, cancellationToken);
}
