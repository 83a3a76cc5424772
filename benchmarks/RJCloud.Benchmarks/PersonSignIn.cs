using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace RJCloud.Benchmarks;

/// <summary>
/// A person's browser and the web app, as tests/RJCloud.Tests/Identity/Browser.cs drives them: the
/// authorization code flow with PKCE at the office's address, then refreshes with the refresh token.
/// </summary>
internal sealed partial class PersonSignIn(HttpClient browser, string office)
{
    private const string ClientId = "rjcloud-web";
    // Registered by the service's WebClient for the web app; the code is read from the redirect, not followed.
    private const string RedirectUri = "http://localhost:5080/signed-in";
    private readonly string verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
    private string? refreshToken;

    public async Task<TokenReply> SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var toSignInPage = await ExpectRedirectAsync(await browser.GetAsync(AuthorizeUrl(), cancellationToken), cancellationToken);
        var page = await browser.GetStringAsync(toSignInPage, cancellationToken);
        using var signIn = await browser.PostAsync(FormAction(page), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Hidden(page, "__RequestVerificationToken"),
            ["returnUrl"] = WebUtility.HtmlDecode(Hidden(page, "returnUrl")),
            ["email"] = email,
            ["password"] = password,
        }), cancellationToken);
        var backToAuthorize = await ExpectRedirectAsync(signIn, cancellationToken);
        var toWebApp = await ExpectRedirectAsync(await browser.GetAsync(backToAuthorize, cancellationToken), cancellationToken);
        var code = QueryHelpers.ParseQuery(toWebApp.Query)["code"].ToString();
        return await TokenAsync(new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RedirectUri,
            ["client_id"] = ClientId, ["code_verifier"] = verifier,
        }, cancellationToken);
    }

    /// <summary>A new access token, and a new refresh token in place of the one just used.</summary>
    public Task<TokenReply> RefreshAsync(CancellationToken cancellationToken) => TokenAsync(new()
    {
        ["grant_type"] = "refresh_token",
        ["refresh_token"] = refreshToken ?? throw new InvalidOperationException("Sign in before refreshing."),
        ["client_id"] = ClientId,
    }, cancellationToken);

    private async Task<TokenReply> TokenAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        using var response = await browser.PostAsync($"/t/{office}/connect/token", new FormUrlEncodedContent(form), cancellationToken);
        var reply = await TokenReply.ReadAsync(response, cancellationToken);
        refreshToken = reply.RefreshToken ?? refreshToken;
        return reply;
    }

    private string AuthorizeUrl() => QueryHelpers.AddQueryString($"/t/{office}/connect/authorize", new Dictionary<string, string?>
    {
        ["client_id"] = ClientId,
        ["response_type"] = "code",
        ["redirect_uri"] = RedirectUri,
        ["scope"] = "openid profile offline_access",
        ["state"] = "bench",
        ["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
        ["code_challenge_method"] = "S256",
    });

    private static async Task<Uri> ExpectRedirectAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location) return location;
            throw new InvalidOperationException(
                $"Signing in stopped at {response.RequestMessage?.RequestUri} with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    private static string Hidden(string page, string name) =>
        Regex.Match(page, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"").Groups[1].Value;

    private static string FormAction(string page) => WebUtility.HtmlDecode(FormActionPattern().Match(page).Groups[1].Value);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\"")]
    private static partial Regex FormActionPattern();
}
