using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RJCloud.Api.Database;

namespace RJCloud.Benchmarks;

/// <summary>
/// The real service, configured as the tests configure it (see RJCloudApp), on the benchmark's own
/// database, plus the raw baseline endpoint.
/// </summary>
/// <param name="requestsOnly">
/// A further replica that only answers requests: none of RJCloud's hosted services start (no migration, which the first
/// replica made; no outbox, reminder or billing worker; no check of its login, which lets the row-level security comparison
/// log in with BYPASSRLS), so replicas alike but for their login differ in nothing else.
/// </param>
internal sealed class BenchmarkApp(DatabaseConnections connections, bool requestsOnly = false) : WebApplicationFactory<Program>
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
            if (!requestsOnly) return;
            foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService) && IsRJCloud(d)).ToList())
                services.Remove(hosted);
        });
    }

    // Workers are registered by type or by a factory that resolves them; either is declared in one of RJCloud's assemblies.
    private static bool IsRJCloud(ServiceDescriptor descriptor) =>
        (descriptor.ImplementationType ?? descriptor.ImplementationFactory?.Method.DeclaringType)?.Assembly.GetName().Name?.StartsWith("RJCloud.", StringComparison.Ordinal) == true;
}
