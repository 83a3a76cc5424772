using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Identity.People;

namespace RJCloud.Tenancy.Identity.SignIn;

/// <summary>
/// The browser's proof that a person signed in at one office's address, used only by the
/// authorize endpoint to issue codes. Its path is the office's /t/{tenant} prefix (the cookie
/// handler takes the request's path base), and it names the tenant and the security stamp, so it
/// is worthless at another office and dies with deactivation or a password change.
/// </summary>
internal static class SignInCookie
{
    public const string Scheme = "RJCloud.SignIn";
    private const string StampClaim = "stamp";

    public static Task SignInAsync(HttpContext http, User user) =>
        http.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(RJCloudClaims.Subject, user.Id.ToString()),
            new Claim(RJCloudClaims.Tenant, user.TenantId.ToString()),
            new Claim(StampClaim, user.SecurityStamp),
        ], Scheme)));

    /// <summary>The signed-in person's id, if the cookie is for this tenant.</summary>
    public static async Task<(Guid UserId, string Stamp)?> ReadAsync(HttpContext http, CurrentTenant tenant)
    {
        var result = await http.AuthenticateAsync(Scheme);
        if (!result.Succeeded) return null;
        var principal = result.Principal;
        if (principal.FindFirst(RJCloudClaims.Tenant)?.Value != tenant.Id.ToString()) return null;
        return Guid.TryParse(principal.FindFirst(RJCloudClaims.Subject)?.Value, out var id) && principal.FindFirst(StampClaim)?.Value is { } stamp
            ? (id, stamp)
            : null;
    }

    public static void Configure(CookieAuthenticationOptions options, bool allowPlainHttp)
    {
        options.Cookie.Name = "rjcloud.signin";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = allowPlainHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = false;
    }
}
