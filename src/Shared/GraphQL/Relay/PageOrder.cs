using System.Linq.Expressions;
using System.Reflection;
using GraphQL.Types.Relay.DataObjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using RJCloud.Shared.Persistence;

namespace RJCloud.Shared.GraphQL.Relay;

/// <summary>
/// The order a Relay list is paged in: by a time-ordered Guid key (UUIDv7), or by a day and then that key ("due soonest"),
/// and the cursor each row of a page is given. It writes a page's query as one expression, <c>Where</c> past the cursors,
/// <c>OrderBy</c>, <c>Take</c> one row more than the page (to learn whether another follows), <c>Select</c> the columns
/// shown, so that the same page is read either as an ordinary LINQ query (<see cref="ToConnectionAsync"/>) or as an
/// EF Core compiled query (<see cref="CompiledPages{TContext,TArgs,T,TNode}"/>).
/// </summary>
/// <typeparam name="T">The rows paged.</typeparam>
/// <typeparam name="TNode">What each row of a page is read as.</typeparam>
public sealed class PageOrder<T, TNode>
{
    private readonly Expression<Func<T, DateOnly>>? day;
    private readonly Expression<Func<T, Guid>> key;
    private readonly bool newestFirst;
    private readonly Func<TNode, string> cursorOf;

    private PageOrder(Expression<Func<T, DateOnly>>? day, Expression<Func<T, Guid>> key, bool newestFirst, Func<TNode, string> cursorOf) =>
        (this.day, this.key, this.newestFirst, this.cursorOf) = (day, key, newestFirst, cursorOf);

    /// <param name="keyOf">The key of a shaped row, for its cursor.</param>
    /// <param name="newestFirst">Order by the key descending (for UUIDv7 keys: the newest first).</param>
    public static PageOrder<T, TNode> ByKey(Expression<Func<T, Guid>> key, Func<TNode, Guid> keyOf, bool newestFirst = false) =>
        new(null, key, newestFirst, row => Cursor.Encode(keyOf(row)));

    /// <summary>By the day, then by the key. Its cursors carry both, so they are not interchangeable with single-key cursors.</summary>
    /// <param name="keysOf">The day and key of a shaped row, for its cursor.</param>
    public static PageOrder<T, TNode> ByDay(Expression<Func<T, DateOnly>> day, Expression<Func<T, Guid>> key, Func<TNode, (DateOnly Day, Guid Key)> keysOf) =>
        new(day, key, false, row =>
        {
            var (rowDay, rowKey) = keysOf(row);
            return DateKeysetPagination.Encode(rowDay, rowKey);
        });

    /// <summary>A page of <paramref name="source"/> as an ordinary LINQ query, one SQL command.</summary>
    /// <param name="shape">What each row of the page is read as (SQL reads only what it names).</param>
    public async Task<Connection<TNode>> ToConnectionAsync(IQueryable<T> source, Expression<Func<T, TNode>> shape, PageRequest page,
        CancellationToken cancellationToken)
    {
        var bounds = Bounds(page);
        // The cursors' values are members of a constant: EF Core sends them as parameters, so every page shares one plan.
        var query = source.Provider.CreateQuery<TNode>(Page(source.Expression, shape, bounds.ShapeOf(page), Expression.Constant(bounds)));
        return Connect(await query.ToListAsync(cancellationToken), page);
    }

    /// <summary>The cursors of <paramref name="page"/>, decoded. A cursor that is not one of this order's is ignored.</summary>
    internal PageBounds Bounds(PageRequest page) => new(Decode(page.After), Decode(page.Before));

