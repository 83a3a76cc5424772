using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Persistence;

namespace RJCloud.Modules.Referrals;

public sealed class ReferralsModule : IModule
{
    public string Name => "Referrals";

    public string Schema => ReferralsDbContext.SchemaName;

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<ReferralsDbContext>(Name, Schema);
}
