using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.DemoData;
using RJCloud.Tenancy.Identity.Partners;
using RJCloud.Tenancy.Identity.People;
using RJCloud.Tenancy.Identity.Persistence;
using RJCloud.Tenancy.Registry;
using RJCloud.Tenancy.Resolution;

namespace RJCloud.Tenancy.Identity.DemoData;

/// <summary>
/// One person per role in each demo office, a police partner with a client, and a platform operator,
/// all with the demo password in the README. Seeded only in Development (the host refuses otherwise).
/// </summary>
internal sealed class DemoIdentities(IServiceScopeFactory scopes, ITenantContext tenants, TimeProvider clock) : IDemoDataSeeder
{
    public const string Password = "Demo-password-2026!";

    private static readonly Dictionary<string, string> Police = new()
    {
        ["essex"] = "Essex Police", ["norfolk"] = "Norfolk Constabulary", ["durham"] = "Durham Constabulary",
    };

    public int Order => 10;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var (identifier, _, _) in DemoTenants.Offices)
            await InTenantAsync(identifier, services => SeedOfficeAsync(services, identifier, cancellationToken), cancellationToken);
        await InTenantAsync(Tenant.PlatformIdentifier, services =>
            PersonAsync(services, "operator@platform.rjcloud.test", "Platform Operator", Roles.PlatformOperator, null, cancellationToken), cancellationToken);
    }

    private async Task SeedOfficeAsync(IServiceProvider services, string identifier, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<IdentityDbContext>();
        var police = await db.PartnerOrganisations.FirstOrDefaultAsync(p => p.Name == Police[identifier], cancellationToken);
        if (police is null)
        {
            police = PartnerOrganisation.Register(tenants.Current!.Id, Police[identifier], PartnerOrganisationKind.Police, clock.GetUtcNow());
            db.PartnerOrganisations.Add(police);
            await db.SaveChangesAsync(cancellationToken);
            await services.GetRequiredService<PartnerClientRegistry>().RegisterAsync(police, $"{Police[identifier]} case system (demo)",
                cancellationToken, $"{identifier}-police-demo", $"{identifier}-police-demo-secret");
        }
        foreach (var role in Roles.TenantRoles)
            await PersonAsync(services, $"{role.Replace('_', '-')}@{identifier}.rjcloud.test", $"Demo {role.Replace('_', ' ')}", role,
                role == Roles.PartnerUser ? police.Id : null, cancellationToken);
    }

    private async Task PersonAsync(IServiceProvider services, string email, string name, string role, Guid? partnerOrganisationId, CancellationToken cancellationToken)
    {
        var users = services.GetRequiredService<UserManager<User>>();
        if (await users.FindByEmailAsync(email) is not null) return;
        var user = User.Invite(tenants.Current!.Id, email, name, partnerOrganisationId, clock.GetUtcNow());
        await users.CreateAsync(user);
        await users.AddPasswordAsync(user, Password);
        var db = services.GetRequiredService<IdentityDbContext>();
        db.RoleAssignments.Add(RoleAssignment.Give(user, role, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task InTenantAsync(string identifier, Func<IServiceProvider, Task> work, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<ITenantDirectory>().FindByIdentifierAsync(identifier, cancellationToken)
            ?? throw new InvalidOperationException($"Demo office {identifier} is missing.");
        using (tenants.Enter(tenant)) await work(scope.ServiceProvider);
    }
}
