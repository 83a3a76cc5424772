using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Identity.Persistence;
using RJCloud.Tenancy.Resolution;

namespace RJCloud.Tenancy.Identity.People;

/// <summary>One indexed read per request: the person's state and roles, or the partner client's revocation.</summary>
internal sealed class CurrentAccess(IdentityDbContext db) : ICurrentAccess
{
    public async Task<ClaimsPrincipal?> RefreshAsync(ClaimsPrincipal principal, Actor actor, CancellationToken cancellationToken)
    {
        if (actor.IsSystem)
            return await db.PartnerClients.AnyAsync(c => c.ClientId == actor.Subject && c.RevokedAt == null, cancellationToken) ? principal : null;

        if (!Guid.TryParse(actor.Subject, out var userId)) return null;
        var person = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.DeactivatedAt == null)
            .Select(u => new { Roles = db.RoleAssignments.Where(r => r.UserId == u.Id).Select(r => r.Role).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        return person is null ? null : WithRoles(principal, person.Roles);
    }

    private static ClaimsPrincipal WithRoles(ClaimsPrincipal principal, IReadOnlyCollection<string> roles)
    {
        if (principal.FindAll(RJCloudClaims.Role).Select(c => c.Value).ToHashSet().SetEquals(roles)) return principal;
        var identity = new ClaimsIdentity(
            principal.Claims.Where(c => c.Type != RJCloudClaims.Role).Select(c => new Claim(c.Type, c.Value, c.ValueType, c.Issuer))
                .Concat(roles.Select(r => new Claim(RJCloudClaims.Role, r))),
            principal.Identity?.AuthenticationType, RJCloudClaims.Subject, RJCloudClaims.Role);
        return new ClaimsPrincipal(identity);
    }
}
