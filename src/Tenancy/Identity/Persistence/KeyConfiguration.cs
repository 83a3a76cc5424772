using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Identity.Keys;

namespace RJCloud.Tenancy.Identity.Persistence;

[ForContext(typeof(IdentityDbContext))]
internal sealed class ServerKeyConfiguration : IEntityTypeConfiguration<ServerKey>
{
    public void Configure(EntityTypeBuilder<ServerKey> builder)
    {
        builder.ToTable("server_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Use).HasMaxLength(16);
    }
}

[ForContext(typeof(IdentityDbContext))]
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.ToTable("data_protection_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}
