using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Identity.People;

namespace RJCloud.Tenancy.Identity.Persistence;

[ForContext(typeof(IdentityDbContext))]
internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> builder)
    {
        builder.ToTable("role_assignments");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Role).HasMaxLength(64);
        builder.HasIndex(r => new { r.TenantId, r.UserId, r.Role }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.Role });
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
