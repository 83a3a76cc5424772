using GraphQL.DataLoader;

namespace RJCloud.Shared.GraphQL.Loading;

public static class DataLoaderResults
{
    /// <summary>
    /// One pending result for many: every key is queued with its loader before the first await, so
    /// awaiting them in turn still costs one batch per loader.
    /// </summary>
    public static IDataLoaderResult<IReadOnlyList<T?>> WhenAll<T>(IReadOnlyList<IDataLoaderResult<T?>?> results) => new All<T>(results);

    /// <summary>A typed pending result seen as object?, as node(id:) needs it.</summary>
    public static IDataLoaderResult<object?> AsObject<T>(this IDataLoaderResult<T?> result) where T : class => new Upcast<T>(result);

    /// <summary>A pending result's value, transformed once it has arrived (still one batch per loader).</summary>
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> transform) =>
        new Mapped<T, TResult>(result, transform);

    /// <summary>Three pending results, queued together (one batch per loader), combined once all have arrived.</summary>
    public static IDataLoaderResult<TResult> Combine<T1, T2, T3, TResult>(
        IDataLoaderResult<T1> first, IDataLoaderResult<T2> second, IDataLoaderResult<T3> third, Func<T1, T2, T3, TResult> combine) =>
        new Combined<T1, T2, T3, TResult>(first, second, third, combine);

    private sealed class Combined<T1, T2, T3, TResult>(
        IDataLoaderResult<T1> first, IDataLoaderResult<T2> second, IDataLoaderResult<T3> third, Func<T1, T2, T3, TResult> combine) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            combine(await first.GetResultAsync(cancellationToken), await second.GetResultAsync(cancellationToken), await third.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }

    private sealed class Mapped<T, TResult>(IDataLoaderResult<T> inner, Func<T, TResult> transform) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) => transform(await inner.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }

    /// <summary>No object: what node(id:) answers for an id the caller may not see, as for one that does not exist.</summary>
    public static readonly IDataLoaderResult<object?> Nothing = new Absent();

    private sealed class Absent : IDataLoaderResult<object?>
    {
        public Task<object?> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult<object?>(null);

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(null);
    }

    private sealed class Upcast<T>(IDataLoaderResult<T?> inner) : IDataLoaderResult<object?> where T : class
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default) => await inner.GetResultAsync(cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }

    private sealed class All<T>(IReadOnlyList<IDataLoaderResult<T?>?> results) : IDataLoaderResult<IReadOnlyList<T?>>
    {
        public async Task<IReadOnlyList<T?>> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = new T?[results.Count];
            for (var i = 0; i < results.Count; i++)
                values[i] = results[i] is { } pending ? await pending.GetResultAsync(cancellationToken) : default;
            return values;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
