using GraphQL.Builders;
using GraphQL.Types;

namespace RJCloud.Shared.GraphQL.Mutations;

public static class MutationFieldExtensions
{
    /// <summary>The mutation convention: one required input object named "input", a non-null payload.</summary>
    public static FieldBuilder<object?, TPayload> Mutation<TPayloadType, TInputType, TPayload>(this ObjectGraphType mutation, string name, string description)
        where TPayloadType : PayloadGraphType<TPayload>
        where TInputType : IInputObjectGraphType
        where TPayload : Payload =>
        mutation.Field<NonNullGraphType<TPayloadType>, TPayload>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInputType>>("input");
}
