using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Identity.People;
using RJCloud.Tenancy.Identity.SignIn;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RJCloud.Tenancy.Identity.Server;

/// <summary>
/// /t/{tenant}/connect/authorize: OpenIddict has validated the request (client, redirect, PKCE);
/// here the person is sent to the office's sign-in page, or, once signed in there, given a code.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, ITenantContext tenants, UserManager<User> users, TokenPrincipals principals)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (tenants.Current is not { } tenant)
            return OAuthRefusal.Of(Errors.InvalidRequest, "Sign in at your office's address: /t/{office}/connect/authorize.");

        var signedIn = await SignInCookie.ReadAsync(http, tenant);
        var user = signedIn is { } s ? await users.FindByIdAsync(s.UserId.ToString()) : null;
        if (user is null || !user.IsActive || user.SecurityStamp != signedIn!.Value.Stamp)
        {
            var returnUrl = http.Request.PathBase + http.Request.Path + QueryString.Create(
                request.GetParameters().Select(p => new KeyValuePair<string, string?>(p.Key, p.Value.ToString())));
            return Results.Redirect($"{http.Request.PathBase}/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}");
        }

        var principal = await principals.ForUserAsync(user, request.GetScopes(), http.RequestAborted);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
