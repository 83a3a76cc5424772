using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Identity.Features.ManageRoles;
using RJCloud.Tenancy.Identity.Features.Users;

namespace RJCloud.Tenancy.Identity.Features.ManageAccess;

/// <summary>deactivateUser and reactivateUser: a deactivated person can neither sign in nor refresh tokens.</summary>
internal sealed class ManageAccessFields(TimeProvider clock) : ISchemaContributor
{
    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Mutation<DeactivateUserPayloadType, DeactivateUserInputType, UserPayload>("deactivateUser",
                "Stops a person signing in, and ends their access at once: a token they hold is refused on its next request.")
            .Authorize(Roles.TenantAdmin)
            .ResolveAsync(async context =>
            {
                context.RequireRole(Roles.TenantAdmin);
                var db = context.Db();
                var user = UserInputType.UserId(context.Input()) is { } id ? await db.Users.FirstOrDefaultAsync(u => u.Id == id, context.CancellationToken) : null;
                if (user is null) return UserPayload.Refuse(IdentityResolveContext.NotFound("person", "input", "userId"));
                if (await LastAdmins.IsLastActiveAdminAsync(db, user.Id, context.CancellationToken)) return UserPayload.Refuse(LastAdmins.Error);
                user.Deactivate(clock.GetUtcNow());
                await db.SaveChangesAsync(context.CancellationToken);
                return new UserPayload { User = user };
            });

        mutation.Mutation<ReactivateUserPayloadType, ReactivateUserInputType, UserPayload>("reactivateUser", "Lets a deactivated person sign in again.")
            .Authorize(Roles.TenantAdmin)
            .ResolveAsync(async context =>
            {
                context.RequireRole(Roles.TenantAdmin);
                var db = context.Db();
                var user = UserInputType.UserId(context.Input()) is { } id ? await db.Users.FirstOrDefaultAsync(u => u.Id == id, context.CancellationToken) : null;
                if (user is null) return UserPayload.Refuse(IdentityResolveContext.NotFound("person", "input", "userId"));
                user.Reactivate();
                await db.SaveChangesAsync(context.CancellationToken);
                return new UserPayload { User = user };
            });
    }
}
