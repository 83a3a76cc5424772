using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Volunteers.Pool;
using RJCloud.Modules.Volunteers.Vetting;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Volunteers.Persistence;

/// <summary>The office's practitioner pool and their vetting.</summary>
internal sealed class VolunteersDbContext(DbContextOptions<VolunteersDbContext> options, ITenantContext tenants) : TenantDbContext(options, tenants)
{
    public const string SchemaName = "volunteers";

    public override string Schema => SchemaName;

    public DbSet<Practitioner> Practitioners => Set<Practitioner>();

    public DbSet<VettingCheck> VettingChecks => Set<VettingCheck>();
}
