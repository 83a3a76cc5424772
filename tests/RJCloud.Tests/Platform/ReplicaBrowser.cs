using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using RJCloud.Tests.Identity;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Platform;

/// <summary>
/// A browser behind a load balancer that sends each step of the web app's sign-in to the other replica: one cookie jar
/// for both (cookies are per host, not per port), so antiforgery tokens, the sign-in cookie and the code all cross over.
/// </summary>
public sealed partial class ReplicaBrowser
{
    private const string RedirectUri = "http://localhost:5080/signed-in";
    private readonly CookieContainer cookies = new();
    private readonly string verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>Authorize on A, the sign-in page from B, the password to A, back to authorize on B, the code exchanged on A.</summary>
    public async Task<TokenResponse> SignInAsync(ServiceProcess a, ServiceProcess b, string office, string email, string password)
    {
        using var onA = Client(a);
        using var onB = Client(b);
        var toSignIn = await onA.GetAsync(QueryHelpers.AddQueryString($"/t/{office}/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "rjcloud-web", ["response_type"] = "code", ["redirect_uri"] = RedirectUri, ["scope"] = "openid profile offline_access",
            ["state"] = "across", ["code_challenge"] = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
        }));
        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);

        var page = await (await onB.GetAsync(Relative(toSignIn.Headers.Location!))).Content.ReadAsStringAsync();
        var signedIn = await onA.PostAsync(WebUtility.HtmlDecode(FormAction().Match(page).Groups[1].Value), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browser.Hidden(page, "__RequestVerificationToken"),
            ["returnUrl"] = WebUtility.HtmlDecode(Browser.Hidden(page, "returnUrl")),
            ["email"] = email,
            ["password"] = password,
        }));
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());

        var toWebApp = await onB.GetAsync(Relative(signedIn.Headers.Location!));
        Assert.Equal(HttpStatusCode.Redirect, toWebApp.StatusCode);
        var code = QueryHelpers.ParseQuery(toWebApp.Headers.Location!.Query)["code"].ToString();
        return await TokenResponse.ReadAsync(await onA.PostAsync($"/t/{office}/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RedirectUri, ["client_id"] = "rjcloud-web", ["code_verifier"] = verifier,
        })));
    }

    // A redirect names no replica: the balancer chooses, here always the other one.
    private static string Relative(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    private HttpClient Client(ServiceProcess replica) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = replica.Address };

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\"")]
    private static partial Regex FormAction();
}
