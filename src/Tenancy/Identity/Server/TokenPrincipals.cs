using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Identity.Partners;
using RJCloud.Tenancy.Identity.People;
using RJCloud.Tenancy.Identity.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RJCloud.Tenancy.Identity.Server;

/// <summary>
/// What goes into tokens. Access tokens carry ids only (sub, tenant, roles, partner_org, client_id);
/// the person's name and e-mail go only into the id_token, for the web app to greet them.
/// </summary>
internal sealed class TokenPrincipals(IdentityDbContext db)
{
    public async Task<ClaimsPrincipal> ForUserAsync(User user, ImmutableArray<string> requestedScopes, CancellationToken cancellationToken)
    {
        var roles = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == user.Id).Select(r => r.Role).ToListAsync(cancellationToken);
        var identity = NewIdentity(user.Id.ToString(), user.TenantId, roles, user.PartnerOrganisationId);
        identity.SetClaim(Claims.Name, user.DisplayName).SetClaim(Claims.Email, user.Email);
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(requestedScopes.Intersect([Scopes.OpenId, Scopes.Email, Scopes.Profile, Scopes.OfflineAccess]));
        principal.SetDestinations(claim => claim.Type switch
        {
            Claims.Name when principal.HasScope(Scopes.Profile) => [Destinations.IdentityToken],
            Claims.Email when principal.HasScope(Scopes.Email) => [Destinations.IdentityToken],
            Claims.Name or Claims.Email => [],
            _ => [Destinations.AccessToken, Destinations.IdentityToken],
        });
        return principal;
    }

    public static ClaimsPrincipal ForPartnerClient(PartnerClient client)
    {
        var identity = NewIdentity(client.ClientId, client.TenantId, [Roles.PartnerSystem], client.PartnerOrganisationId);
        var principal = new ClaimsPrincipal(identity);
        principal.SetDestinations(_ => [Destinations.AccessToken]);
        return principal;
    }

    private static ClaimsIdentity NewIdentity(string subject, Guid tenantId, IEnumerable<string> roles, Guid? partnerOrganisationId)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject)
            .SetClaim(RJCloudClaims.Tenant, tenantId.ToString())
            .SetClaims(Claims.Role, [.. roles]);
        if (partnerOrganisationId is { } org) identity.SetClaim(RJCloudClaims.PartnerOrganisation, org.ToString());
        return identity;
    }
}
