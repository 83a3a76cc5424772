using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Commissioning.Persistence;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Persistence;

namespace RJCloud.Modules.Commissioning;

public sealed class CommissioningModule : IModule
{
    public string Name => "Commissioning";

    public string Schema => CommissioningDbContext.SchemaName;

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<CommissioningDbContext>(Name, Schema);
}
