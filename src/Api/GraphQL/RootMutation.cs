using GraphQL.Types;
using RJCloud.Shared.Modules;

namespace RJCloud.Api.GraphQL;

internal sealed class RootMutation : ObjectGraphType
{
    public RootMutation(IEnumerable<ISchemaContributor> contributors)
    {
        Name = "Mutation";
        foreach (var contributor in contributors) contributor.AddMutations(this);
        GuardedMutationResolver.Guard(this);
    }
}
