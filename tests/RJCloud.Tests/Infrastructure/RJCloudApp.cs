using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RJCloud.Api.Database;

namespace RJCloud.Tests.Infrastructure;

/// <summary>
/// The real service over its real HTTP pipeline, on a fresh database of the test run's PostgreSQL.
/// Used as a class fixture: each test class gets its own database, migrated at start-up.
/// </summary>
public class RJCloudApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private DatabaseConnections connections = new();

    protected virtual string Environment => "Testing";

    public string DatabaseName => new NpgsqlConnectionStringBuilder(connections.Service).Database!;

    public string ServiceConnectionString => connections.Service;

    public string MigrationConnectionString => connections.Migration;

    public GraphQLClient GraphQL => new(CreateClient());

    public async Task InitializeAsync()
    {
        connections = await CreateDatabaseAsync();
        Start(); // start now: migrations run before the first test
    }

    /// <summary>A fresh database on the test run's cluster; a fixture that needs a cluster of its own creates it there.</summary>
    private protected virtual Task<DatabaseConnections> CreateDatabaseAsync() => TestDatabaseServer.CreateDatabaseAsync();

    protected virtual Task DropDatabaseAsync() => TestDatabaseServer.DropDatabaseAsync(DatabaseName);

    /// <summary>Starts the in-memory test server; a fixture on a real port starts Kestrel instead.</summary>
    protected virtual void Start() => _ = Server;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await DropDatabaseAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Database:MigrationConnectionString", connections.Migration);
        builder.UseSetting("Database:ServiceConnectionString", connections.Service);
        builder.UseSetting("GraphQL:ExposeSqlCommandCount", "true");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        ConfigureSettings(builder);
        builder.ConfigureTestServices(ConfigureServices);
    }

    protected virtual void ConfigureSettings(IWebHostBuilder builder) { }

    protected virtual void ConfigureServices(IServiceCollection services) { }
}
