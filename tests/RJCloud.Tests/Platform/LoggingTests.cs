using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RJCloud.Shared.Logging;
using RJCloud.Tests.Infrastructure;
using Serilog.Core;

namespace RJCloud.Tests.Platform;

public sealed class LoggedProbeApp : ProbeApp
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureSettings(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
        builder.UseSetting("Serilog:MinimumLevel:Default", "Information");

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<ILogEventSink>(Logs);
    }
}

/// <summary>Logs are structured, carry a correlation id, and never contain personal data.</summary>
public sealed class LoggingTests(LoggedProbeApp app) : IClassFixture<LoggedProbeApp>
{
    [Fact]
    public async Task Given_a_fresh_database_Then_start_up_reads_nothing_before_its_tables_exist()
    {
        (await app.GraphQL.PostAsync("{ tenant(identifier: \"essex\") { displayName } }")).AssertStatus(System.Net.HttpStatusCode.OK);

        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains("does not exist") || line.Contains("42P01"));
    }

    [Fact]
    public async Task Given_a_request_with_personal_data_in_its_variables_and_query_string_Then_no_log_line_contains_it()
    {
        await app.GraphQL.PostAsync("query($name: String!) { tenant(identifier: $name) { displayName } }", new { name = "jane-doe-1984" });
        var get = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ tenant(identifier: \"john-smith-1975\") { displayName } }"));
        get.Headers.Add("GraphQL-Require-Preflight", "1");
        await app.GraphQL.SendAsync(get);

        Assert.True(await app.Logs.ArrivesAsync(line => line.Contains("\"RequestPath\":\"/graphql\"") && line.Contains("\"RequestMethod\":\"GET\"")));
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains("jane-doe") || line.Contains("john-smith"));
    }

    [Fact]
    public async Task Given_an_unexpected_error_Then_the_log_line_carries_the_correlation_id_the_client_was_given()
    {
        var response = await app.GraphQL.PostAsync("{ probeFault }");

        Assert.True(await app.Logs.ArrivesAsync(line => line.Contains("\"@l\":\"Error\"") && line.Contains(response.CorrelationId!)));
    }

    [Fact]
    public void Given_an_object_with_personal_data_logged_with_destructuring_Then_its_personal_fields_are_redacted()
    {
        var logger = app.Services.GetRequiredService<ILogger<LoggingTests>>();

        logger.LogInformation("Participant {@Participant} and contact {@Contact}",
            new ParticipantView(Guid.NewGuid(), "Jane Doe", "07700 900123", "harmed person"),
            new SensitiveContact("Flat 2, 10 High Street, Chelmsford"));

        var line = Assert.Single(app.Logs.Lines, l => l.Contains("harmed person"));
        Assert.DoesNotContain("Jane Doe", line);
        Assert.DoesNotContain("07700", line);
        Assert.Contains("[redacted]", line);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("High Street"));
    }

    private sealed record ParticipantView(Guid Id, [property: PersonalData] string Name, [property: PersonalData] string Telephone, string Role);

    [PersonalData]
    private sealed record SensitiveContact(string Address);
}
