using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace RJCloud.Shared.Persistence;

internal sealed class ModuleDatabase<TContext>(string module, string schema, IServiceScopeFactory scopes) : IModuleDatabase
    where TContext : ModuleDbContext
{
    public string Module => module;

    public string Schema => schema;

    public async Task<int> MigrateAsync(string ownerConnectionString, CancellationToken cancellationToken)
    {
        var options = new DbContextOptionsBuilder<TContext>()
            .UseNpgsql(ownerConnectionString, npgsql => npgsql.MigrationsHistoryTable(ModuleDbContextRegistration.HistoryTable, schema))
            .Options;
        using var scope = scopes.CreateScope();
        await using var context = ActivatorUtilities.CreateInstance<TContext>(scope.ServiceProvider, options);
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        await context.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        return [.. await context.Database.GetPendingMigrationsAsync(cancellationToken)];
    }
}
