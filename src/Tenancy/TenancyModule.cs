using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RJCloud.Tenancy.Audit;
using RJCloud.Tenancy.Audit.SensitiveReads;
using RJCloud.Tenancy.Billing;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.DemoData;
using RJCloud.Tenancy.Isolation;
using RJCloud.Tenancy.Resolution;
using RJCloud.Tenancy.Features.FindTenant;
using RJCloud.Tenancy.Features.ReadAuditLog;
using RJCloud.Tenancy.Identity.Persistence;
using RJCloud.Tenancy.Persistence;
using RJCloud.Tenancy.Portability;

namespace RJCloud.Tenancy;

public sealed class TenancyModule : IModule
{
    public string Name => "Tenancy";

    public string Schema => TenancyDbContext.SchemaName;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<TenancyDbContext>(Name, Schema);
        services.AddModuleDbContext<IdentityDbContext>("Identity", IdentityDbContext.SchemaName);
        services.AddSingleton<ITenantContext, AsyncLocalTenantContext>();
        services.AddSingleton<IInterceptor, TenantCommandInterceptor>();
        services.AddScoped<ITenantDirectory, TenantDirectory>();
        services.AddSingleton<AuditWriter>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<SensitiveReadLog>();
        services.AddOptions<TenancyOptions>().BindConfiguration(TenancyOptions.Section);
        services.AddSchemaContributor<FindTenantQuery>();
        services.AddSingleton<ReadAuditLogQuery>();
        services.AddSingleton<ISchemaContributor>(provider => provider.GetRequiredService<ReadAuditLogQuery>());
        services.AddSingleton<RJCloud.Shared.GraphQL.Relay.INodeResolver>(provider => provider.GetRequiredService<ReadAuditLogQuery>());
        services.AddScoped<IDemoDataSeeder, DemoTenants>();
        services.AddBilling();
        services.AddTenantPortability();
    }
}
