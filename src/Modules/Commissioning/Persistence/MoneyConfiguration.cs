using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RJCloud.Modules.Commissioning.Ledger;
using RJCloud.Modules.Commissioning.Money;
using RJCloud.Shared.Persistence;

namespace RJCloud.Modules.Commissioning.Persistence;

[ForContext(typeof(CommissioningDbContext))]
internal sealed class FundingStreamConfiguration : IEntityTypeConfiguration<FundingStream>
{
    public void Configure(EntityTypeBuilder<FundingStream> builder)
    {
        builder.ToTable("funding_streams");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(f => new { f.TenantId, f.Name }).IsUnique();
    }
}

[ForContext(typeof(CommissioningDbContext))]
internal sealed class AllocationConfiguration : IEntityTypeConfiguration<Allocation>
{
    public void Configure(EntityTypeBuilder<Allocation> builder)
    {
        builder.ToTable("allocations", t => t.HasCheckConstraint("ck_allocations_amount", "amount_pence > 0"));
        builder.HasKey(a => a.Id);
        builder.Ignore(a => a.Year);
        builder.Property(a => a.Note).HasMaxLength(500);
        builder.HasOne<FundingStream>().WithMany().HasForeignKey(a => a.FundingStreamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.TenantId, a.FundingStreamId, a.YearStarting }).IsUnique();
    }
}

[ForContext(typeof(CommissioningDbContext))]
internal sealed class BudgetConfiguration : IEntityTypeConfiguration<Budget>
{
    public void Configure(EntityTypeBuilder<Budget> builder)
    {
        builder.ToTable("budgets");
        builder.HasKey(b => b.Id);
        builder.Ignore(b => b.Year);
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.HasIndex(b => new { b.TenantId, b.Name }).IsUnique();
    }
}

[ForContext(typeof(CommissioningDbContext))]
internal sealed class BudgetFundingConfiguration : IEntityTypeConfiguration<BudgetFunding>
{
    public void Configure(EntityTypeBuilder<BudgetFunding> builder)
    {
        builder.ToTable("budget_funding", t => t.HasCheckConstraint("ck_budget_funding_amount", "amount_pence > 0"));
        builder.HasKey(f => f.Id);
        builder.HasOne<Budget>().WithMany().HasForeignKey(f => f.BudgetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Allocation>().WithMany().HasForeignKey(f => f.AllocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.TenantId, f.BudgetId, f.AllocationId }).IsUnique();
    }
}

[ForContext(typeof(CommissioningDbContext))]
internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> builder)
    {
        builder.ToTable("budget_lines", t => t.HasCheckConstraint("ck_budget_lines_amount", "amount_pence >= 0"));
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.Category).HasConversion<string>().HasMaxLength(32);
        builder.HasOne<Budget>().WithMany().HasForeignKey(l => l.BudgetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.TenantId, l.BudgetId, l.Position }).IsUnique();
    }
}

[ForContext(typeof(CommissioningDbContext))]
internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("ledger_entries", t => t.HasCheckConstraint("ck_ledger_entries_sign", "(reverses_id IS NULL AND amount_pence > 0) OR (reverses_id IS NOT NULL AND amount_pence < 0)"));
        builder.HasKey(e => e.Id);
        builder.Ignore(e => e.IsReversal);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Payee).HasMaxLength(200);
        builder.Property(e => e.Reference).HasMaxLength(100);
        builder.Property(e => e.Description).HasMaxLength(1000);
        builder.HasOne<BudgetLine>().WithMany().HasForeignKey(e => e.BudgetLineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LedgerEntry>().WithMany().HasForeignKey(e => e.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LedgerEntry>().WithOne().HasForeignKey<LedgerEntry>(e => e.ReversesId).OnDelete(DeleteBehavior.Restrict);
        // An entry is reversed at most once; an expense claim is charged at most once.
        builder.HasIndex(e => new { e.TenantId, e.ReversesId }).IsUnique().HasFilter("reverses_id IS NOT NULL");
        builder.HasIndex(e => new { e.TenantId, e.Kind, e.Reference }).IsUnique().HasFilter("kind = 'ExpenseCharge' AND reverses_id IS NULL");
        builder.HasOne<Contracts.Contract>().WithMany().HasForeignKey(e => e.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.TenantId, e.BudgetLineId, e.On });
    }
}
