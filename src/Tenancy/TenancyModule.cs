using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.DemoData;
using RJCloud.Tenancy.Features.FindTenant;
using RJCloud.Tenancy.Persistence;

namespace RJCloud.Tenancy;

public sealed class TenancyModule : IModule
{
    public string Name => "Tenancy";

    public string Schema => TenancyDbContext.SchemaName;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<TenancyDbContext>(Name, Schema);
        services.AddSchemaContributor<FindTenantQuery>();
        services.AddScoped<IDemoDataSeeder, DemoTenants>();
    }
}
