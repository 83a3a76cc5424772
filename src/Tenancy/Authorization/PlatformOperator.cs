using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Registry;

namespace RJCloud.Tenancy.Authorization;

internal static class PlatformOperator
{
    /// <summary>The operator role counts only inside the platform realm, with a token issued there.</summary>
    public static bool Is(Actor actor, ITenantContext tenants) =>
        actor.IsInRole(Roles.PlatformOperator) && tenants.Current?.Identifier == Tenant.PlatformIdentifier && tenants.Current.Id == actor.TenantId;
}
