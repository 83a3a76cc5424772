using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Modules.Volunteers.Expenses;
using RJCloud.Modules.Volunteers.Pool;
using RJCloud.Modules.Volunteers.Vetting;
using RJCloud.Modules.Volunteers.WorkRecords;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Outbox;

namespace RJCloud.Modules.Volunteers.Persistence;

[ForContext(typeof(VolunteersDbContext))]
internal sealed class WorkLogConfiguration : IEntityTypeConfiguration<WorkLog>
{
    public void Configure(EntityTypeBuilder<WorkLog> builder)
    {
        builder.ToTable("work_logs", t => t.HasCheckConstraint("ck_work_logs_hours", "hours > 0 AND hours <= 24"));
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Activity).HasConversion<string>().HasMaxLength(32);
        builder.Property(w => w.Hours).HasPrecision(5, 2);
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(w => w.PractitionerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => new { w.TenantId, w.PractitionerId, w.WorkedOn });
    }
}

[ForContext(typeof(VolunteersDbContext))]
internal sealed class SupervisionConfiguration : IEntityTypeConfiguration<SupervisionSession>
{
    public void Configure(EntityTypeBuilder<SupervisionSession> builder)
    {
        builder.ToTable("supervision_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.Format).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Supervisor).HasMaxLength(200);
        builder.Property(s => s.Notes).HasMaxLength(4000);
        builder.HasIndex(s => new { s.TenantId, s.HeldOn });
        builder.HasIndex(s => s.PractitionerIds).HasMethod("gin");
    }
}

[ForContext(typeof(VolunteersDbContext))]
internal sealed class ExpenseClaimConfiguration : IEntityTypeConfiguration<ExpenseClaim>
{
    public void Configure(EntityTypeBuilder<ExpenseClaim> builder)
    {
        builder.ToTable("expense_claims", t => t.HasCheckConstraint("ck_expense_claims_total", "total_pence > 0"));
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.IdempotencyKey).HasMaxLength(100);
        builder.Property(c => c.RejectionReason).HasMaxLength(1000);
        builder.Property(c => c.BudgetLineId).HasMaxLength(100);
        builder.Property(c => c.PaymentReference).HasMaxLength(100);
        builder.OwnsMany(c => c.Lines, l =>
        {
            l.ToJson("lines");
            l.Property(x => x.Kind).HasConversion<string>();
        });
        builder.OwnsMany(c => c.Receipts, r => r.ToJson("receipts"));
        // PostgreSQL's xmin: two coordinators deciding the same claim at once cannot both win.
        builder.Property<uint>("xmin").IsRowVersion();
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(c => c.PractitionerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.TenantId, c.Status, c.SubmittedAt });
        builder.HasIndex(c => new { c.TenantId, c.PractitionerId, c.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
    }
}

[ForContext(typeof(VolunteersDbContext))]
internal sealed class OfficePolicyConfiguration : IEntityTypeConfiguration<OfficePolicy>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<OfficePolicy> builder)
    {
        builder.ToTable("policies");
        builder.HasKey(p => p.TenantId);
        builder.Property(p => p.TenantId).ValueGeneratedNever();
        builder.Property(p => p.Policy).HasColumnType("jsonb").HasConversion(
            policy => JsonSerializer.Serialize(policy, Json),
            json => JsonSerializer.Deserialize<CompliancePolicy>(json, Json) ?? CompliancePolicy.Defaults);
    }
}

[ForContext(typeof(VolunteersDbContext))]
internal sealed class VettingReminderConfiguration : IEntityTypeConfiguration<VettingReminder>
{
    public void Configure(EntityTypeBuilder<VettingReminder> builder)
    {
        builder.ToTable("vetting_reminders");
        builder.HasKey(r => r.Id);
        builder.HasOne<VettingCheck>().WithMany().HasForeignKey(r => r.CheckId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.TenantId, r.CheckId, r.ThresholdDays }).IsUnique();
    }
}

[ForContext(typeof(VolunteersDbContext))]
internal sealed class VolunteersOutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder) => OutboxModel.Configure(builder);
}
