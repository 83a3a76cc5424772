using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Identity.Features.PartnerOrganisations;
using RJCloud.Tenancy.Identity.Partners;
using RJCloud.Tenancy.Identity.People;
using RJCloud.Tenancy.Identity.Persistence;
using RJCloud.Tenancy.Resolution;

namespace RJCloud.Benchmarks;

/// <summary>
/// One office's people and partner system, set up directly as an operator would (the way
/// tests/RJCloud.Tests/Identity/IdentityApp.cs does): a tenant admin who signs in, colleagues enough
/// to fill a page of users(first: 10), and a police force with a client-credentials client.
/// </summary>
internal sealed record OfficeMembers(
    string Office, string AdminEmail, IReadOnlyList<string> Emails, string PartnerName, string PartnerGlobalId, string PartnerClientId, string PartnerSecret)
{
    public const string Password = "correct horse battery staple";
    public const int People = 10;
    public static readonly string[] AdminRoles = [Roles.TenantAdmin, Roles.Coordinator];

    public static async Task<OfficeMembers> SeedAsync(IServiceProvider services, string office, string ownerConnectionString, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var tenant = await provider.GetRequiredService<ITenantDirectory>().FindByIdentifierAsync(office, cancellationToken)
            ?? throw new InvalidOperationException($"Seed the office {office} first.");
        // Tenant-owned rows are written inside the tenant, as row-level security requires of the service role.
        using var inOffice = provider.GetRequiredService<ITenantContext>().Enter(tenant);
        var users = provider.GetRequiredService<UserManager<User>>();
        var db = provider.GetRequiredService<IdentityDbContext>();
        var now = TimeProvider.System.GetUtcNow();

        var emails = Enumerable.Range(0, People).Select(n => n == 0 ? $"bench-admin@{office}.test" : $"colleague-{n:00}@{office}.test").ToList();
        foreach (var email in emails)
        {
            var user = User.Invite(tenant.Id, email, $"Bench {email[..email.IndexOf('@')]}", null, now);
            Check(await users.CreateAsync(user), email);
            var isAdmin = email == emails[0];
            // Only the admin signs in; the colleagues stay invited, which costs no password hashing.
            if (isAdmin) Check(await users.AddPasswordAsync(user, Password), email);
            foreach (var role in isAdmin ? AdminRoles : [Roles.Coordinator]) db.RoleAssignments.Add(RoleAssignment.Give(user, role, now));
            await db.SaveChangesAsync(cancellationToken);
        }

        var police = PartnerOrganisation.Register(tenant.Id, $"{office} Police", PartnerOrganisationKind.Police, now);
        db.PartnerOrganisations.Add(police);
        await db.SaveChangesAsync(cancellationToken);
        var (client, secret) = await provider.GetRequiredService<PartnerClientRegistry>().RegisterAsync(police, "Case system", cancellationToken);

        await AnalyseAsync(ownerConnectionString, cancellationToken);
        return new OfficeMembers(office, emails[0], emails, police.Name, GlobalId.Encode(PartnerOrganisationType.Name, police.Id), client.ClientId, secret);
    }

    /// <summary>Fresh statistics for the tables the authenticated paths read, as for the tenants.</summary>
    public static async Task AnalyseAsync(string ownerConnectionString, CancellationToken cancellationToken)
    {
        await using var owner = new NpgsqlConnection(ownerConnectionString);
        await owner.OpenAsync(cancellationToken);
        await using var vacuum = new NpgsqlCommand(
            "VACUUM (ANALYZE) identity.users, identity.role_assignments, identity.partner_organisations, identity.partner_clients, " +
            "identity.openiddict_applications, identity.openiddict_authorizations, identity.openiddict_tokens", owner);
        await vacuum.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"Could not set up {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
