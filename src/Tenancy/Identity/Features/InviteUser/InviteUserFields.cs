using System.Net.Mail;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Identity.Features.PartnerOrganisations;
using RJCloud.Tenancy.Identity.Features.Users;
using RJCloud.Tenancy.Identity.People;

namespace RJCloud.Tenancy.Identity.Features.InviteUser;

/// <summary>inviteUser: creates a person without a password and returns, once, the link where they choose one.</summary>
internal sealed class InviteUserFields(TimeProvider clock) : ISchemaContributor
{
    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Mutation<InviteUserPayloadType, InviteUserInputType, InviteUserPayload>("inviteUser",
                "Invites a person to this office. Send them the invitation link yourself: it is shown only now, and expires in 3 days.")
            .Authorize(Roles.TenantAdmin)
            .ResolveAsync(async context =>
            {
                var tenant = context.RequireRole(Roles.TenantAdmin);
                var input = context.Input();
                var partnerOrganisationId = input.GetValueOrDefault("partnerOrganisationId") is { } org
                    ? GlobalId.DecodeFor(PartnerOrganisationType.Name, org.ToString()) ?? Guid.Empty
                    : (Guid?)null;
                var invitation = await InviteAsync(context.Service<UserManager<User>>(), context.Service<Invitations>(), context.Db(), tenant,
                    input["email"] as string ?? "", input["displayName"] as string ?? "",
                    ((IEnumerable<object?>)input["roles"]!).Select(r => r?.ToString() ?? "").ToList(), partnerOrganisationId, clock.GetUtcNow(), context.CancellationToken);
                return invitation;
            });

        mutation.Mutation<ReissueInvitationPayloadType, ReissueInvitationInputType, InviteUserPayload>("reissueInvitation",
                "A new invitation link for a person who has not yet chosen a password: their first link expired, or the office was imported "
                + "(an import carries no passwords). Shown only now; valid for 3 days and one use. An earlier link of theirs still works until it expires.")
            .Authorize(Roles.TenantAdmin)
            .ResolveAsync(async context =>
            {
                var tenant = context.RequireRole(Roles.TenantAdmin);
                var db = context.Db();
                var user = UserInputType.UserId(context.Input()) is { } id ? await db.Users.FirstOrDefaultAsync(u => u.Id == id, context.CancellationToken) : null;
                if (user is null) return Refuse(IdentityResolveContext.NotFound("person", "input", "userId"));
                if (!user.IsActive)
                    return Refuse(UserError.For("DEACTIVATED", "This person is deactivated. Reactivate them first if they should sign in again.", "input", "userId"));
                if (user.HasAcceptedInvitation)
                    return Refuse(UserError.For("ALREADY_SIGNED_UP", "This person has already chosen a password and signs in with it.", "input", "userId"));
                return new InviteUserPayload { User = user, InvitationLink = await context.Service<Invitations>().LinkAsync(user, tenant.Identifier) };
            });
    }

    /// <summary>Also used for a new office's first admin, and by the demo data.</summary>
    public static async Task<InviteUserPayload> InviteAsync(UserManager<User> users, Invitations invitations, Persistence.IdentityDbContext db,
        CurrentTenant tenant, string email, string displayName, IReadOnlyList<string> roles, Guid? partnerOrganisationId, DateTimeOffset now,
        CancellationToken cancellationToken, params string[] fieldPrefix)
    {
        string[] Field(string name) => [.. fieldPrefix.Length == 0 ? ["input"] : fieldPrefix, name];
        email = email.Trim();
        if (email.Length > User.MaxEmailLength || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
            return Refuse(UserError.For("INVALID_EMAIL", "Enter an e-mail address in the right format, like name@example.org.", Field("email")));
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > User.MaxDisplayNameLength)
            return Refuse(UserError.For("INVALID_DISPLAY_NAME", $"Enter the person's name, at most {User.MaxDisplayNameLength} characters.", Field("displayName")));
        if (roles.Count == 0 || roles.Any(r => !Roles.IsTenantRole(r)))
            return Refuse(UserError.For("UNKNOWN_ROLE", $"Choose roles from: {string.Join(", ", Roles.TenantRoles)}.", Field("roles")));
        if (partnerOrganisationId is { } org && !await db.PartnerOrganisations.AnyAsync(p => p.Id == org, cancellationToken))
            return Refuse(IdentityResolveContext.NotFound("partner organisation", Field("partnerOrganisationId")));
        if (await users.FindByEmailAsync(email) is not null)
            return Refuse(UserError.For("DUPLICATE_EMAIL", "Someone in this office already uses this e-mail address.", Field("email")));

        var user = User.Invite(tenant.Id, email, displayName, partnerOrganisationId, now);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
            return Refuse(UserError.For("INVALID_EMAIL", string.Join(" ", created.Errors.Select(e => e.Description)), Field("email")));
        foreach (var role in roles.Distinct()) db.RoleAssignments.Add(RoleAssignment.Give(user, role, now));
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return new InviteUserPayload { User = user, InvitationLink = await invitations.LinkAsync(user, tenant.Identifier) };
    }

    private static InviteUserPayload Refuse(UserError error) => new() { UserErrors = [error] };
}

internal sealed record InviteUserPayload : Payload
{
    public User? User { get; init; }

    public string? InvitationLink { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => User is null ? [] : [User.Id];
}

internal sealed class InviteUserPayloadType : PayloadGraphType<InviteUserPayload>
{
    public InviteUserPayloadType() : base("InviteUserPayload")
    {
        Field<UserType>("user").Description("The invited person.").Resolve(c => c.Source.User);
        Field(p => p.InvitationLink, nullable: true).Description("Where they choose their password. Shown only once; valid for 3 days and one use.");
    }
}

internal sealed class ReissueInvitationPayloadType : PayloadGraphType<InviteUserPayload>
{
    public ReissueInvitationPayloadType() : base("ReissueInvitationPayload")
    {
        Field<UserType>("user").Description("The person invited again.").Resolve(c => c.Source.User);
        Field(p => p.InvitationLink, nullable: true).Description("Where they choose their password. Shown only once; valid for 3 days and one use.");
    }
}

internal sealed class ReissueInvitationInputType() : UserInputType("ReissueInvitationInput", withRole: false);

internal sealed class InviteUserInputType : InputObjectGraphType
{
    public InviteUserInputType()
    {
        Name = "InviteUserInput";
        Field<NonNullGraphType<StringGraphType>>("email").Description("The address they will sign in with; unique in this office.");
        Field<NonNullGraphType<StringGraphType>>("displayName").Description("Their name as colleagues see it.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles").Description("At least one role, e.g. coordinator.");
        Field<IdGraphType>("partnerOrganisationId").Description("For people of a partner agency: the agency's id.");
    }
}
