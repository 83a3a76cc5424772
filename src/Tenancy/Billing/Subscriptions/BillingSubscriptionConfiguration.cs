using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Billing.Plans;
using RJCloud.Tenancy.Persistence;
using RJCloud.Tenancy.Registry;

namespace RJCloud.Tenancy.Billing.Subscriptions;

[ForContext(typeof(TenancyDbContext))]
internal sealed class BillingSubscriptionConfiguration : IEntityTypeConfiguration<BillingSubscription>
{
    public const string Table = "billing_subscriptions";

    public void Configure(EntityTypeBuilder<BillingSubscription> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(s => s.OfficeId);
        builder.HasOne<Tenant>().WithOne().HasForeignKey<BillingSubscription>(s => s.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BillingPlan>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.StripeSubscriptionId).HasMaxLength(64);
        builder.Property(s => s.Standing).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Revenue).HasPrecision(14, 2);
    }
}
