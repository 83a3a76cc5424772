using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Persistence;

namespace RJCloud.Tenancy.Billing.Plans;

[ForContext(typeof(TenancyDbContext))]
internal sealed class BillingPlanConfiguration : IEntityTypeConfiguration<BillingPlan>
{
    public void Configure(EntityTypeBuilder<BillingPlan> builder)
    {
        builder.ToTable("billing_plans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Code).HasMaxLength(32);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Pricing).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Amount).HasPrecision(12, 2);
        builder.Property(p => p.StripePriceId).HasMaxLength(64);
        builder.Ignore(p => p.Price);
    }
}
