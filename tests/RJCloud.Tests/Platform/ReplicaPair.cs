using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Npgsql;
using RJCloud.Api.Database;
using RJCloud.Tests.Identity;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Platform;

/// <summary>
/// Two service processes, A and B, started at the same moment against one fresh database, as two replicas behind a
/// load balancer would be: Development with the demo offices, outbox passes every second, a public form limit of 3.
/// </summary>
public sealed class ReplicaPair : IAsyncLifetime
{
    public const int PublicFormLimit = 3;
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["SeedDemoData"] = "true",
        ["Outbox__PollSeconds"] = "1",
        ["Referrals__PublicForm__PermitLimit"] = PublicFormLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private readonly List<ServiceProcess> started = [];
    private DatabaseConnections database = new();

    public ServiceProcess A { get; private set; } = null!;

    public ServiceProcess B { get; private set; } = null!;

    public string DatabaseName => new NpgsqlConnectionStringBuilder(database.Service).Database!;

    public async Task InitializeAsync()
    {
        database = await TestDatabaseServer.CreateDatabaseAsync();
        (A, B) = (StartReplica("A"), StartReplica("B"));
        try
        {
            await Task.WhenAll(A.WaitUntilReadyAsync(Deadline), B.WaitUntilReadyAsync(Deadline));
        }
        catch
        {
            await DisposeAsync(); // a fixture that fails to start is not disposed: its processes must not outlive it
            throw;
        }
    }

    /// <summary>One more replica on the same database; killed when the pair is disposed, if not before.</summary>
    public ServiceProcess StartReplica(string name)
    {
        var replica = ServiceProcess.Start(name, database, Settings);
        lock (started) started.Add(replica);
        return replica;
    }

    public async Task DisposeAsync()
    {
        foreach (var replica in started) await replica.DisposeAsync();
        await TestDatabaseServer.DropDatabaseAsync(DatabaseName);
    }

    /// <summary>The README's demo partner client of the office, with client credentials at that replica's token endpoint.</summary>
    public static async Task<TokenResponse> PartnerTokenAsync(ServiceProcess replica, string office) =>
        await TokenResponse.ReadAsync(await replica.Http.PostAsync($"/t/{office}/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = $"{office}-police-demo", ["client_secret"] = $"{office}-police-demo-secret",
        })));

    public static Task<GraphQLResponse> PostAsync(ServiceProcess replica, string? token, string query, object? variables = null, string path = "/graphql")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new GraphQLClient(replica.Http).SendAsync(request);
    }

    public Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters) =>
        TestDatabaseServer.ScalarAsSuperuserAsync(DatabaseName, sql, parameters);

    public async Task<List<T>> ReadAsync<T>(string sql, Func<NpgsqlDataReader, T> row, params (string Name, object Value)[] parameters)
    {
        await using var connection = await TestDatabaseServer.OpenAsSuperuserAsync(DatabaseName);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(row(reader));
        return rows;
    }

    /// <summary>Polls until the condition holds, failing with the message after a generous deadline (never a timing assertion).</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string message)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, message);
            await Task.Delay(200);
        }
    }

    public static bool IsOk(GraphQLResponse response) => response.Status == HttpStatusCode.OK && response.Errors.Count == 0;
}
