using GraphQL.Types;

namespace RJCloud.Shared.GraphQL.Relay;

public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with an opaque global id, fetchable with node(id:) and nodes(ids:).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The object's opaque global id.");
    }
}
