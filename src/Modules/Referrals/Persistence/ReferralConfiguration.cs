using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Shared.Persistence;

namespace RJCloud.Modules.Referrals.Persistence;

[ForContext(typeof(ReferralsDbContext))]
internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.ToTable("referrals");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Reference).HasMaxLength(20);
        builder.Property(r => r.Route).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Type).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.SubmittedBy).HasMaxLength(100);
        // PostgreSQL's xmin: two coordinators screening at once cannot both win.
        builder.Property<uint>("xmin").IsRowVersion();
        builder.OwnsOne(r => r.Details, d => d.ToJson("details"));
        builder.OwnsOne(r => r.Referrer, d => d.ToJson("referrer"));
        builder.OwnsOne(r => r.AppropriateAdult, d => d.ToJson("appropriate_adult"));
        builder.OwnsOne(r => r.PreCheck, d =>
        {
            d.ToJson("pre_check");
            d.OwnsMany(p => p.Rules);
        });
        builder.HasMany(r => r.Participants).WithOne().HasForeignKey(p => p.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(r => r.Participants).HasField("participants").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(r => new { r.TenantId, r.Reference }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.ReceivedAt, r.Id });
        builder.HasIndex(r => new { r.TenantId, r.Status, r.VictimsCodeDueBy });
        // A partner's referrals are paged newest first by id (ids are UUIDv7, so in time order): the index serves the keyset directly.
        builder.HasIndex(r => new { r.TenantId, r.PartnerOrganisationId, r.Id });
    }
}

[ForContext(typeof(ReferralsDbContext))]
internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.ToTable("participants");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Sex).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Address).HasMaxLength(500);
        builder.Property(p => p.Phone).HasMaxLength(40);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.HasIndex(p => new { p.TenantId, p.ReferralId, p.Position }).IsUnique();
    }
}
