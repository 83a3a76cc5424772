using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Identity.Features.InviteUser;
using RJCloud.Tenancy.Identity.People;
using RJCloud.Tenancy.Identity.Persistence;
using RJCloud.Tenancy.Persistence;
using RJCloud.Tenancy.Registry;

namespace RJCloud.Tenancy.Identity.Features.Tenants;

/// <summary>
/// A new office and its first tenant admin, written in one transaction across the registry and the
/// identity schema: either both exist or neither. The work runs inside the new tenant, so the first
/// admin's rows pass row-level security as that tenant's.
/// </summary>
internal sealed class CreateTenant(IServiceScopeFactory scopes, ITenantContext tenants, TimeProvider clock)
{
    public async Task<CreateTenantPayload> RunAsync(string identifier, string displayName, OfficeType officeType,
        string adminEmail, string adminName, CancellationToken cancellationToken)
    {
        if (!Tenant.IsValidIdentifier(identifier) || identifier == Tenant.PlatformIdentifier)
            return Refuse(UserError.For("INVALID_IDENTIFIER", "Use 2 to 32 lower-case letters, digits or hyphens, starting with a letter.", "input", "identifier"));
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > 200)
            return Refuse(UserError.For("INVALID_DISPLAY_NAME", "Give the office's name, at most 200 characters.", "input", "displayName"));

        using var scope = scopes.CreateScope();
        // A context of its own, not one from the pool: it is about to join the identity context's connection and transaction.
        await using var registry = ActivatorUtilities.CreateInstance<TenancyDbContext>(scope.ServiceProvider,
            scope.ServiceProvider.GetRequiredService<DbContextOptions<TenancyDbContext>>());
        if (await registry.Tenants.AnyAsync(t => t.Identifier == identifier, cancellationToken))
            return Refuse(UserError.For("DUPLICATE_IDENTIFIER", "Another office already uses this identifier.", "input", "identifier"));

        var now = clock.GetUtcNow();
        var tenant = Tenant.Create(identifier, displayName, officeType, now);
        using (tenants.Enter(new CurrentTenant(tenant.Id, tenant.Identifier, tenant.Status)))
        {
            var identity = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            await using var transaction = await identity.Database.BeginTransactionAsync(cancellationToken);
            registry.Database.SetDbConnection(identity.Database.GetDbConnection());
            await registry.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
            registry.Tenants.Add(tenant);
            try
            {
                await registry.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (!DatabaseOutage.IsCause(e)) // an outage is a 503, not this user error
            {
                return Refuse(UserError.For("DUPLICATE_IDENTIFIER", "Another office already uses this identifier.", "input", "identifier"));
            }
            var invitation = await InviteUserFields.InviteAsync(scope.ServiceProvider.GetRequiredService<UserManager<User>>(),
                scope.ServiceProvider.GetRequiredService<Invitations>(), identity, tenants.Current!, adminEmail, adminName,
                [Roles.TenantAdmin], null, now, cancellationToken, "input", "firstAdmin");
            if (invitation.UserErrors.Count > 0) return Refuse(invitation.UserErrors[0]);
            await transaction.CommitAsync(cancellationToken);
            return new CreateTenantPayload { Tenant = tenant, FirstAdminInvitationLink = invitation.InvitationLink };
        }
    }

    private static CreateTenantPayload Refuse(UserError error) => new() { UserErrors = [error] };
}

internal sealed record CreateTenantPayload : Payload
{
    public Tenant? Tenant { get; init; }

    public string? FirstAdminInvitationLink { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => Tenant is null ? [] : [Tenant.Id];
}
