using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using RJCloud.Shared.Persistence;

namespace RJCloud.Shared.GraphQL.Loading;

/// <summary>
/// Collects the keys that one execution level asks for and fetches them in one call, so a list of
/// 100 costs the SQL of a list of 1. Scoped to a request: results are cached for its duration.
/// GraphQL.NET resolves every field of a level before it awaits any IDataLoaderResult, which is
/// what gives the loader the whole level's keys.
/// </summary>
/// <param name="sharing">
/// With a context, the loader's fetch is one query on it, and the level's other such loaders on the same context are
/// fetched in the same round trip (<see cref="BatchLoaders.FetchSharingAsync"/>).
/// </param>
public sealed class BatchLoader<TKey, TValue>(
    Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
    TValue missing,
    (BatchLoaders Loaders, DbContext Context)? sharing = null) : ISharingLoader
    where TKey : notnull
{
    private readonly HashSet<TKey> pending = [];
    private readonly Dictionary<TKey, TValue> loaded = [];

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        if (!loaded.ContainsKey(key)) pending.Add(key);
        return new Result(this, key);
    }

    DbContext? ISharingLoader.Context => sharing?.Context;

    bool ISharingLoader.HasPending => pending.Count > 0;

    private async Task<TValue> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        if (pending.Count > 0 && !loaded.ContainsKey(key))
        {
            if (sharing is var (loaders, context)) await loaders.FetchSharingAsync(context, cancellationToken);
            else await ((ISharingLoader)this).TakePending().Read(cancellationToken);
        }
        return loaded.TryGetValue(key, out var result) ? result : missing;
    }

    PendingFetch ISharingLoader.TakePending()
    {
        var batch = pending.ToArray();
        pending.Clear();
        return new PendingFetch(
            async cancellationToken =>
            {
                var found = await fetch(batch, cancellationToken);
                if (ReadBatch.Recording) return; // no rows yet: the batch's answer comes when the read runs again
                foreach (var k in batch)
                    loaded[k] = found.TryGetValue(k, out var value) ? value : missing;
            },
            () =>
            {
                foreach (var k in batch.Where(k => !loaded.ContainsKey(k))) pending.Add(k);
            });
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue>
    {
        public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}

/// <summary>A loader's pending keys, taken for one fetch: <c>Read</c> fetches and keeps them, <c>Restore</c> queues again those not kept.</summary>
public sealed record PendingFetch(Func<CancellationToken, Task> Read, Action Restore);

internal interface ISharingLoader
{
    DbContext? Context { get; }

    bool HasPending { get; }

    PendingFetch TakePending();
}
