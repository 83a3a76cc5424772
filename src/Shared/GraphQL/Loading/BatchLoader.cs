using GraphQL.DataLoader;

namespace RJCloud.Shared.GraphQL.Loading;

/// <summary>
/// Collects the keys that one execution level asks for and fetches them in one call, so a list of
/// 100 costs the SQL of a list of 1. Scoped to a request: results are cached for its duration.
/// GraphQL.NET resolves every field of a level before it awaits any IDataLoaderResult, which is
/// what gives the loader the whole level's keys.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(
    Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
    TValue missing)
    where TKey : notnull
{
    private readonly HashSet<TKey> pending = [];
    private readonly Dictionary<TKey, TValue> loaded = [];

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        if (!loaded.ContainsKey(key)) pending.Add(key);
        return new Result(this, key);
    }

    private async Task<TValue> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        if (pending.Count > 0 && !loaded.ContainsKey(key))
        {
            var batch = pending.ToArray();
            pending.Clear();
            var found = await fetch(batch, cancellationToken);
            foreach (var k in batch)
                loaded[k] = found.TryGetValue(k, out var value) ? value : missing;
        }
        return loaded.TryGetValue(key, out var result) ? result : missing;
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue>
    {
        public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
