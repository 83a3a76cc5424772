using System.Buffers.Binary;
using System.Buffers.Text;
using System.Linq.Expressions;
using GraphQL.Types.Relay.DataObjects;

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
    public static Task<Connection<TNode>> ToConnectionByDayAsync<T, TNode>(this IQueryable<T> source, Expression<Func<T, DateOnly>> day,
        Expression<Func<T, Guid>> key, Expression<Func<T, TNode>> shape, Func<TNode, (DateOnly Day, Guid Key)> keysOf, PageRequest page,
        CancellationToken cancellationToken) =>
        PageOrder<T, TNode>.ByDay(day, key, keysOf).ToConnectionAsync(source, shape, page, cancellationToken);

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
}
