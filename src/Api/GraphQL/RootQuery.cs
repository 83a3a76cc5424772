using GraphQL.Types;
using RJCloud.Shared.Modules;

namespace RJCloud.Api.GraphQL;

internal sealed class RootQuery : ObjectGraphType
{
    public RootQuery(IEnumerable<ISchemaContributor> contributors)
    {
        Name = "Query";
        foreach (var contributor in contributors) contributor.AddQueries(this);
    }
}
