using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Modules.Commissioning.Contracts;
using RJCloud.Shared.Persistence;

namespace RJCloud.Modules.Commissioning.Persistence;

[ForContext(typeof(CommissioningDbContext))]
internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> builder)
    {
        builder.ToTable("providers");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasIndex(p => new { p.TenantId, p.Name }).IsUnique();
    }
}

[ForContext(typeof(CommissioningDbContext))]
internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> builder)
    {
        builder.ToTable("contracts", t => t.HasCheckConstraint("ck_contracts_term", "original_ends_on > starts_on AND original_value_pence > 0"));
        builder.HasKey(c => c.Id);
        builder.Ignore(c => c.EndsOn);
        builder.Ignore(c => c.ValuePence);
        builder.Property(c => c.Service).HasMaxLength(300);
        builder.Property(c => c.Schedule).HasConversion<string>().HasMaxLength(16);
        builder.OwnsMany(c => c.Extensions, e => e.ToJson("extensions"));
        builder.HasOne<Provider>().WithMany().HasForeignKey(c => c.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.TenantId, c.OriginalEndsOn });
    }
}

[ForContext(typeof(CommissioningDbContext))]
internal sealed class KpiConfiguration : IEntityTypeConfiguration<Kpi>
{
    public void Configure(EntityTypeBuilder<Kpi> builder)
    {
        builder.ToTable("kpis");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Measure).HasMaxLength(300);
        builder.Property(k => k.TargetPercent).HasPrecision(5, 2);
        builder.OwnsMany(k => k.Actuals, a => a.ToJson("actuals"));
        builder.HasOne<Contract>().WithMany().HasForeignKey(k => k.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(k => new { k.TenantId, k.ContractId, k.Position }).IsUnique();
    }
}
