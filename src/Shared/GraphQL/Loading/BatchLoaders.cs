using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using RJCloud.Shared.Persistence;

namespace RJCloud.Shared.GraphQL.Loading;

/// <summary>
/// The request's batch loaders, one per relation, found by name. Registered scoped so that nothing
/// is shared between requests (or tenants).
/// </summary>
public sealed class BatchLoaders
{
    private readonly ConcurrentDictionary<string, object> loaders = new();

    /// <summary>A loader for a one-to-one relation; keys without a row load as null.</summary>
    public BatchLoader<TKey, TValue?> ForOne<TKey, TValue>(
        string relation, Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue?>>> fetch)
        where TKey : notnull where TValue : class =>
        (BatchLoader<TKey, TValue?>)loaders.GetOrAdd(relation, _ => new BatchLoader<TKey, TValue?>(fetch, null));

    /// <summary>A loader for a one-to-many relation; keys without rows load as an empty list.</summary>
    public BatchLoader<TKey, IReadOnlyList<TValue>> ForMany<TKey, TValue>(
        string relation, Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, IReadOnlyList<TValue>>>> fetch)
        where TKey : notnull =>
        (BatchLoader<TKey, IReadOnlyList<TValue>>)loaders.GetOrAdd(relation, _ => new BatchLoader<TKey, IReadOnlyList<TValue>>(fetch, []));

    /// <summary>
    /// A loader for a one-to-many relation whose fetch is one query on <paramref name="context"/>: it goes to PostgreSQL
    /// in one round trip with the other such loaders of the level on that context (the lists of a case screen).
    /// </summary>
    public BatchLoader<TKey, IReadOnlyList<TValue>> ForManySharing<TKey, TValue>(
        string relation, DbContext context, Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, IReadOnlyList<TValue>>>> fetch)
        where TKey : notnull =>
        (BatchLoader<TKey, IReadOnlyList<TValue>>)loaders.GetOrAdd(relation, _ => new BatchLoader<TKey, IReadOnlyList<TValue>>(fetch, [], (this, context)));

    /// <summary>Fetches every sharing loader's pending keys on <paramref name="context"/>, in one round trip.</summary>
    internal async Task FetchSharingAsync(DbContext context, CancellationToken cancellationToken)
    {
        var due = loaders.Values.OfType<ISharingLoader>().Where(l => l.Context == context && l.HasPending).Select(l => l.TakePending()).ToList();
        try
        {
            await ReadBatch.RunAsync(context, [.. due.Select(f => f.Read)], cancellationToken);
        }
        catch
        {
            // Keys not kept are asked again by whoever awaits them next, rather than answered as if they had no rows.
            foreach (var fetch in due) fetch.Restore();
            throw;
        }
    }
}
