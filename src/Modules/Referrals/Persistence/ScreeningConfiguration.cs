using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Notifications;
using RJCloud.Tenancy.Outbox;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Modules.Referrals.Screening;
using RJCloud.Shared.Persistence;

namespace RJCloud.Modules.Referrals.Persistence;

[ForContext(typeof(ReferralsDbContext))]
internal sealed class ScreeningDecisionConfiguration : IEntityTypeConfiguration<ScreeningDecision>
{
    public void Configure(EntityTypeBuilder<ScreeningDecision> builder)
    {
        builder.ToTable("screening_decisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.Reason).HasMaxLength(2000);
        builder.Property(d => d.DecidedBy).HasMaxLength(100);
        builder.HasOne<Referral>().WithMany().HasForeignKey(d => d.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.TenantId, d.ReferralId, d.DecidedAt });
    }
}

[ForContext(typeof(ReferralsDbContext))]
internal sealed class PolicyVersionConfiguration : IEntityTypeConfiguration<PolicyVersion>
{
    public void Configure(EntityTypeBuilder<PolicyVersion> builder)
    {
        builder.ToTable("policies");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Document).HasColumnType("jsonb");
        builder.Property(p => p.PublishedBy).HasMaxLength(100);
        builder.HasIndex(p => new { p.TenantId, p.Version }).IsUnique();
        builder.HasIndex(p => new { p.TenantId, p.EffectiveFrom }).IsUnique();
    }
}

[ForContext(typeof(ReferralsDbContext))]
internal sealed class SubmissionKeyConfiguration : IEntityTypeConfiguration<SubmissionKey>
{
    public void Configure(EntityTypeBuilder<SubmissionKey> builder)
    {
        builder.ToTable("submission_keys");
        builder.HasKey(k => new { k.TenantId, k.Submitter, k.Key });
        builder.Property(k => k.Submitter).HasMaxLength(100);
        builder.Property(k => k.Key).HasMaxLength(100);
        builder.Property(k => k.RequestHash).HasMaxLength(64);
        builder.Property(k => k.Operation).HasMaxLength(64);
    }
}

[ForContext(typeof(ReferralsDbContext))]
internal sealed class ReferenceCounterConfiguration : IEntityTypeConfiguration<ReferenceCounter>
{
    public void Configure(EntityTypeBuilder<ReferenceCounter> builder)
    {
        builder.ToTable("reference_counters");
        builder.HasKey(c => new { c.TenantId, c.Year });
    }
}

[ForContext(typeof(ReferralsDbContext))]
internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder) => OutboxModel.Configure(builder);
}
