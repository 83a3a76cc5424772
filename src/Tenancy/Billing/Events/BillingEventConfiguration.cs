using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Persistence;

namespace RJCloud.Tenancy.Billing.Events;

[ForContext(typeof(TenancyDbContext))]
internal sealed class BillingEventConfiguration : IEntityTypeConfiguration<BillingEvent>
{
    public const string Table = "billing_events";

    public void Configure(EntityTypeBuilder<BillingEvent> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(255);
        builder.Property(e => e.Type).HasMaxLength(100);
        builder.Property(e => e.Payload).HasColumnType("text");
        builder.Property(e => e.Outcome).HasMaxLength(16);
        builder.Property(e => e.LastError).HasMaxLength(200);
        builder.HasIndex(e => new { e.NextAttemptAt, e.OccurredAt }).HasFilter("processed_at IS NULL").HasDatabaseName("ix_billing_events_pending");
    }
}
