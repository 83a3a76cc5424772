using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Identity.People;
using RJCloud.Tenancy.Identity.Persistence;
using RJCloud.Tenancy.Resolution;

namespace RJCloud.Benchmarks;

/// <summary>The scale run's signed-in person also reads the spend report, so is also the office's commissioner (given once, before sign-in).</summary>
internal static class ScaleCommissioner
{
    public static async Task EnsureAsync(IServiceProvider services, OfficeMembers members, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var tenant = (await provider.GetRequiredService<ITenantDirectory>().FindByIdentifierAsync(members.Office, ct))!;
        using var inOffice = provider.GetRequiredService<ITenantContext>().Enter(tenant);
        var user = (await provider.GetRequiredService<UserManager<User>>().FindByEmailAsync(members.AdminEmail))!;
        var db = provider.GetRequiredService<IdentityDbContext>();
        if (await db.RoleAssignments.AnyAsync(r => r.UserId == user.Id && r.Role == Roles.Commissioner, ct)) return;
        db.RoleAssignments.Add(RoleAssignment.Give(user, Roles.Commissioner, TimeProvider.System.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }
}
