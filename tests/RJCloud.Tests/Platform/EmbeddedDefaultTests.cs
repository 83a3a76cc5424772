using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Platform;

/// <summary>
/// With no connection string the service creates, starts and stops its own PostgreSQL cluster,
/// migrates it and seeds the demo offices: what a newcomer's first run does.
/// </summary>
public sealed class EmbeddedDefaultTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"rjcloud-embedded-{Guid.NewGuid():N}"[..30]);

    [Fact]
    public async Task Given_no_connection_string_Then_the_service_runs_on_its_own_cluster_with_the_demo_offices_and_stops_it()
    {
        await using (var first = Start())
        {
            var response = await new GraphQLClient(first.CreateClient())
                .PostAsync("{ tenant(identifier: \"norfolk\") { displayName officeType } }");

            response.AssertStatus(HttpStatusCode.OK);
            Assert.Equal("Norfolk Police and Crime Commissioner", response.Data.GetProperty("tenant").GetProperty("displayName").GetString());
            Assert.True(File.Exists(Path.Combine(directory, "data", "postmaster.pid")));
        }
        Assert.False(File.Exists(Path.Combine(directory, "data", "postmaster.pid")), "the cluster is still running after the service stopped");

        await using var second = Start();
        var again = await new GraphQLClient(second.CreateClient()).PostAsync("{ tenant(identifier: \"essex\") { officeType } }");
        Assert.Equal("PFCC", again.Data.GetProperty("tenant").GetProperty("officeType").GetString());
    }

    public void Dispose()
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    private WebApplicationFactory<Program> Start()
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("EmbeddedPostgres:Directory", directory);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        });
        _ = factory.Server;
        return factory;
    }
}

/// <summary>Demo credentials and data must never reach a real office's environment.</summary>
public sealed class DemoSeedingTests
{
    [Fact]
    public async Task Given_seeding_requested_outside_development_Then_the_service_refuses_to_start()
    {
        var connections = await TestDatabaseServer.CreateDatabaseAsync();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:MigrationConnectionString", connections.Migration);
            builder.UseSetting("Database:ServiceConnectionString", connections.Service);
            builder.UseSetting("SeedDemoData", "true");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Fatal");
        });

        var error = Assert.Throws<InvalidOperationException>(() => factory.Server);

        Assert.Contains("only in the Development environment", error.Message);
    }

    [Fact]
    public void Given_only_one_of_the_two_connection_strings_Then_start_up_explains_both_are_needed()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Database:ServiceConnectionString", "Host=/nowhere;Username=x");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Fatal");
        });

        var error = Assert.Throws<InvalidOperationException>(() => factory.Server);

        Assert.Contains("Database__MigrationConnectionString", error.Message);
    }

    [Fact]
    public async Task Given_an_out_of_range_limit_Then_start_up_names_the_setting()
    {
        var connections = await TestDatabaseServer.CreateDatabaseAsync();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Database:MigrationConnectionString", connections.Migration);
            builder.UseSetting("Database:ServiceConnectionString", connections.Service);
            builder.UseSetting("GraphQL:MaxDepth", "0");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Fatal");
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        // The refusal names the setting, at the top or in what it wraps.
        Assert.Contains("MaxDepth", Messages(error));
    }

    private static string Messages(Exception error) => error switch
    {
        AggregateException aggregate => string.Join(" | ", aggregate.InnerExceptions.Select(Messages).Prepend(aggregate.Message)),
        { InnerException: { } inner } => error.Message + " | " + Messages(inner),
        _ => error.Message,
    };
}
