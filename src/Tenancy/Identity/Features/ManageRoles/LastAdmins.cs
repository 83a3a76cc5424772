using Microsoft.EntityFrameworkCore;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Identity.Persistence;

namespace RJCloud.Tenancy.Identity.Features.ManageRoles;

/// <summary>Nobody could administer an office without an active tenant admin, so the last one stays.</summary>
internal static class LastAdmins
{
    public static readonly UserError Error = UserError.For("LAST_TENANT_ADMIN",
        "This is the office's only active tenant admin: make someone else a tenant admin first.", "input", "userId");

    public static async Task<bool> IsLastActiveAdminAsync(IdentityDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var activeAdmins = await db.RoleAssignments.Where(r => r.Role == Roles.TenantAdmin)
            .Join(db.Users.Where(u => u.DeactivatedAt == null), r => r.UserId, u => u.Id, (r, u) => u.Id)
            .ToListAsync(cancellationToken);
        return activeAdmins.Count == 1 && activeAdmins[0] == userId;
    }
}
