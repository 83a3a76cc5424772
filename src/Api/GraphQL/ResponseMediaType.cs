using Microsoft.Net.Http.Headers;

namespace RJCloud.Api.GraphQL;

internal static class ResponseMediaType
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>application/graphql-response+json unless the client asks only for application/json; null when it accepts neither.</summary>
    public static string? Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0) return GraphQLResponse;
        foreach (var media in accept.Where(a => a.Quality is not 0).OrderByDescending(a => a.Quality ?? 1))
        {
            var type = media.MediaType.Value;
            if (type is GraphQLResponse or "*/*" or "application/*") return GraphQLResponse;
            if (type is Json) return Json;
        }
        return null;
    }
}
