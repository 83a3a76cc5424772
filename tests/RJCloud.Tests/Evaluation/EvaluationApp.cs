using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Tenancy.Outbox;
using RJCloud.Tests.Billing;
using RJCloud.Tests.Identity;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Evaluation;

/// <summary>The seeded demo offices with a clock tests move forward, so that referrals, contacts, closures and follow-ups fall on different days.</summary>
public sealed class EvaluationApp : IdentityApp
{
    public SettableClock Clock { get; } = new();

    protected override string Environment => "Development";

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("SeedDemoData", "true");
        // Only DeliverAsync delivers once the tests run: a background pass holding the rows (SKIP LOCKED) would let it return early.
        builder.UseSetting("Outbox:PollSeconds", "3600");
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    public string Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");

    /// <summary>A demo person of the office, signed in afresh (the clock may have moved since the last sign-in).</summary>
    public async Task<GraphQLClient> PersonAsync(string office, string role) =>
        GraphQLWith((await new Browser(this).AuthorizationCodeFlowAsync(office, $"{role}@{office}.rjcloud.test", "Demo-password-2026!")).AccessToken!);

    public async Task<GraphQLClient> PoliceAsync(string office) =>
        GraphQLWith((await ClientCredentialsAsync(office, $"{office}-police-demo", $"{office}-police-demo-secret")).AccessToken!);

    /// <summary>Delivers what case work wrote to its outbox (progress and closures reach evaluation).</summary>
    public async Task DeliverAsync()
    {
        var worker = Services.GetRequiredService<OutboxWorker<ReferralsDbContext>>();
        while (await worker.DeliverDueAsync(default) > 0) { }
    }

    /// <summary>Posts at the office's own address with no sign-in, as a participant's browser does.</summary>
    public async Task<GraphQLResponse> AnonymousAsync(string office, string query, object variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/t/{office}/graphql") { Content = JsonContent.Create(new { query, variables }) };
        return await new GraphQLClient(CreateClient()).SendAsync(request);
    }

    public static JsonElement Data(GraphQLResponse response)
    {
        Assert.True(response.AssertStatus(HttpStatusCode.OK).Errors.Count == 0, response.Body);
        return response.Data;
    }

    /// <summary>Runs a mutation and returns its payload (with userErrors' codes and fields).</summary>
    public static async Task<JsonElement> MutateAsync(GraphQLClient client, string field, string inputType, object input, string selection = "")
    {
        var response = await client.PostAsync($"mutation($input: {inputType}!) {{ {field}(input: $input) {{ {selection} userErrors {{ code message field }} }} }}", new { input });
        return Data(response).GetProperty(field);
    }

    public static async Task OkAsync(GraphQLClient client, string field, string inputType, object input, string selection = "")
    {
        var payload = await MutateAsync(client, field, inputType, input, selection);
        Assert.True(payload.GetProperty("userErrors").GetArrayLength() == 0, $"{field}: {payload}");
    }

    public static string[] Codes(JsonElement payload) => [.. payload.GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!)];
}
