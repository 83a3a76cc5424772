using System.Net;
using System.Text;
using System.Text.Json;
using Npgsql;
using RJCloud.Api.Database;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Platform;

/// <summary>
/// The console is the service's log: a deployment ships what the process writes there. Lines are written off the
/// request's thread, so these check, on the real process, that none is lost when it ends: stopped by an orchestrator
/// right after answering, or refusing to start.
/// </summary>
public sealed class ConsoleLogTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);
    private static readonly Dictionary<string, string> Production = new() { ["ASPNETCORE_ENVIRONMENT"] = "Production" };
    private DatabaseConnections database = new();

    // xunit makes a new instance for every test: each has a database of its own.
    public async Task InitializeAsync() => database = await TestDatabaseServer.CreateDatabaseAsync();

    public Task DisposeAsync() => TestDatabaseServer.DropDatabaseAsync(new NpgsqlConnectionStringBuilder(database.Service).Database!);

    [Fact]
    public async Task Given_a_replica_stopped_right_after_answering_Then_its_console_has_the_requests_line_and_its_shutdown()
    {
        await using var service = ServiceProcess.Start("stopped", database, Production);
        await service.WaitUntilReadyAsync(Deadline);
        using var content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json");
        using var answer = await service.Http.PostAsync("/graphql", content);
        var correlation = answer.Headers.GetValues("X-Correlation-Id").Single();

        await service.StopAsync(Deadline);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(0, service.ExitCode);
        Assert.Contains(service.Logs, line => Text(line, "CorrelationId") == correlation && Text(line, "RequestPath") == "/graphql"
            && line.GetProperty("StatusCode").GetInt32() == 200);
        Assert.Contains(service.Logs, line => Text(line, "@m") == "Application is shutting down...");
    }

    [Fact]
    public async Task Given_a_login_that_bypasses_row_level_security_Then_the_process_ends_and_its_console_says_why()
    {
        var login = await TestDatabaseServer.ServiceGroupLoginAsync("BYPASSRLS");
        var careless = new DatabaseConnections { Migration = database.Migration, Service = new NpgsqlConnectionStringBuilder(database.Service) { Username = login }.ConnectionString };

        await using var service = ServiceProcess.Start("refused", careless, Production);
        await service.WaitForExitAsync(Deadline);

        Assert.NotEqual(0, service.ExitCode);
        Assert.Contains(service.Logs, line => line.TryGetProperty("@x", out var error) && error.GetString()!.Contains($"login {login} has BYPASSRLS", StringComparison.Ordinal));
    }

    private static string? Text(JsonElement line, string property) =>
        line.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
