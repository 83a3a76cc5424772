using System.Net.Http.Headers;
using System.Text.Json;

namespace RJCloud.Benchmarks;

/// <summary>POST /graphql as a client sends it: JSON body, and the bearer token when the caller holds one.</summary>
internal static class GraphQLOverHttp
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static async Task<Reply> PostAsync(HttpClient http, string query, object? variables, string? accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new { query, variables }))
            {
                Headers = { ContentType = Json },
            },
        };
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var sqlCommands = response.Headers.TryGetValues("X-Sql-Commands", out var values) ? values.First() : "(header missing)";
        return new Reply((int)response.StatusCode, body, sqlCommands);
    }
}
