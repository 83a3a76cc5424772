using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Modules.Referrals.Cases;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Shared.Persistence;

namespace RJCloud.Modules.Referrals.Persistence;

[ForContext(typeof(ReferralsDbContext))]
internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Reference).HasMaxLength(32);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.ClosureReason).HasMaxLength(200);
        builder.Property(c => c.Method).HasConversion<string>().HasMaxLength(32);
        builder.OwnsOne(c => c.Conference, c => { c.ToJson("conference"); c.OwnsMany(x => x.Attendees); });
        // PostgreSQL's xmin: two people moving the same case at once cannot both win.
        builder.Property<uint>("xmin").IsRowVersion();
        builder.HasOne<Referral>().WithMany().HasForeignKey(c => c.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.TenantId, c.ReferralId }).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.State });
    }
}

[ForContext(typeof(ReferralsDbContext))]
internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("case_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.Property(e => e.FromState).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.ToState).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Detail).HasMaxLength(2000);
        builder.Property(e => e.By).HasMaxLength(64);
        builder.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.TenantId, e.CaseId, e.At });
    }
}

[ForContext(typeof(ReferralsDbContext))]
internal sealed class CaseAllocationConfiguration : IEntityTypeConfiguration<CaseAllocation>
{
    public void Configure(EntityTypeBuilder<CaseAllocation> builder)
    {
        builder.ToTable("case_allocations");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.PractitionerName).HasMaxLength(200);
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.TenantId, a.PractitionerId }).HasFilter("until IS NULL");
        builder.HasIndex(a => new { a.TenantId, a.CaseId });
    }
}

[ForContext(typeof(ReferralsDbContext))]
internal sealed class InformationRequestConfiguration : IEntityTypeConfiguration<InformationRequest>
{
    public void Configure(EntityTypeBuilder<InformationRequest> builder)
    {
        builder.ToTable("information_requests");
        builder.HasKey(r => r.Id);
        builder.Ignore(r => r.IsOpen);
        builder.Property(r => r.Agency).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.What).HasMaxLength(1000);
        builder.Property(r => r.Summary).HasMaxLength(4000);
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.TenantId, r.CaseId });
    }
}

[ForContext(typeof(ReferralsDbContext))]
internal sealed class WithdrawalConfiguration : IEntityTypeConfiguration<Withdrawal>
{
    public void Configure(EntityTypeBuilder<Withdrawal> builder)
    {
        builder.ToTable("case_withdrawals");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Reason).HasMaxLength(2000);
        builder.HasOne<Case>().WithMany().HasForeignKey(w => w.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Participant>().WithMany().HasForeignKey(w => w.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => new { w.TenantId, w.CaseId, w.ParticipantId }).IsUnique();
    }
}

[ForContext(typeof(ReferralsDbContext))]
internal sealed class CaseSettingsConfiguration : IEntityTypeConfiguration<CaseSettings>
{
    public void Configure(EntityTypeBuilder<CaseSettings> builder)
    {
        builder.ToTable("case_settings");
        builder.HasKey(s => s.TenantId);
        builder.Property(s => s.TenantId).ValueGeneratedNever();
    }
}

[ForContext(typeof(ReferralsDbContext))]
internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("case_contacts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Notes).HasMaxLength(8000);
        builder.Property(c => c.ConsentScope).HasMaxLength(500);
        builder.Property(c => c.RecordedBy).HasMaxLength(64);
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Participant>().WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.TenantId, c.CaseId, c.On });
    }
}

[ForContext(typeof(ReferralsDbContext))]
internal sealed class CaseMessageConfiguration : IEntityTypeConfiguration<CaseMessage>
{
    public void Configure(EntityTypeBuilder<CaseMessage> builder)
    {
        builder.ToTable("case_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.Content).HasMaxLength(8000);
        builder.HasOne<Case>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.TenantId, m.CaseId });
    }
}

[ForContext(typeof(ReferralsDbContext))]
internal sealed class AgreementActionConfiguration : IEntityTypeConfiguration<AgreementAction>
{
    public void Configure(EntityTypeBuilder<AgreementAction> builder)
    {
        builder.ToTable("case_agreement_actions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Description).HasMaxLength(1000);
        builder.Property(a => a.Owner).HasMaxLength(200);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.TenantId, a.CaseId });
        builder.HasIndex(a => new { a.TenantId, a.Status, a.DueOn });
    }
}

[ForContext(typeof(ReferralsDbContext))]
internal sealed class OnwardReferralConfiguration : IEntityTypeConfiguration<OnwardReferral>
{
    public void Configure(EntityTypeBuilder<OnwardReferral> builder)
    {
        builder.ToTable("case_onward_referrals");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Agency).HasConversion<string>().HasMaxLength(32);
        builder.Property(o => o.Detail).HasMaxLength(2000);
        builder.HasOne<Case>().WithMany().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.TenantId, o.CaseId });
    }
}
