using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Identity.Partners;

namespace RJCloud.Tenancy.Identity.Persistence;

[ForContext(typeof(IdentityDbContext))]
internal sealed class PartnerOrganisationConfiguration : IEntityTypeConfiguration<PartnerOrganisation>
{
    public void Configure(EntityTypeBuilder<PartnerOrganisation> builder)
    {
        builder.ToTable("partner_organisations");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(PartnerOrganisation.MaxNameLength);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(p => new { p.TenantId, p.Name }).IsUnique();
    }
}

[ForContext(typeof(IdentityDbContext))]
internal sealed class PartnerClientConfiguration : IEntityTypeConfiguration<PartnerClient>
{
    public void Configure(EntityTypeBuilder<PartnerClient> builder)
    {
        builder.ToTable("partner_clients");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.ClientId).HasMaxLength(100);
        builder.Property(p => p.DisplayName).HasMaxLength(200);
        // OpenIddict keeps client_id unique across tenants; within the tenant it is the lookup key.
        builder.HasIndex(p => new { p.TenantId, p.ClientId }).IsUnique();
        builder.HasIndex(p => new { p.TenantId, p.PartnerOrganisationId });
        builder.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(p => p.PartnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(p => p.IsRevoked);
    }
}
