using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Identity.Keys;
using RJCloud.Tenancy.Identity.Partners;
using RJCloud.Tenancy.Identity.People;
using RJCloud.Tenancy.Isolation;

namespace RJCloud.Tenancy.Identity.Persistence;

/// <summary>
/// People, their roles, partner organisations and clients (tenant-owned, row-level secured), and
/// the token server's global tables: OpenIddict's applications, authorizations and tokens, and keys.
/// </summary>
internal sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options, ITenantContext tenants) : TenantDbContext(options, tenants)
{
    public const string SchemaName = "identity";

    public override string Schema => SchemaName;

    public DbSet<User> Users => Set<User>();

    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();

    public DbSet<PartnerOrganisation> PartnerOrganisations => Set<PartnerOrganisation>();

    public DbSet<PartnerClient> PartnerClients => Set<PartnerClient>();

    public DbSet<ServerKey> ServerKeys => Set<ServerKey>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("openiddict_applications");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("openiddict_authorizations");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("openiddict_scopes");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("openiddict_tokens");
        base.ConfigureModel(modelBuilder);
    }
}
