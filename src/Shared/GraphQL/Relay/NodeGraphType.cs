using GraphQL.Types;

namespace RJCloud.Shared.GraphQL.Relay;

/// <summary>A business type that implements Node: its id is the opaque global id of its Guid key.</summary>
public abstract class NodeGraphType<T> : ObjectGraphType<T>
{
    protected NodeGraphType(string name, Func<T, Guid> key)
    {
        Name = name;
        Interface<NodeInterface>();
        IsTypeOf = value => value is T;
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("The object's opaque global id.")
            .Resolve(context => GlobalId.Encode(name, key(context.Source)));
    }
}
