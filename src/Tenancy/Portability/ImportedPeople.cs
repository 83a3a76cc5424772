using Microsoft.EntityFrameworkCore;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Identity.People;
using RJCloud.Tenancy.Identity.Persistence;

namespace RJCloud.Tenancy.Portability;

/// <summary>A one-time invitation link for each active tenant admin of an imported office, so that someone can sign in and invite the rest.</summary>
internal sealed class ImportedPeople(IdentityDbContext db, Invitations invitations)
{
    public sealed record AdminInvitation(Guid UserId, string Email, string Link);

    public async Task<IReadOnlyList<AdminInvitation>> InviteAdminsAsync(CurrentTenant office, CancellationToken cancellationToken)
    {
        var admins = await db.Users
            .Where(u => u.DeactivatedAt == null && db.RoleAssignments.Any(r => r.UserId == u.Id && r.Role == Roles.TenantAdmin))
            .OrderBy(u => u.Id).ToListAsync(cancellationToken);
        var links = new List<AdminInvitation>();
        foreach (var admin in admins) links.Add(new AdminInvitation(admin.Id, admin.Email, await invitations.LinkAsync(admin, office.Identifier)));
        return links;
    }
}
