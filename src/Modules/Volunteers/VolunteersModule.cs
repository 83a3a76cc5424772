using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Persistence;

namespace RJCloud.Modules.Volunteers;

public sealed class VolunteersModule : IModule
{
    public string Name => "Volunteers";

    public string Schema => VolunteersDbContext.SchemaName;

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<VolunteersDbContext>(Name, Schema);
}