    /// <summary>
    /// <paramref name="source"/>'s page, as an expression: past the cursors that <paramref name="page"/> has, whose values are
    /// read from <paramref name="bounds"/> (a <see cref="PageBounds"/>), ordered, one row more than the page, shaped, and
    /// marked to be prepared. The page size is written into the SQL (<see cref="PreparedQueries.Literal"/>).
    /// </summary>
    internal Expression Page(Expression source, Expression<Func<T, TNode>> shape, PageShape page, Expression bounds)
    {
        var (next, previous) = newestFirst ? (ExpressionType.LessThan, ExpressionType.GreaterThan) : (ExpressionType.GreaterThan, ExpressionType.LessThan);
        var query = source;
        var where = QueryableMethods.Where.MakeGenericMethod(typeof(T));
        if (page.After) query = Expression.Call(where, query, Expression.Quote(Beyond(next, bounds, nameof(PageBounds.AfterDay), nameof(PageBounds.AfterKey))));
        if (page.Before) query = Expression.Call(where, query, Expression.Quote(Beyond(previous, bounds, nameof(PageBounds.BeforeDay), nameof(PageBounds.BeforeKey))));
        var ascending = page.Backwards == newestFirst;
        if (day is not null)
        {
            query = Expression.Call((ascending ? QueryableMethods.OrderBy : QueryableMethods.OrderByDescending).MakeGenericMethod(typeof(T), typeof(DateOnly)),
                query, Expression.Quote(day));
            query = Expression.Call((ascending ? QueryableMethods.ThenBy : QueryableMethods.ThenByDescending).MakeGenericMethod(typeof(T), typeof(Guid)),
                query, Expression.Quote(key));
        }
        else
        {
            query = Expression.Call((ascending ? QueryableMethods.OrderBy : QueryableMethods.OrderByDescending).MakeGenericMethod(typeof(T), typeof(Guid)),
                query, Expression.Quote(key));
        }
        query = PreparedQueries.TakeAsLiteral(query, typeof(T), page.Size + 1);
        query = Expression.Call(QueryableMethods.Select.MakeGenericMethod(typeof(T), typeof(TNode)), query, Expression.Quote(shape));
        return PreparedQueries.MarkPrepared(query, typeof(TNode));
    }

    /// <summary>The page's rows (one more than the page when another follows) as a Relay connection, in the order asked.</summary>
    internal Connection<TNode> Connect(List<TNode> rows, PageRequest page)
    {
        var more = rows.Count > page.Size;
        if (more) rows.RemoveAt(rows.Count - 1);
        if (page.Backwards) rows.Reverse();
        var edges = rows.Select(row => new Edge<TNode> { Node = row, Cursor = cursorOf(row) }).ToList();
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

    private (DateOnly Day, Guid Key)? Decode(string? cursor) =>
        day is not null ? DateKeysetPagination.Decode(cursor) : Cursor.Decode(cursor) is { } found ? (default, found) : null;

    // key ⋛ boundary's key; with a day: day ⋛ boundary's day OR (day = boundary's day AND key ⋛ boundary's key). Guid has no
    // C# comparison operators; Npgsql translates CompareTo to the uuid comparison.
    private Expression<Func<T, bool>> Beyond(ExpressionType comparison, Expression bounds, string dayMember, string keyMember)
    {
        var row = day?.Parameters[0] ?? key.Parameters[0];
        var keyBody = ReplacingExpressionVisitor.Replace(key.Parameters[0], row, key.Body);
        var compareKeys = Expression.MakeBinary(comparison,
            Expression.Call(keyBody, CompareTo, Expression.Property(bounds, keyMember)), Expression.Constant(0));
        if (day is null) return Expression.Lambda<Func<T, bool>>(compareKeys, row);
        var dayValue = Expression.Property(bounds, dayMember);
        var body = Expression.OrElse(
            Expression.MakeBinary(comparison, day.Body, dayValue),
            Expression.AndAlso(Expression.Equal(day.Body, dayValue), compareKeys));
        return Expression.Lambda<Func<T, bool>>(body, row);
    }

    private static readonly MethodInfo CompareTo = typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!;
}

/// <summary>Which of a page's parts its query has: the page size, a cursor on either side, the direction.</summary>
internal readonly record struct PageShape(int Size, bool After, bool Before, bool Backwards);

/// <summary>
/// A page's cursors, decoded: the values its query compares the rows with. An object of its own (rather than constants
/// in the query) so that EF Core sends them as parameters, and so that a compiled page query can take them as one.
/// </summary>
public sealed class PageBounds
{
    internal PageBounds((DateOnly Day, Guid Key)? after, (DateOnly Day, Guid Key)? before)
    {
        (HasAfter, HasBefore) = (after is not null, before is not null);
        (AfterDay, AfterKey) = after ?? default;
        (BeforeDay, BeforeKey) = before ?? default;
    }

    public bool HasAfter { get; }

    public bool HasBefore { get; }

    public DateOnly AfterDay { get; }

    public Guid AfterKey { get; }

    public DateOnly BeforeDay { get; }

    public Guid BeforeKey { get; }

    internal PageShape ShapeOf(PageRequest page) => new(page.Size, HasAfter, HasBefore, page.Backwards);
}
