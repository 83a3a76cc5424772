using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using OpenIddict.Server.AspNetCore;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Identity.SignIn;

namespace RJCloud.Tenancy.Identity.Server;

/// <summary>/t/{tenant}/connect/endsession: forgets the office sign-in and sends the browser back to the web app.</summary>
internal static class EndSessionEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, ITenantContext tenants)
    {
        if (tenants.Current is null) return Results.NotFound();
        await http.SignOutAsync(SignInCookie.Scheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
