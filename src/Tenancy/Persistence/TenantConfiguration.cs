using RJCloud.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Tenancy.Registry;

namespace RJCloud.Tenancy.Persistence;

[ForContext(typeof(TenancyDbContext))]
internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("tenants");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Identifier).HasMaxLength(32);
        builder.HasIndex(t => t.Identifier).IsUnique();
        builder.Property(t => t.DisplayName).HasMaxLength(200);
        builder.Property(t => t.OfficeType).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        // One platform realm at most.
        builder.HasIndex(t => t.Kind).IsUnique().HasFilter("kind = 'Platform'");
        builder.Property(t => t.BillingCustomerId).HasMaxLength(64);
        builder.HasIndex(t => t.BillingCustomerId).IsUnique();
    }
}
