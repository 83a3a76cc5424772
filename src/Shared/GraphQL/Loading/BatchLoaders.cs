using System.Collections.Concurrent;

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
}
