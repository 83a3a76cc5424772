using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RJCloud.Benchmarks;

/// <summary>
/// The two kinds of caller that hold tokens: a person of the office, signed in through the sign-in
/// page (authorization code + PKCE), and its partner system (client credentials). Tokens are asked
/// for over HTTPS, as the token server requires outside Development and Testing; TestServer only
/// marks the request as HTTPS, there is no TLS in the measured requests either way.
/// </summary>
internal sealed class SignedInCallers(OfficeMembers members, BearerToken person, BearerToken partnerSystem)
{
    public const string MeQuery = "{ me { email } }";
    public const string PartnerQuery = "{ submittedReferrals(first: 10) { edges { node { reference status } } } }";

    public OfficeMembers Members => members;

    public BearerToken Person => person;

    public BearerToken PartnerSystem => partnerSystem;

    public IEnumerable<BearerToken> Tokens => [person, partnerSystem];

    /// <param name="http">The client the measured requests use, to check that the service accepts the tokens.</param>
    public static async Task<SignedInCallers> SignInAsync(WebApplicationFactory<Program> app, HttpClient http, OfficeMembers members, CancellationToken cancellationToken)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true,
        });
        var signIn = new PersonSignIn(browser, members.Office);
        var person = new BearerToken("signed-in person", await signIn.SignInAsync(members.AdminEmail, OfficeMembers.Password, cancellationToken),
            signIn.RefreshAsync, IsAccepted(http, MeQuery, null, $"\"email\":\"{members.AdminEmail}\""));

        var partner = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        Task<TokenReply> ClientCredentialsAsync(CancellationToken ct) => PartnerTokenAsync(partner, members, ct);
        var partnerSystem = new BearerToken("partner system", await ClientCredentialsAsync(cancellationToken), ClientCredentialsAsync,
            IsAccepted(http, PartnerQuery, null, "\"status\":\"RECEIVED\""));

        var callers = new SignedInCallers(members, person, partnerSystem);
        foreach (var token in callers.Tokens) await token.ConfirmAcceptedAsync(cancellationToken);
        return callers;
    }

    private static async Task<TokenReply> PartnerTokenAsync(HttpClient partner, OfficeMembers members, CancellationToken cancellationToken)
    {
        using var response = await partner.PostAsync($"/t/{members.Office}/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = members.PartnerClientId, ["client_secret"] = members.PartnerSecret,
        }), cancellationToken);
        return await TokenReply.ReadAsync(response, cancellationToken);
    }

    // Reads something only the token's holder may read: anonymous, that field is refused.
    private static Func<string, CancellationToken, Task<bool>> IsAccepted(HttpClient http, string query, object? variables, string expected) =>
        async (token, cancellationToken) =>
        {
            var reply = await GraphQLOverHttp.PostAsync(http, query, variables, token, cancellationToken);
            return reply.Status == 200 && Encoding.UTF8.GetString(reply.Body).Contains(expected, StringComparison.Ordinal);
        };
}
