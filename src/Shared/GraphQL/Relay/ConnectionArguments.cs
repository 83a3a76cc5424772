using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Types.Relay;

namespace RJCloud.Shared.GraphQL.Relay;

public static class ConnectionArguments
{
    /// <summary>The list convention: a non-null Relay connection with first/after/last/before.</summary>
    public static FieldBuilder<TSource, object> ConnectionField<TSource, TNodeType>(this ComplexGraphType<TSource> parent, string name)
        where TNodeType : IGraphType =>
        parent.Field<NonNullGraphType<ConnectionType<TNodeType, EdgeType<TNodeType>>>>(name).Paged();

    /// <summary>Adds first/after/last/before; sizes outside 1..100 are refused by validation, before any SQL.</summary>
    public static FieldBuilder<TSource, TReturn> Paged<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field
            .Argument<IntGraphType>("first", $"Return the first n edges (1 to {PageRequest.MaxSize}, default {PageRequest.DefaultSize}).")
            .Argument<StringGraphType>("after", "Return edges after this cursor.")
            .Argument<IntGraphType>("last", $"Return the last n edges (1 to {PageRequest.MaxSize}).")
            .Argument<StringGraphType>("before", "Return edges before this cursor.");

    public static PageRequest GetPage(this IResolveFieldContext context) => new(
        context.GetArgument<int?>("first"),
        context.GetArgument<string?>("after"),
        context.GetArgument<int?>("last"),
        context.GetArgument<string?>("before"));
}
