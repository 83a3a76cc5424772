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
        // Pooled: a context and the services EF Core gives it are made once and reset after each request, not made for
        // every request (measured: about a tenth of the service's CPU on the referral inbox under load). The options are
        // built once too; they hold nothing scoped. A context may therefore depend only on singletons (the tenant is read
        // from the ambient ITenantContext for each query), and nothing may change a pooled context's connection:
        // code that must share another context's connection and transaction makes a context of its own (CreateTenant).
        services.AddDbContextPool<TContext>((provider, options) =>
        {
            options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>(),
                npgsql => npgsql.MigrationsHistoryTable(HistoryTable, schema));
            options.AddInterceptors(ReadBatch.Interceptor);
            options.AddInterceptors(provider.GetServices<IInterceptor>());
            options.AddInterceptors(ConnectionPerLease.Instance);
            // A failed command or connection is logged once, by whoever handles its exception (the GraphQL endpoint,
            // the 503 answer to a database outage, a background pass), not again by EF Core: during an outage that
            // was an error line with SQL for every attempt.
            options.ConfigureWarnings(warnings => warnings.Ignore(CoreEventId.NoEntityTypeConfigurationsWarning,
                RelationalEventId.CommandError, RelationalEventId.ConnectionError, RelationalEventId.TransactionError,
                CoreEventId.QueryIterationFailed, CoreEventId.SaveChangesFailed));
        });
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
