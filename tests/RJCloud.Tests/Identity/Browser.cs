using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace RJCloud.Tests.Identity;

/// <summary>A person's browser and the web app: the authorization code flow with PKCE, step by step over HTTP.</summary>
public sealed partial class Browser(IdentityApp app)
{
    public const string RedirectUri = "http://localhost:5080/signed-in";
    private readonly HttpClient http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    private readonly string verifier = Base64Url(RandomNumberGenerator.GetBytes(32));

    public HttpClient Http => http;

    public string AuthorizeUrl(string office) =>
        QueryHelpers.AddQueryString($"/t/{office}/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "rjcloud-web",
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = "openid profile offline_access",
            ["state"] = "state-1",
            ["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
        });

    /// <summary>Starts at authorize, signs in on the office's page, and returns the page's answer (a redirect on success).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string office, string email, string password)
    {
        var toSignIn = await http.GetAsync(AuthorizeUrl(office));
        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        return await SubmitSignInAsync(toSignIn.Headers.Location!.OriginalString, email, password);
    }

    public async Task<HttpResponseMessage> SubmitSignInAsync(string signInPage, string email, string password)
    {
        var page = await (await http.GetAsync(signInPage)).Content.ReadAsStringAsync();
        return await http.PostAsync(FormAction(page), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Hidden(page, "__RequestVerificationToken"),
            ["returnUrl"] = WebUtility.HtmlDecode(Hidden(page, "returnUrl")),
            ["email"] = email,
            ["password"] = password,
        }));
    }

    /// <summary>The whole flow: sign in, follow back to authorize, take the code and exchange it with the verifier.</summary>
    public async Task<TokenResponse> AuthorizationCodeFlowAsync(string office, string email, string password)
    {
        var signedIn = await SignInAsync(office, email, password);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        var toWebApp = await http.GetAsync(signedIn.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, toWebApp.StatusCode);
        var callback = QueryHelpers.ParseQuery(toWebApp.Headers.Location!.Query);
        Assert.Equal("state-1", callback["state"].ToString());
        return await TokenAsync(office, new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = callback["code"].ToString(),
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = "rjcloud-web",
            ["code_verifier"] = verifier,
        });
    }

    public Task<TokenResponse> RefreshAsync(string office, string refreshToken) => TokenAsync(office, new()
    {
        ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = "rjcloud-web",
    });

    private async Task<TokenResponse> TokenAsync(string office, Dictionary<string, string> form) =>
        await TokenResponse.ReadAsync(await http.PostAsync($"/t/{office}/connect/token", new FormUrlEncodedContent(form)));

    public static string Hidden(string page, string name) =>
        Regex.Match(page, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"").Groups[1].Value;

    private static string FormAction(string page) => WebUtility.HtmlDecode(FormActionPattern().Match(page).Groups[1].Value);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\"")]
    private static partial Regex FormActionPattern();
}
