using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Modules.Volunteers.Pool;
using RJCloud.Modules.Volunteers.Vetting;
using RJCloud.Shared.Persistence;

namespace RJCloud.Modules.Volunteers.Persistence;

[ForContext(typeof(VolunteersDbContext))]
internal sealed class PractitionerConfiguration : IEntityTypeConfiguration<Practitioner>
{
    public void Configure(EntityTypeBuilder<Practitioner> builder)
    {
        builder.ToTable("practitioners");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Stage).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.Phone).HasMaxLength(40);
        builder.Property(p => p.Level).HasMaxLength(50);
        builder.OwnsOne(p => p.Availability, a => a.ToJson("availability"));
        builder.HasIndex(p => new { p.TenantId, p.Status });
        builder.HasIndex(p => new { p.TenantId, p.UserId }).IsUnique().HasFilter("user_id IS NOT NULL");
    }
}

[ForContext(typeof(VolunteersDbContext))]
internal sealed class VettingCheckConfiguration : IEntityTypeConfiguration<VettingCheck>
{
    public void Configure(EntityTypeBuilder<VettingCheck> builder)
    {
        builder.ToTable("vetting_checks");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Reference).HasMaxLength(100);
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(c => c.PractitionerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.TenantId, c.PractitionerId, c.Kind, c.IssuedOn });
        builder.HasIndex(c => new { c.TenantId, c.ExpiresOn });
    }
}
