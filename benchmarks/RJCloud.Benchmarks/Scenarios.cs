using System.Net.Http.Headers;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Api.GraphQL;
using RJCloud.Tenancy.Persistence;

namespace RJCloud.Benchmarks;

/// <summary>The one query, asked five ways.</summary>
internal static class Scenarios
{
    public const string Query = "query($id: String!) { tenant(identifier: $id) { identifier displayName officeType } }";
    public const string HttpTransport = "HTTP (TestServer)";
    public const string InProcess = "in-process";

    public static IReadOnlyList<Scenario> Create(HttpClient http, IServiceProvider services) =>
    [
        new("a. GraphQL: POST /graphql", HttpTransport, (id, ct) => PostGraphQLAsync(http, id, ct)),
        new($"b. Raw Npgsql: GET {RawTenantEndpoint.Path}", HttpTransport, (id, ct) => GetRawAsync(http, id, ct)),
        new("c. GraphQL: executer + serializer", InProcess, ExecuteGraphQL(services)),
        new("d. Raw Npgsql + Utf8JsonWriter", InProcess, RawQuery(services)),
        new("e. EF Core query + Utf8JsonWriter", InProcess, EfCoreQuery(services)),
    ];

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private static async Task<Reply> PostGraphQLAsync(HttpClient http, string identifier, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new { query = Query, variables = new { id = identifier } }))
            {
                Headers = { ContentType = Json },
            },
        };
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var sqlCommands = response.Headers.TryGetValues("X-Sql-Commands", out var values) ? values.First() : "(header missing)";
        return new Reply((int)response.StatusCode, body, sqlCommands);
    }

    private static async Task<Reply> GetRawAsync(HttpClient http, string identifier, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"{RawTenantEndpoint.Path}?identifier={Uri.EscapeDataString(identifier)}", cancellationToken);
        return new Reply((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    // What GraphQLHttpEndpoint does once the request is read: a scope per request, execute, serialise.
    // The HTTP-specific parts (body reading, parsing, media type negotiation) are left out on purpose.
    private static Func<string, CancellationToken, Task<Reply>> ExecuteGraphQL(IServiceProvider services)
    {
        var executer = services.GetRequiredService<IDocumentExecuter<RJCloudSchema>>();
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        return async (identifier, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = Query,
                Variables = new Inputs(new Dictionary<string, object?> { ["id"] = identifier }),
                RequestServices = scope.ServiceProvider,
                CancellationToken = cancellationToken,
                // As the endpoint sets it: a timeout costs a linked cancellation source per request.
                Timeout = TimeSpan.FromSeconds(20),
                TimeoutAction = TimeoutAction.ReturnTimeoutError,
            });
            using var buffer = new MemoryStream();
            await serializer.WriteAsync(buffer, result, cancellationToken);
            return new Reply(result.Executed ? 200 : 400, buffer.ToArray());
        };
    }

    private static Func<string, CancellationToken, Task<Reply>> RawQuery(IServiceProvider services)
    {
        var query = services.GetRequiredService<RawTenantQuery>();
        return async (identifier, cancellationToken) =>
        {
            using var buffer = new MemoryStream();
            await query.WriteAsync(identifier, buffer, cancellationToken);
            return new Reply(200, buffer.ToArray());
        };
    }

    // The resolver's own query without GraphQL around it: splits c minus d into EF Core's share and GraphQL.NET's.
    private static Func<string, CancellationToken, Task<Reply>> EfCoreQuery(IServiceProvider services) =>
        async (identifier, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();
            var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Identifier == identifier, cancellationToken);
            using var buffer = new MemoryStream();
            await using (var json = RawTenantQuery.StartResponse(buffer))
            {
                if (tenant is null) json.WriteNullValue();
                else RawTenantQuery.WriteTenant(json, tenant.Identifier, tenant.DisplayName, tenant.OfficeType.ToString());
                await RawTenantQuery.EndResponseAsync(json, cancellationToken);
            }
            return new Reply(200, buffer.ToArray());
        };
}
