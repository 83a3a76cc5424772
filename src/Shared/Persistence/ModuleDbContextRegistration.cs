using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace RJCloud.Shared.Persistence;

public static class ModuleDbContextRegistration
{
    /// <summary>Each module keeps its own migrations history inside its own schema.</summary>
    public const string HistoryTable = "__ef_migrations_history";

    /// <summary>
    /// Registers a module's DbContext on the service role's shared data source, with every
    /// interceptor the platform registers (command counting, tenant scoping).
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string module, string schema)
        where TContext : ModuleDbContext
    {
        // The options are built once (singleton), not for every request's context: they hold nothing scoped, and building
        // them per scope was measured at several per cent of the service's CPU under load.
        services.AddDbContext<TContext>((provider, options) =>
        {
            options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>(),
                npgsql => npgsql.MigrationsHistoryTable(HistoryTable, schema));
            options.AddInterceptors(provider.GetServices<IInterceptor>());
            // A failed command or connection is logged once, by whoever handles its exception (the GraphQL endpoint,
            // the 503 answer to a database outage, a background pass), not again by EF Core: during an outage that
            // was an error line with SQL for every attempt.
            options.ConfigureWarnings(warnings => warnings.Ignore(CoreEventId.NoEntityTypeConfigurationsWarning,
                RelationalEventId.CommandError, RelationalEventId.ConnectionError, RelationalEventId.TransactionError,
                CoreEventId.QueryIterationFailed, CoreEventId.SaveChangesFailed));
        }, contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
        services.AddSingleton<IModuleDatabase>(provider =>
            new ModuleDatabase<TContext>(module, schema, provider.GetRequiredService<IServiceScopeFactory>()));
        return services;
    }

    /// <summary>Design-time options for `dotnet ef migrations add`: no server is contacted.</summary>
    public static DbContextOptions<TContext> DesignTimeOptions<TContext>(string schema) where TContext : DbContext =>
        new DbContextOptionsBuilder<TContext>()
            .UseNpgsql("Host=localhost;Database=design_time", npgsql => npgsql.MigrationsHistoryTable(HistoryTable, schema))
            .Options;
}
