using GraphQL.DataLoader;

namespace RJCloud.Shared.GraphQL.Relay;

/// <summary>
/// Fetches one Node type by key for node(id:) and nodes(ids:). Implementations load through a batch
/// loader so that nodes(ids:) of many ids costs one query per type, and must return null for
/// anything the caller may not see, exactly as for an id that does not exist.
/// </summary>
public interface INodeResolver
{
    string TypeName { get; }

    IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services);
}
