using System.Security.Claims;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;

namespace RJCloud.Tenancy.Resolution;

/// <summary>
/// What an access token's holder may do now, not when the token was issued: their office as it
/// stands (suspended at once), and a deactivated person or revoked partner system refused on its
/// next request, with roles as held today, without waiting for the token to expire.
/// </summary>
public interface ICurrentAccess
{
    /// <summary>The token's office, or null when it no longer exists; with the principal as it stands now, or null when access has been withdrawn.</summary>
    Task<CurrentAccessAnswer> CheckAsync(ClaimsPrincipal principal, Actor actor, Guid tenantId, CancellationToken cancellationToken);
}

public sealed record CurrentAccessAnswer(CurrentTenant? Tenant, ClaimsPrincipal? Principal);
