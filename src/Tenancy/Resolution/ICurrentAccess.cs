using System.Security.Claims;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Tenancy.Resolution;

/// <summary>
/// What an access token's holder may do now, not when the token was issued: a deactivated person
/// or revoked partner system is refused on its next request, and a removed role stops working at
/// once, without waiting for the token to expire.
/// </summary>
public interface ICurrentAccess
{
    /// <summary>The principal with the roles held now, or null when access has been withdrawn. Runs inside the token's tenant.</summary>
    Task<ClaimsPrincipal?> RefreshAsync(ClaimsPrincipal principal, Actor actor, CancellationToken cancellationToken);
}
