using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RJCloud.Api.Database;
using RJCloud.Tests.Infrastructure;
using RJCloud.Tests.Referrals;
using Serilog.Core;

namespace RJCloud.Tests.Platform;

/// <summary>
/// The intake service on a PostgreSQL cluster of its own, which the tests stop and start again: the
/// shared test cluster must stay up for the classes running beside them. Unlike the shared one it keeps
/// fsync and synchronous commit on, as production does, so "acknowledged" means "on disk".
/// </summary>
public sealed class OutageApp : IntakeApp
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"rjcloud-tests-{System.Environment.ProcessId}-outage-{Guid.NewGuid():N}"[..40]);
    private EmbeddedPostgres? server;

    public CapturedLogs Logs { get; } = new();

    private protected override async Task<DatabaseConnections> CreateDatabaseAsync()
    {
        server = new EmbeddedPostgres(new EmbeddedPostgresOptions { Directory = directory }, Path.GetTempPath());
        await server.StartAsync(CancellationToken.None);
        await DatabaseRoles.EnsureAsync(server.SuperuserConnectionString("postgres"), DatabaseRoles.Database, CancellationToken.None);
        return new DatabaseConnections
        {
            Migration = server.ConnectionString(DatabaseRoles.Owner, DatabaseRoles.Database),
            Service = server.ConnectionString(DatabaseRoles.ServiceLogin, DatabaseRoles.Database),
        };
    }

    protected override async Task DropDatabaseAsync()
    {
        await server!.StopIfRunningAsync();
        Directory.Delete(directory, recursive: true);
    }

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting("Outbox:PollSeconds", "1");
        builder.UseSetting("Database:ConnectTimeoutSeconds", "2");
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<ILogEventSink>(Logs);
    }

    /// <summary>pg_ctl stop in this mode: "fast" ends every session (57P01) and rolls back open transactions; "immediate" kills the server, to recover from its log on start.</summary>
    public async Task StopDatabaseAsync(string mode)
    {
        var data = Path.Combine(directory, "data");
        await new PostgresRunner(PostgresBinaries.Find()).RunAsync("pg_ctl", ["-D", data, "-m", mode, "-w", "-t", "60", "stop"], CancellationToken.None);
    }

    public Task StartDatabaseAsync() => server!.StartAsync(CancellationToken.None);

    /// <summary>Raw SQL as the superuser: sees every office's rows, past row-level security.</summary>
    public async Task<List<object?[]>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server!.SuperuserConnectionString(DatabaseRoles.Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public async Task<long> CountAsync(string sql) => (long)(await QueryAsync(sql))[0][0]!;
}
