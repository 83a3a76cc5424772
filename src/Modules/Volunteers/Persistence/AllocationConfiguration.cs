using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Modules.Volunteers.Allocation;
using RJCloud.Modules.Volunteers.Pool;
using RJCloud.Shared.Persistence;

namespace RJCloud.Modules.Volunteers.Persistence;

[ForContext(typeof(VolunteersDbContext))]
internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.ToTable("assignments");
        builder.HasKey(a => a.Id);
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(a => a.PractitionerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.TenantId, a.PractitionerId, a.CaseId }).IsUnique().HasFilter("until IS NULL");
    }
}

[ForContext(typeof(VolunteersDbContext))]
internal sealed class ConflictDeclarationConfiguration : IEntityTypeConfiguration<ConflictDeclaration>
{
    public void Configure(EntityTypeBuilder<ConflictDeclaration> builder)
    {
        builder.ToTable("conflict_declarations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.PersonName).HasMaxLength(200);
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(c => c.PractitionerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.TenantId, c.PractitionerId });
    }
}
