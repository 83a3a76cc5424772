using Microsoft.AspNetCore.Http;
using RJCloud.Tenancy.Audit;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Registry;
using RJCloud.Tenancy.Resolution;

namespace RJCloud.Tenancy.Portability;

/// <summary>
/// GET /tenant-export: the office's tenant admin downloads their own office; a platform operator
/// names the office (?office=essex). Audited in the office's trail (who and when, never what).
/// </summary>
internal static class ExportEndpoint
{
    public const string Operation = "exportTenant";

    public static async Task HandleAsync(HttpContext http, ITenantContext tenants, ITenantDirectory directory, TenantExporter exporter, IAuditLog audit, TimeProvider clock)
    {
        var actor = Actor.From(http.User);
        var named = http.Request.Query["office"].ToString();
        if (!actor.IsAuthenticated)
        {
            await TenantRefusal.WriteAsync(http, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", "Send a tenant admin's or platform operator's access token.");
            return;
        }

        CurrentTenant? office;
        if (PlatformOperator.Is(actor, tenants))
        {
            office = named.Length == 0 || named == Tenant.PlatformIdentifier ? null : await directory.FindByIdentifierAsync(named, http.RequestAborted);
            if (office is null)
            {
                await TenantRefusal.WriteAsync(http, StatusCodes.Status404NotFound, "NOT_FOUND", "Name an office to export: ?office=<identifier>.");
                return;
            }
        }
        else if (actor.IsInRole(Roles.TenantAdmin) && !actor.IsSystem && tenants.Current is { } own && own.Id == actor.TenantId
                 && (named.Length == 0 || named == own.Identifier))
            office = own;
        else
        {
            await audit.RecordAsync(new AuditEvent(Operation, AuditEvent.Refused), CancellationToken.None);
            await TenantRefusal.WriteAsync(http, StatusCodes.Status403Forbidden, "FORBIDDEN", "Only the office's tenant admin, or a platform operator, can export an office's data.");
            return;
        }

        // The zip is written as rows arrive, straight to the response: an office's data is never held in memory.
        http.Response.ContentType = "application/zip";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"rjcloud-{office.Identifier}-{clock.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}.zip\"";
        var outcome = AuditEvent.Failed;
        try
        {
            await exporter.WriteAsync(office, http.Response.Body, http.RequestAborted);
            outcome = AuditEvent.Succeeded;
        }
        finally
        {
            using (tenants.Enter(office))
                await audit.RecordAsync(new AuditEvent(Operation, outcome, [office.Id]), CancellationToken.None);
        }
    }
}
