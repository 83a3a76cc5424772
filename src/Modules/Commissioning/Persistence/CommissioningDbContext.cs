using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Commissioning.Contracts;
using RJCloud.Modules.Commissioning.Decisions;
using RJCloud.Modules.Commissioning.Ledger;
using RJCloud.Modules.Commissioning.Money;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Commissioning.Persistence;

/// <summary>The office's money (funding, allocations, budgets, the ledger) and the decisions that spend it.</summary>
internal sealed class CommissioningDbContext(DbContextOptions<CommissioningDbContext> options, ITenantContext tenants) : TenantDbContext(options, tenants)
{
    public const string SchemaName = "commissioning";

    public override string Schema => SchemaName;

    public DbSet<FundingStream> FundingStreams => Set<FundingStream>();

    public DbSet<Allocation> Allocations => Set<Allocation>();

    public DbSet<Budget> Budgets => Set<Budget>();

    public DbSet<BudgetFunding> BudgetFunding => Set<BudgetFunding>();

    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();

    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();

    public DbSet<DecisionReport> Decisions => Set<DecisionReport>();

    public DbSet<Provider> Providers => Set<Provider>();

    public DbSet<Contract> Contracts => Set<Contract>();

    public DbSet<Kpi> Kpis => Set<Kpi>();
}
