using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Isolation;

/// <summary>
/// On a managed server a DBA makes the service's login. Given one that row-level security does not bind, the service
/// would run with one of its two tenant isolation defences gone; it refuses to start instead, and says what to change.
/// </summary>
public sealed class ServiceLoginCheckTests
{
    [Theory]
    [InlineData("BYPASSRLS", "has BYPASSRLS")]
    [InlineData("SUPERUSER", "is a superuser")]
    public async Task Given_a_service_login_that_bypasses_row_level_security_Then_the_service_refuses_to_start(string attribute, string reason)
    {
        var connections = await TestDatabaseServer.CreateDatabaseAsync();
        var login = await TestDatabaseServer.ServiceGroupLoginAsync(attribute);

        var error = Assert.Throws<InvalidOperationException>(() => Start(connections.Migration, new NpgsqlConnectionStringBuilder(connections.Service) { Username = login }.ConnectionString));

        Assert.Contains($"login {login} {reason}", error.Message);
        Assert.Contains("Database__ServiceConnectionString", error.Message);
    }

    [Fact]
    public async Task Given_the_owners_login_as_the_services_Then_the_service_refuses_to_start()
    {
        var connections = await TestDatabaseServer.CreateDatabaseAsync();

        var error = Assert.Throws<InvalidOperationException>(() => Start(connections.Migration, connections.Migration));

        Assert.Contains("login rjcloud_owner owns tables that have row-level security", error.Message);
    }

    private static void Start(string migration, string service)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Database:MigrationConnectionString", migration);
            builder.UseSetting("Database:ServiceConnectionString", service);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Fatal");
        });
        _ = factory.Server;
    }
}
