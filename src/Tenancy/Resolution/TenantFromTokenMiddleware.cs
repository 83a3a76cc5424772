using Microsoft.AspNetCore.Http;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Registry;

namespace RJCloud.Tenancy.Resolution;

/// <summary>
/// After authentication, the token's tenant claim decides the tenant. A token used at another
/// tenant's address is refused (403), a suspended tenant's users are told so, and the holder's
/// access is checked as it stands now (ICurrentAccess).
/// </summary>
internal sealed class TenantFromTokenMiddleware(RequestDelegate next, ITenantContext tenants)
{
    public async Task InvokeAsync(HttpContext http, ICurrentAccess access)
    {
        var actor = Actor.From(http.User);
        if (actor.TenantId is not { } tenantId)
        {
            await next(http);
            return;
        }

        if (http.Items[TenantFromAddressMiddleware.AddressedTenantKey] is CurrentTenant addressed && addressed.Id != tenantId)
        {
            await TenantRefusal.WriteAsync(http, StatusCodes.Status403Forbidden, "WRONG_TENANT",
                "This access token belongs to another office: use it only at that office's address.");
            return;
        }

        var (tenant, current) = await access.CheckAsync(http.User, actor, tenantId, http.RequestAborted);
        if (tenant is null)
        {
            await TenantRefusal.WriteAsync(http, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", "The access token is no longer valid: sign in again.");
            return;
        }
        if (tenant.Status == TenantStatus.Suspended)
        {
            await TenantRefusal.WriteAsync(http, StatusCodes.Status403Forbidden, "TENANT_SUSPENDED",
                "This office's RJCloud service is suspended. Contact the office for help.");
            return;
        }
        if (current is null)
        {
            await TenantRefusal.WriteAsync(http, StatusCodes.Status401Unauthorized, "ACCESS_WITHDRAWN",
                "Your access to this office has been withdrawn. Ask the office's tenant admin if you think this is wrong.");
            return;
        }

        http.User = current;
        using (tenants.Enter(tenant)) await next(http);
    }
}
