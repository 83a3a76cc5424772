using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RJCloud.Shared.Modules;

public static class ModuleServiceCollectionExtensions
{
    public static IServiceCollection AddModule<TModule>(this IServiceCollection services, IConfiguration configuration)
        where TModule : class, IModule, new()
    {
        var module = new TModule();
        services.AddSingleton<IModule>(module);
        module.AddServices(services, configuration);
        return services;
    }

    public static IServiceCollection AddSchemaContributor<TContributor>(this IServiceCollection services)
        where TContributor : class, ISchemaContributor
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISchemaContributor, TContributor>());
        return services;
    }
}
