using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using RJCloud.Tenancy.Audit;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Identity.People;
using RJCloud.Tenancy.Identity.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RJCloud.Tenancy.Identity.Server;

/// <summary>
/// /t/{tenant}/connect/token. OpenIddict has already checked the client's secret, the code and its
/// PKCE verifier, or the refresh token; here we check that they belong to the office the request
/// is addressed to, and that the person is still active.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext http, ITenantContext tenants, IdentityDbContext db, UserManager<User> users, TokenPrincipals principals, IAuditLog audit)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (tenants.Current is not { } tenant)
            return OAuthRefusal.Of(Errors.InvalidRequest, "Ask for tokens at your office's address: /t/{office}/connect/token.");

        if (request.IsClientCredentialsGrantType())
        {
            // The query filter limits this to the addressed office: another office's client is not found.
            var client = await db.PartnerClients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == request.ClientId, http.RequestAborted);
            if (client is null || client.IsRevoked)
            {
                await audit.RecordAsync(new AuditEvent("issuePartnerToken", AuditEvent.Refused), CancellationToken.None);
                return OAuthRefusal.Of(Errors.InvalidClient, "This client is not registered with this office.");
            }
            await audit.RecordAsync(new AuditEvent("issuePartnerToken", AuditEvent.Succeeded, [client.Id]), CancellationToken.None);
            return Results.SignIn(TokenPrincipals.ForPartnerClient(client), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var user = granted?.FindFirst(RJCloudClaims.Tenant)?.Value == tenant.Id.ToString()
                ? await users.FindByIdAsync(granted.FindFirst(RJCloudClaims.Subject)?.Value ?? "")
                : null;
            if (user is null || !user.IsActive)
                return OAuthRefusal.Of(Errors.InvalidGrant, "You can no longer sign in to this office: sign in again or ask its administrator.");
            // Roles are read afresh, so a role change takes effect at the next refresh.
            var principal = await principals.ForUserAsync(user, granted!.GetScopes(), http.RequestAborted);
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return OAuthRefusal.Of(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }
}
