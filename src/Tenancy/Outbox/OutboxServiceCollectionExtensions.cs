using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RJCloud.Tenancy.Isolation;

namespace RJCloud.Tenancy.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>Delivers the module's outbox in the background (one worker per module, all sharing the "Outbox" settings and the channel).</summary>
    public static IServiceCollection AddOutbox<TContext>(this IServiceCollection services) where TContext : TenantDbContext, IHasOutbox
    {
        services.TryAddScoped<INotificationChannel, LoggedNotificationChannel>();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxWorker<TContext>>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxWorker<TContext>>());
        return services;
    }
}
