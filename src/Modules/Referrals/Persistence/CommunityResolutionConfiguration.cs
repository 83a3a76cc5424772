using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Modules.Referrals.CommunityResolutions;
using RJCloud.Shared.Persistence;

namespace RJCloud.Modules.Referrals.Persistence;

[ForContext(typeof(ReferralsDbContext))]
internal sealed class CommunityResolutionConfiguration : IEntityTypeConfiguration<CommunityResolution>
{
    public void Configure(EntityTypeBuilder<CommunityResolution> builder)
    {
        builder.ToTable("community_resolutions");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.StormReference).HasMaxLength(40);
        builder.Property(c => c.AthenaReference).HasMaxLength(40);
        builder.Property(c => c.Offence).HasMaxLength(200);
        builder.Property(c => c.SubmittedBy).HasMaxLength(100);
        builder.OwnsOne(c => c.Victim, p => p.ToJson("victim"));
        builder.OwnsOne(c => c.Offender, p => p.ToJson("offender"));
        builder.OwnsOne(c => c.AppropriateAdult, p => p.ToJson("appropriate_adult"));
        builder.OwnsOne(c => c.Officers, p => p.ToJson("officers"));
        builder.HasIndex(c => new { c.TenantId, c.AthenaReference });
        builder.HasIndex(c => new { c.TenantId, c.RecordedAt });
    }
}
