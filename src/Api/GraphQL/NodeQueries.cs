using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Api.GraphQL;

/// <summary>node(id:) and nodes(ids:): any Node by its global id, dispatched to the module that owns the type.</summary>
internal sealed class NodeQueries(IEnumerable<INodeResolver> resolvers) : ISchemaContributor
{
    private const int MaxIds = 100;
    private readonly Dictionary<string, INodeResolver> byType = resolvers.ToDictionary(r => r.TypeName);

    public void AddQueries(ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Description("The object with this global id, or null when it does not exist or you may not see it.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .AuthorizeAnyMember()
            .Resolve(context => Resolve(context.GetArgument<string>("id"), context.RequestServices!));

        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description($"The objects with these global ids, in the same order; null for each that does not exist or you may not see. At most {MaxIds} ids.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .AuthorizeAnyMember()
            .Resolve(context =>
            {
                var ids = context.GetArgument<List<string>>("ids");
                if (ids.Count > MaxIds) throw new ExecutionError($"nodes(ids:) takes at most {MaxIds} ids.") { Code = "TOO_MANY_IDS" };
                return DataLoaderResults.WhenAll(ids.Select(id => Resolve(id, context.RequestServices!)).ToList());
            });
    }

    private IDataLoaderResult<object?>? Resolve(string globalId, IServiceProvider services) =>
        GlobalId.TryDecode(globalId, out var type, out var id) && byType.TryGetValue(type, out var resolver)
            ? resolver.Resolve(id, services)
            : null;
}
