using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Api.Database;

namespace RJCloud.Benchmarks;

/// <summary>
/// The real service, configured as the tests configure it (see RJCloudApp), on the benchmark's own
/// database, plus the raw baseline endpoint.
/// </summary>
internal sealed class BenchmarkApp(DatabaseConnections connections) : WebApplicationFactory<Program>
{
    public DatabaseConnections Connections => connections;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        builder.UseSetting("Database:MigrationConnectionString", connections.Migration);
        builder.UseSetting("Database:ServiceConnectionString", connections.Service);
        builder.UseSetting("GraphQL:ExposeSqlCommandCount", "true");
        // Warning and above only: the request log line is Information, and writing it to the console per request
        // would measure the terminal, not the service.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");
        builder.ConfigureTestServices(services =>
        {
            // Resolved from the app's container: the app's own NpgsqlDataSource, so the same service role and pool.
            services.AddSingleton<RawTenantQuery>();
            services.AddSingleton<IStartupFilter, RawTenantEndpoint>();
            services.AddSingleton<IStartupFilter, RawReferralsEndpoint>();
            services.AddSingleton<IStartupFilter, RawScaleEndpoints>();
        });
    }
}
