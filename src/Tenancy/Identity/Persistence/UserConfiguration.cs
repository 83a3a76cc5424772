using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Identity.People;

namespace RJCloud.Tenancy.Identity.Persistence;

[ForContext(typeof(IdentityDbContext))]
internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Email).HasMaxLength(User.MaxEmailLength);
        builder.Property(u => u.NormalizedEmail).HasMaxLength(User.MaxEmailLength);
        builder.Property(u => u.DisplayName).HasMaxLength(User.MaxDisplayNameLength);
        builder.Property(u => u.PasswordHash).HasMaxLength(512);
        builder.Property(u => u.SecurityStamp).HasMaxLength(64).IsConcurrencyToken();
        // Unique per office, not globally: the same address may work for two offices.
        builder.HasIndex(u => new { u.TenantId, u.NormalizedEmail }).IsUnique();
        builder.HasOne<Partners.PartnerOrganisation>().WithMany().HasForeignKey(u => u.PartnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(u => u.IsActive);
        builder.Ignore(u => u.HasAcceptedInvitation);
    }
}
