using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using RJCloud.Shared.Persistence;

namespace RJCloud.Api.Health;

/// <summary>Ready when the service's own login reaches PostgreSQL and every module's migrations are applied.</summary>
internal sealed class DatabaseReadyCheck(NpgsqlDataSource dataSource, IEnumerable<IModuleDatabase> databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using (var command = dataSource.CreateCommand("SELECT 1"))
                await command.ExecuteScalarAsync(cancellationToken);
            var pending = new List<string>();
            foreach (var database in databases)
                if ((await database.PendingMigrationsAsync(cancellationToken)).Count > 0) pending.Add(database.Module);
            return pending.Count == 0
                ? HealthCheckResult.Healthy("Database reachable; migrations applied.")
                : HealthCheckResult.Unhealthy($"Migrations pending for: {string.Join(", ", pending)}.");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException || DatabaseOutage.IsCause(e))
        {
            return HealthCheckResult.Unhealthy("Database unreachable.");
        }
    }
}
