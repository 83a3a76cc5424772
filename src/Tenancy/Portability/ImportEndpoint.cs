using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using RJCloud.Tenancy.Audit;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Registry;
using RJCloud.Tenancy.Resolution;

namespace RJCloud.Tenancy.Portability;

/// <summary>
/// POST /tenant-import?office=essex with the archive as the body (application/zip): platform
/// operators only, into an office with no data. Answers what was loaded and a one-time invitation
/// link for each of the office's tenant admins, who have no password after an import.
/// </summary>
internal static class ImportEndpoint
{
    public const string Operation = "importTenant";

    private const long MaxArchiveBytes = 8L << 30;

    public static async Task HandleAsync(HttpContext http, ITenantContext tenants, ITenantDirectory directory, TenantImporter importer,
        ImportedPeople people, IAuditLog audit)
    {
        var actor = Actor.From(http.User);
        if (!PlatformOperator.Is(actor, tenants))
        {
            await audit.RecordAsync(new AuditEvent(Operation, AuditEvent.Refused), CancellationToken.None);
            await TenantRefusal.WriteAsync(http, actor.IsAuthenticated ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized,
                actor.IsAuthenticated ? "FORBIDDEN" : "UNAUTHENTICATED", "Only a platform operator can import an office's data.");
            return;
        }
        var named = http.Request.Query["office"].ToString();
        var office = named.Length == 0 || named == Tenant.PlatformIdentifier ? null : await directory.FindByIdentifierAsync(named, http.RequestAborted);
        if (office is null)
        {
            await TenantRefusal.WriteAsync(http, StatusCodes.Status404NotFound, "NOT_FOUND", "Name the office to import into: ?office=<identifier>.");
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxArchiveBytes;
        // The archive is checked whole before anything is written, so it is read twice: from a private temporary file.
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await http.Request.Body.CopyToAsync(file, http.RequestAborted);
        file.Position = 0;

        using (tenants.Enter(office))
        {
            try
            {
                using var archive = ArchiveReader.Open(file);
                var renamed = await importer.ImportAsync(office, archive, http.RequestAborted);
                await audit.RecordAsync(new AuditEvent(Operation, AuditEvent.Succeeded, [office.Id]), CancellationToken.None);
                var invitations = await people.InviteAdminsAsync(office, http.RequestAborted);
                await http.Response.WriteAsJsonAsync(new
                {
                    office = office.Identifier,
                    exportedFrom = archive.Manifest.Office.Identifier,
                    exportedAt = archive.Manifest.ExportedAt,
                    rows = archive.Manifest.Files.ToDictionary(f => f.Path, f => f.Rows),
                    adminInvitations = invitations,
                    renamedPartnerClients = renamed,
                }, http.RequestAborted);
            }
            catch (ImportRefusedException refused)
            {
                await audit.RecordAsync(new AuditEvent(Operation, AuditEvent.Refused, [office.Id]), CancellationToken.None);
                await TenantRefusal.WriteAsync(http, refused.Status, refused.Code, refused.Message);
            }
        }
    }
}
