namespace RJCloud.Api.Database;

/// <summary>Starts the private cluster before anything needs it and stops it after everything else.</summary>
internal sealed class EmbeddedPostgresService(EmbeddedPostgres server, ILogger<EmbeddedPostgresService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Starting the embedded PostgreSQL server");
        await server.StartAsync(cancellationToken);
        await DatabaseRoles.EnsureAsync(server.SuperuserConnectionString("postgres"), DatabaseRoles.Database, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Stopping the embedded PostgreSQL server");
        await server.StopAsync();
    }
}
