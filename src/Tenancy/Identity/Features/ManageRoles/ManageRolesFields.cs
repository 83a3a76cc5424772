using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Identity.Features.Users;
using RJCloud.Tenancy.Identity.People;

namespace RJCloud.Tenancy.Identity.Features.ManageRoles;

/// <summary>assignRole and removeRole. An office always keeps at least one active tenant admin.</summary>
internal sealed class ManageRolesFields(TimeProvider clock) : ISchemaContributor
{
    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Mutation<AssignRolePayloadType, AssignRoleInputType, UserPayload>("assignRole", "Gives a person a role in this office.")
            .Authorize(Roles.TenantAdmin)
            .ResolveAsync(async context =>
            {
                context.RequireRole(Roles.TenantAdmin);
                var (user, role, error) = await FindAsync(context);
                if (error is not null) return UserPayload.Refuse(error);
                var db = context.Db();
                if (!await db.RoleAssignments.AnyAsync(r => r.UserId == user!.Id && r.Role == role, context.CancellationToken))
                {
                    db.RoleAssignments.Add(RoleAssignment.Give(user!, role!, clock.GetUtcNow()));
                    await db.SaveChangesAsync(context.CancellationToken);
                }
                return new UserPayload { User = user };
            });

        mutation.Mutation<RemoveRolePayloadType, RemoveRoleInputType, UserPayload>("removeRole", "Takes a role away from a person.")
            .Authorize(Roles.TenantAdmin)
            .ResolveAsync(async context =>
            {
                context.RequireRole(Roles.TenantAdmin);
                var (user, role, error) = await FindAsync(context);
                if (error is not null) return UserPayload.Refuse(error);
                var db = context.Db();
                if (role == Roles.TenantAdmin && await LastAdmins.IsLastActiveAdminAsync(db, user!.Id, context.CancellationToken))
                    return UserPayload.Refuse(LastAdmins.Error);
                var assignment = await db.RoleAssignments.FirstOrDefaultAsync(r => r.UserId == user!.Id && r.Role == role, context.CancellationToken);
                if (assignment is not null)
                {
                    db.RoleAssignments.Remove(assignment);
                    await db.SaveChangesAsync(context.CancellationToken);
                }
                return new UserPayload { User = user };
            });
    }

    private static async Task<(User?, string?, UserError?)> FindAsync(IResolveFieldContext context)
    {
        var input = context.Input();
        var role = input["role"] as string;
        if (role is null || !Roles.IsTenantRole(role))
            return (null, null, UserError.For("UNKNOWN_ROLE", $"Choose one of: {string.Join(", ", Roles.TenantRoles)}.", "input", "role"));
        var user = UserInputType.UserId(input) is { } id ? await context.Db().Users.FirstOrDefaultAsync(u => u.Id == id, context.CancellationToken) : null;
        return user is null ? (null, null, IdentityResolveContext.NotFound("person", "input", "userId")) : (user, role, null);
    }
}
