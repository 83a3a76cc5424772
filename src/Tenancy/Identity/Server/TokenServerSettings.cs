namespace RJCloud.Tenancy.Identity.Server;

/// <summary>The "Identity" configuration section.</summary>
internal sealed class TokenServerSettings
{
    public const string Section = "Identity";

    /// <summary>
    /// One issuer for every tenant, whatever /t/{tenant} address a token was asked for at, so a token
    /// validates on every replica and behind any host name. The tenant is a claim, not the issuer.
    /// </summary>
    public string Issuer { get; set; } = "http://localhost:5080/";

    /// <summary>Allows plain HTTP (localhost, tests). Unset: allowed only in Development and Testing.</summary>
    public bool? AllowPlainHttp { get; set; }

    public int AccessTokenMinutes { get; set; } = 15;

    /// <summary>Where the web app receives authorization codes.</summary>
    public string[] WebRedirectUris { get; set; } = ["http://localhost:5080/signed-in"];

    public string[] WebPostLogoutRedirectUris { get; set; } = ["http://localhost:5080/"];
}
