using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace RJCloud.Tests.Infrastructure;

/// <summary>Calls /graphql exactly as a partner system would: JSON over HTTP.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public HttpClient Http => http;

    public Task<GraphQLResponse> PostAsync(string query, object? variables = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        });

    public async Task<GraphQLResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var sqlCommands = response.Headers.TryGetValues("X-Sql-Commands", out var values) ? int.Parse(values.First()) : (int?)null;
        JsonElement? json = null;
        try
        {
            json = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
        }
        return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType, json, body, sqlCommands,
            response.Headers.TryGetValues("X-Correlation-Id", out var ids) ? ids.First() : null);
    }
}

public sealed record GraphQLResponse(
    HttpStatusCode Status, MediaTypeHeaderValue? ContentType, JsonElement? Json, string Body, int? SqlCommands, string? CorrelationId)
{
    /// <summary>Asserts the HTTP status, showing the body when it differs so failures explain themselves.</summary>
    public GraphQLResponse AssertStatus(HttpStatusCode expected)
    {
        Assert.True(Status == expected, $"Expected {(int)expected} but got {(int)Status}: {Body}");
        return this;
    }

    public JsonElement Data => Json!.Value.GetProperty("data");

    public IReadOnlyList<JsonElement> Errors =>
        Json is { } json && json.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateArray()] : [];

    public string FirstErrorMessage => Errors.Count > 0 ? Errors[0].GetProperty("message").GetString()! : "";

    public string? FirstErrorCode =>
        Errors.Count > 0 && Errors[0].TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code)
            ? code.GetString()
            : null;
}
