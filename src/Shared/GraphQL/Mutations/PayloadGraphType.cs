using GraphQL.Types;

namespace RJCloud.Shared.GraphQL.Mutations;

public abstract class PayloadGraphType<TPayload> : ObjectGraphType<TPayload> where TPayload : Payload
{
    protected PayloadGraphType(string name)
    {
        Name = name;
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors")
            .Description("Why nothing was changed; empty when the mutation succeeded.")
            .Resolve(context => context.Source.UserErrors);
    }
}
