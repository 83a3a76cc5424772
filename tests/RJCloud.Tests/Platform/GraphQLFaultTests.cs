using System.Net;
using Microsoft.AspNetCore.Hosting;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Platform;

public sealed class SlowProbeApp : ProbeApp
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("GraphQL:ExecutionTimeoutSeconds", "1");
        builder.UseSetting("Database:StatementTimeoutSeconds", "1");
    }
}

/// <summary>Faults and timeouts reach the client as clear errors with a reference, never as internals.</summary>
public sealed class GraphQLFaultTests(SlowProbeApp app) : IClassFixture<SlowProbeApp>
{
    [Fact]
    public async Task Given_an_unexpected_exception_Then_the_client_sees_a_reference_and_no_internals()
    {
        var response = await app.GraphQL.PostAsync("{ probeFault }");

        response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("INTERNAL_ERROR", response.FirstErrorCode);
        Assert.Contains(response.CorrelationId!, response.FirstErrorMessage);
        Assert.Equal(response.CorrelationId, response.Errors[0].GetProperty("extensions").GetProperty("correlationId").GetString());
        foreach (var secret in new[] { "victims", "SELECT", "InvalidOperationException", "   at " })
            Assert.DoesNotContain(secret, response.Body);
    }

    [Fact]
    public async Task Given_execution_longer_than_the_timeout_Then_408_with_a_timeout_error()
    {
        var response = await app.GraphQL.PostAsync("{ probeSlow(milliseconds: 5000) }");

        response.AssertStatus(HttpStatusCode.RequestTimeout);
        Assert.Equal("TIMEOUT", response.FirstErrorCode);
    }

    [Fact]
    public async Task Given_a_statement_longer_than_the_postgres_statement_timeout_Then_it_is_cancelled_with_a_clear_error()
    {
        var response = await app.GraphQL.PostAsync("{ probeSqlSleep(seconds: 3) }");

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.Status);
        Assert.NotEmpty(response.Errors);
        Assert.DoesNotContain("pg_sleep", response.Body);
        Assert.DoesNotContain("57014", response.Body);
    }

    [Fact]
    public async Task Given_a_mutation_with_invalid_input_Then_user_errors_name_the_field()
    {
        var response = await app.GraphQL.PostAsync("""mutation { probeRename(input: {displayName: "E"}) { displayName userErrors { code field message } } }""");

        var payload = response.Data.GetProperty("probeRename");
        var error = payload.GetProperty("userErrors")[0];
        Assert.Equal("NAME_TOO_SHORT", error.GetProperty("code").GetString());
        Assert.Equal(["input", "displayName"], error.GetProperty("field").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, payload.GetProperty("displayName").ValueKind);
    }
}
