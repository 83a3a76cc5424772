namespace RJCloud.Shared.GraphQL;

/// <summary>Where the one GraphQL API is served, for the pieces outside the endpoint that treat its requests differently.</summary>
public static class GraphQLPath
{
    public const string Value = "/graphql";
}
