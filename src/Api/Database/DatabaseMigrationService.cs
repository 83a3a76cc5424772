using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Npgsql;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Persistence;

namespace RJCloud.Api.Database;

/// <summary>
/// Applies every module's migrations as the owner role before the service takes requests, then seeds demo data in
/// Development and makes sure the first data-protection key exists, all under one advisory lock: replicas starting
/// together migrate and seed once, and the one that waited finds everything made.
/// </summary>
internal sealed class DatabaseMigrationService(
    IOptions<DatabaseConnections> connections,
    IEnumerable<IModuleDatabase> databases,
    IServiceScopeFactory scopes,
    IDataProtectionProvider dataProtection,
    IHostEnvironment environment,
    IConfiguration configuration,
    ILogger<DatabaseMigrationService> logger) : IHostedService
{
    private const long MigrationLockKey = 0x524A436C6F7564; // "RJCloud"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var lockConnection = new NpgsqlConnection(connections.Value.Migration);
        await lockConnection.OpenAsync(cancellationToken);
        await TakeLockAsync(lockConnection, cancellationToken);
        try
        {
            var applied = 0;
            foreach (var database in databases)
            {
                var count = await database.MigrateAsync(connections.Value.Migration, cancellationToken);
                applied += count;
                logger.LogInformation("Migrated schema {Schema} of module {Module}: {MigrationsApplied} migrations applied", database.Schema, database.Module, count);
            }
            logger.LogInformation("Database migrated: {MigrationsApplied} migrations applied", applied);
            if (configuration.GetValue<bool>("SeedDemoData")) await SeedAsync(cancellationToken);
            EnsureDataProtectionKey();
        }
        finally
        {
            // Closing the session would release it too; this frees the next replica at once.
            await ExecuteAsync(lockConnection, $"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
        }
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

    /// <summary>
    /// The key ring's first key is active at once. Made by two replicas at the same moment, each would protect cookies
    /// with its own key, which the other may not have read (key rings are cached for up to a day); made under the lock,
    /// the second replica reads the first one's key. Later keys are made days before they activate, so every replica
    /// has read them by then.
    /// </summary>
    private void EnsureDataProtectionKey() => dataProtection.CreateProtector("RJCloud.KeyRing").Protect([0]);

    /// <summary>Waits as long as the replica holding the lock takes (no command timeout), saying so in the log.</summary>
    private async Task TakeLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var attempt = new NpgsqlCommand($"SELECT pg_try_advisory_lock({MigrationLockKey})", connection);
        if ((bool)(await attempt.ExecuteScalarAsync(cancellationToken))!) return;
        logger.LogInformation("Another replica is migrating the database; waiting for it to finish");
        await using var wait = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", connection) { CommandTimeout = 0 };
        await wait.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
