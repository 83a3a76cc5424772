using RJCloud.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RJCloud.Tenancy.Audit;

[ForContext(typeof(Persistence.TenancyDbContext))]
internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public const string Table = "audit_log";

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(e => new { e.TenantId, e.Id });
        builder.Property(e => e.Actor).HasMaxLength(128);
        builder.Property(e => e.ActorKind).HasMaxLength(16);
        builder.Property(e => e.Operation).HasMaxLength(128);
        builder.Property(e => e.Outcome).HasMaxLength(16);
        builder.Property(e => e.Purpose).HasMaxLength(500);
        builder.Property(e => e.CorrelationId).HasMaxLength(64);
        builder.HasIndex(e => new { e.TenantId, e.OccurredAt });
    }
}
