using System.Text.Json;

namespace RJCloud.Benchmarks;

/// <summary>What /t/{office}/connect/token answered: the tokens, or why it refused.</summary>
internal sealed record TokenReply(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt)
{
    public static async Task<TokenReply> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        // A benchmark without its tokens measures nothing: stop with the server's own explanation.
        if (!response.IsSuccessStatusCode || !root.TryGetProperty("access_token", out var access))
            throw new InvalidOperationException($"The token endpoint answered {(int)response.StatusCode}: {body}");
        return new TokenReply(
            access.GetString()!,
            root.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
            DateTimeOffset.UtcNow.AddSeconds(root.GetProperty("expires_in").GetInt32()));
    }
}
