using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Commissioning.Features.Decisions;
using RJCloud.Modules.Commissioning.Features.Funding;
using RJCloud.Modules.Commissioning.Features.Ledger;
using RJCloud.Modules.Commissioning.Features.Transparency;
using RJCloud.Modules.Commissioning.Persistence;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Persistence;

namespace RJCloud.Modules.Commissioning;

public sealed class CommissioningModule : IModule
{
    public string Name => "Commissioning";

    public string Schema => CommissioningDbContext.SchemaName;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<CommissioningDbContext>(Name, Schema);
        services.AddSchemaContributor<FundingFields>();
        services.AddSchemaContributor<LedgerFields>();
        services.AddSchemaContributor<DecisionFields>();
        services.AddSchemaContributor<TransparencyFields>();
        services.AddSingleton<INodeResolver, FundingNodes>();
        services.AddSingleton<INodeResolver, AllocationNodes>();
        services.AddSingleton<INodeResolver, BudgetNodes>();
        services.AddSingleton<INodeResolver, BudgetLineNodes>();
        services.AddSingleton<INodeResolver, LedgerEntryNodes>();
        services.AddSingleton<INodeResolver, DecisionNodes>();
        services.AddSingleton<Features.Contracts.ContractFields>();
        services.AddSingleton<ISchemaContributor>(provider => provider.GetRequiredService<Features.Contracts.ContractFields>());
        services.AddSingleton<INodeResolver>(provider => provider.GetRequiredService<Features.Contracts.ContractFields>());
        services.AddSchemaContributor<Features.Reports.SpendReportFields>();
        services.AddSchemaContributor<ExpenseLineFields>();
        services.AddScoped<RJCloud.Shared.Contracts.IBudgetCharges, Ledger.BudgetCharges>();
        services.AddScoped<RJCloud.Shared.Contracts.IGrantSpending, Ledger.GrantSpendingReader>();
        services.AddScoped<IDemoDataSeeder, DemoData.DemoFunding>();
    }
}
