using System.Text;
using GraphQL;
using GraphQL.Execution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Api.GraphQL;
using RJCloud.Tenancy.Persistence;

namespace RJCloud.Benchmarks;

/// <summary>The one query, asked five ways anonymously and twice with a token; and two reads of the office's own rows.</summary>
internal static class Scenarios
{
    public const string Query = "query($id: String!) { tenant(identifier: $id) { identifier displayName officeType } }";
    public const string OwnRowsQuery = "{ me { email roles } users(first: 10) { edges { node { email displayName roles } } } }";
    public const string HttpTransport = "HTTP (TestServer)";
    public const string InProcess = "in-process";

    public const string ReferralsQuery =
        "query Referrals @purpose(reason: CASE_WORK) { referrals(first: 100) { edges { node { reference status participants { name role } } } } }";

    public static IReadOnlyList<Scenario> Create(HttpClient http, IServiceProvider services, SignedInCallers callers, Guid office)
    {
        var (person, partner, members) = (callers.Person, callers.PartnerSystem, callers.Members);
        return
        [
            new("a. GraphQL: POST /graphql", HttpTransport, (id, ct) => PostGraphQLAsync(http, id, null, ct)),
            new($"b. Raw Npgsql: GET {RawTenantEndpoint.Path}", HttpTransport, (id, ct) => GetRawAsync(http, id, ct)),
            new("c. GraphQL: executer + serializer", InProcess, ExecuteGraphQL(services)),
            new("d. Raw Npgsql + Utf8JsonWriter", InProcess, RawQuery(services)),
            new("e. EF Core query + Utf8JsonWriter", InProcess, EfCoreQuery(services)),
            new("f. GraphQL + person's token: POST /graphql", HttpTransport, (id, ct) => PostGraphQLAsync(http, id, person.Value, ct), person),
            new("g. GraphQL + person's token: me, users(first: 10)", HttpTransport,
                (_, ct) => GraphQLOverHttp.PostAsync(http, OwnRowsQuery, null, person.Value, ct), person,
                Contains([$"\"me\":{{\"email\":\"{members.AdminEmail}\"", .. members.Emails.Select(e => $"\"email\":\"{e}\"")])),
            new("h. GraphQL + partner system's token: POST /graphql", HttpTransport, (id, ct) => PostGraphQLAsync(http, id, partner.Value, ct), partner),
            new("i. GraphQL + partner system's token: submittedReferrals(first: 10)", HttpTransport,
                (_, ct) => GraphQLOverHttp.PostAsync(http, SignedInCallers.PartnerQuery, null, partner.Value, ct), partner,
                Contains("\"status\":\"RECEIVED\"")),
            new("j. GraphQL + coordinator's token: referrals(first: 100) with participants, audited", HttpTransport,
                (_, ct) => GraphQLOverHttp.PostAsync(http, ReferralsQuery, null, person.Value, ct), person,
                Contains("\"role\":\"HARMED_PERSON\"", "Responsible Person 000")),
            new($"k. Raw Npgsql: GET {RawReferralsEndpoint.Path}, same bytes, not audited", HttpTransport,
                async (_, ct) =>
                {
                    using var response = await http.GetAsync($"{RawReferralsEndpoint.Path}?tenant={office}", ct);
                    return new Reply((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(ct));
                }, null, Contains("\"role\":\"HARMED_PERSON\"", "Responsible Person 000")),
        ];
    }

    private static Task<Reply> PostGraphQLAsync(HttpClient http, string identifier, string? accessToken, CancellationToken cancellationToken) =>
        GraphQLOverHttp.PostAsync(http, Query, new { id = identifier }, accessToken, cancellationToken);

    /// <summary>Every fragment present and no errors: a byte search, cheap enough to check every reply.</summary>
    private static Func<byte[], bool> Contains(params string[] fragments)
    {
        var expected = fragments.Select(Encoding.UTF8.GetBytes).ToArray();
        var errors = "\"errors\""u8.ToArray();
        return body => body.AsSpan().IndexOf(errors) < 0 && expected.All(f => body.AsSpan().IndexOf(f) >= 0);
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
