using System.Buffers.Binary;
using System.Buffers.Text;
using System.Linq.Expressions;
using GraphQL.Types.Relay.DataObjects;
using Microsoft.EntityFrameworkCore;
using RJCloud.Shared.Persistence;

namespace RJCloud.Shared.GraphQL.Relay;

/// <summary>
/// Keyset paging ordered by a day and then by the Guid key (e.g. "due soonest"), one SQL command per
/// page. Its cursors carry both keys, so they are not interchangeable with single-key cursors.
/// </summary>
public static class DateKeysetPagination
{
    public static Task<Connection<T>> ToConnectionByDayAsync<T>(this IQueryable<T> source, Expression<Func<T, DateOnly>> day,
        Expression<Func<T, Guid>> key, PageRequest page, CancellationToken cancellationToken)
    {
        var (dayOf, keyOf) = (KeySelector.Of(day), KeySelector.Of(key));
        return source.ToConnectionByDayAsync(day, key, row => row, row => (dayOf(row), keyOf(row)), page, cancellationToken);
    }

    /// <param name="shape">What each row of the page is read as (SQL reads only what it names).</param>
    /// <param name="keysOf">The day and key of a shaped row, for its cursor.</param>
    public static async Task<Connection<TNode>> ToConnectionByDayAsync<T, TNode>(this IQueryable<T> source, Expression<Func<T, DateOnly>> day,
        Expression<Func<T, Guid>> key, Expression<Func<T, TNode>> shape, Func<TNode, (DateOnly Day, Guid Key)> keysOf, PageRequest page,
        CancellationToken cancellationToken)
    {
        var query = source;
        if (Decode(page.After) is { } after) query = query.Where(Beyond(day, key, after, ExpressionType.GreaterThan));
        if (Decode(page.Before) is { } before) query = query.Where(Beyond(day, key, before, ExpressionType.LessThan));
        query = page.Backwards
            ? query.OrderByDescending(day).ThenByDescending(key)
            : query.OrderBy(day).ThenBy(key);

        var rows = await query.TakeAsLiteral(page.Size + 1).Select(shape).Prepared().ToListAsync(cancellationToken);
        var more = rows.Count > page.Size;
        if (more) rows.RemoveAt(rows.Count - 1);
        if (page.Backwards) rows.Reverse();
        var edges = rows.Select(row =>
        {
            var (rowDay, rowKey) = keysOf(row);
            return new Edge<TNode> { Node = row, Cursor = Encode(rowDay, rowKey) };
        }).ToList();
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

    public static string Encode(DateOnly day, Guid key)
    {
        Span<byte> bytes = stackalloc byte[20];
        BinaryPrimitives.WriteInt32BigEndian(bytes, day.DayNumber);
        key.TryWriteBytes(bytes[4..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    public static (DateOnly Day, Guid Key)? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length != 27) return null;
        Span<byte> bytes = stackalloc byte[20];
        if (Base64Url.DecodeFromChars(cursor, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != 20) return null;
        var dayNumber = BinaryPrimitives.ReadInt32BigEndian(bytes);
        return dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber
            ? null
            : (DateOnly.FromDayNumber(dayNumber), new Guid(bytes[4..], bigEndian: true));
    }

    // day > d OR (day = d AND key > k), or the same with "<", with both boundaries as SQL parameters.
    private static Expression<Func<T, bool>> Beyond<T>(Expression<Func<T, DateOnly>> day, Expression<Func<T, Guid>> key,
        (DateOnly Day, Guid Key) boundary, ExpressionType comparison)
    {
        var row = day.Parameters[0];
        var keyBody = new ReplaceParameter(key.Parameters[0], row).Visit(key.Body);
        var holder = Expression.Constant(new Boundary(boundary.Day, boundary.Key));
        var dayValue = Expression.Property(holder, nameof(Boundary.Day));
        var keyValue = Expression.Property(holder, nameof(Boundary.Key));
        var compareKeys = Expression.MakeBinary(comparison,
            Expression.Call(keyBody, typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, keyValue), Expression.Constant(0));
        var body = Expression.OrElse(
            Expression.MakeBinary(comparison, day.Body, dayValue),
            Expression.AndAlso(Expression.Equal(day.Body, dayValue), compareKeys));
        return Expression.Lambda<Func<T, bool>>(body, row);
    }

    private sealed class Boundary(DateOnly day, Guid key)
    {
        public DateOnly Day { get; } = day;

        public Guid Key { get; } = key;
    }

    private sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
