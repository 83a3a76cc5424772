using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace RJCloud.Api.GraphQL;

/// <summary>
/// Turns an HTTP request into one GraphQL request, following GraphQL over HTTP: POST with a JSON
/// body, or GET with query parameters (queries only, and only with a header a browser cannot send
/// cross-site without a preflight, so neither GET nor a form post can carry a CSRF attack).
/// </summary>
internal sealed class GraphQLRequestReader(IGraphQLTextSerializer serializer, IOptions<GraphQLOptions> options)
{
    public const string PreflightHeader = "GraphQL-Require-Preflight";

    public async Task<(GraphQLRequest? Request, RequestProblem? Problem)> ReadAsync(HttpRequest http, CancellationToken cancellationToken) =>
        HttpMethods.IsGet(http.Method) ? ReadGet(http) : await ReadPostAsync(http, cancellationToken);

    private (GraphQLRequest?, RequestProblem?) ReadGet(HttpRequest http)
    {
        if (!http.Headers.ContainsKey(PreflightHeader) && !http.Headers.ContainsKey(HeaderNames.Authorization))
            return (null, RequestProblem.BadRequest("PREFLIGHT_REQUIRED",
                $"A GET request must carry the {PreflightHeader} header (protection against cross-site request forgery); or use POST with Content-Type: application/json."));
        var query = http.Query["query"].ToString();
        if (string.IsNullOrWhiteSpace(query))
            return (null, RequestProblem.BadRequest("QUERY_MISSING", "The request has no 'query' parameter."));
        try
        {
            return (new GraphQLRequest
            {
                Query = query,
                OperationName = NullIfEmpty(http.Query["operationName"]),
                Variables = serializer.Deserialize<Inputs>(NullIfEmpty(http.Query["variables"])),
                Extensions = serializer.Deserialize<Inputs>(NullIfEmpty(http.Query["extensions"])),
            }, null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
        {
            return (null, RequestProblem.BadRequest("INVALID_JSON", "The 'variables' and 'extensions' parameters must be JSON objects."));
        }
    }

    private async Task<(GraphQLRequest?, RequestProblem?)> ReadPostAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        if (!IsJson(http.ContentType))
            return (null, new RequestProblem(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                "Send the request with Content-Type: application/json."));

        var limit = options.Value.MaxRequestBytes;
        if (http.ContentLength > limit) return (null, TooLarge(limit));
        byte[]? body;
        try
        {
            body = await ReadBodyAsync(http.Body, limit, cancellationToken);
        }
        catch (BadHttpRequestException e)
        {
            // The client stopped sending before its Content-Length, or too slowly: its fault, and nothing was read.
            return (null, new RequestProblem(e.StatusCode, "INCOMPLETE_BODY", "The request body ended early or arrived too slowly: send the whole body again."));
        }
        if (body is null) return (null, TooLarge(limit));

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Array)
                return (null, RequestProblem.BadRequest("BATCH_NOT_SUPPORTED", "Send one operation per request: batched requests (a JSON array) are not accepted."));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, RequestProblem.BadRequest("INVALID_REQUEST", "The body must be a JSON object with a 'query'."));
            var request = serializer.ReadNode<GraphQLRequest>(document.RootElement);
            return string.IsNullOrWhiteSpace(request?.Query)
                ? (null, RequestProblem.BadRequest("QUERY_MISSING", "The request body has no 'query'."))
                : (request, null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException or FormatException)
        {
            return (null, RequestProblem.BadRequest("INVALID_JSON", "The request body is not a valid GraphQL request in JSON: 'query' must be a string and 'variables' an object."));
        }
    }

    private static RequestProblem TooLarge(int limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE", $"The request body is larger than the {limit / 1024} KiB allowed.");

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (!media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static async Task<byte[]?> ReadBodyAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) =>
        string.IsNullOrEmpty(value) ? null : value.ToString();
}
