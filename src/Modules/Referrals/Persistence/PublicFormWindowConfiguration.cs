using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Modules.Referrals.Features.SelfReferral;
using RJCloud.Shared.Persistence;

namespace RJCloud.Modules.Referrals.Persistence;

[ForContext(typeof(ReferralsDbContext))]
internal sealed class PublicFormWindowConfiguration : IEntityTypeConfiguration<PublicFormWindow>
{
    public void Configure(EntityTypeBuilder<PublicFormWindow> builder)
    {
        builder.ToTable("public_form_windows");
        builder.HasKey(w => new { w.TenantId, w.WindowKey, w.WindowStart });
        builder.Property(w => w.WindowKey).HasMaxLength(64);
    }
}
