using Microsoft.Extensions.Options;
using Npgsql;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Persistence;

namespace RJCloud.Api.Database;

/// <summary>
/// Applies every module's migrations as the owner role before the service takes requests, under an
/// advisory lock so that replicas starting together migrate once; then seeds demo data in Development.
/// </summary>
internal sealed class DatabaseMigrationService(
    IOptions<DatabaseConnections> connections,
    IEnumerable<IModuleDatabase> databases,
    IServiceScopeFactory scopes,
    IHostEnvironment environment,
    IConfiguration configuration,
    ILogger<DatabaseMigrationService> logger) : IHostedService
{
    private const long MigrationLockKey = 0x524A436C6F7564; // "RJCloud"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var lockConnection = new NpgsqlConnection(connections.Value.Migration))
        {
            await lockConnection.OpenAsync(cancellationToken);
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", lockConnection))
                await take.ExecuteNonQueryAsync(cancellationToken);
            foreach (var database in databases)
            {
                await database.MigrateAsync(connections.Value.Migration, cancellationToken);
                logger.LogInformation("Migrated schema {Schema} of module {Module}", database.Schema, database.Module);
            }
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockKey})", lockConnection);
            await release.ExecuteNonQueryAsync(cancellationToken);
        }

        if (configuration.GetValue<bool>("SeedDemoData")) await SeedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
            throw new InvalidOperationException("Demo data is seeded only in the Development environment; unset SeedDemoData.");
        using var scope = scopes.CreateScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>().OrderBy(s => s.Order))
            await seeder.SeedAsync(cancellationToken);
        logger.LogInformation("Demo data seeded");
    }
}
