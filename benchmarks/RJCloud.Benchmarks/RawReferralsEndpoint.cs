using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace RJCloud.Benchmarks;

/// <summary>
/// GET /bench/referrals.json?tenant=…: the coordinators' page of 100 referrals with their participants
/// by hand, with the same bytes as GraphQL's answer: the tenant set for row-level security, two
/// SELECTs in one batch, a Utf8JsonWriter. It does not audit the read, which GraphQL does (two inserts).
/// </summary>
internal sealed class RawReferralsEndpoint(NpgsqlDataSource dataSource) : IStartupFilter
{
    public const string Path = "/bench/referrals.json";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Map(Path, branch => branch.Run(HandleAsync));
    };

    private async Task HandleAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var tenant = Guid.Parse(http.Request.Query["tenant"].ToString());
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT set_config('app.tenant_id', $1, true)") { Parameters = { new NpgsqlParameter { Value = tenant.ToString() } } },
                new NpgsqlBatchCommand("SELECT id, reference, status FROM referrals.referrals ORDER BY id DESC LIMIT 100"),
                new NpgsqlBatchCommand("""
                    SELECT p.referral_id, p.name, p.role FROM referrals.participants p
                    WHERE p.referral_id IN (SELECT id FROM referrals.referrals ORDER BY id DESC LIMIT 100) ORDER BY p.referral_id, p.position
                    """),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        var referrals = new List<(Guid Id, string Reference, string Status)>();
        while (await reader.ReadAsync(ct)) referrals.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
        await reader.NextResultAsync(ct);
        var participants = new Dictionary<Guid, List<(string Name, string Role)>>();
        while (await reader.ReadAsync(ct))
        {
            if (!participants.TryGetValue(reader.GetGuid(0), out var list)) participants[reader.GetGuid(0)] = list = [];
            list.Add((reader.GetString(1), reader.GetString(2)));
        }
        await reader.DisposeAsync();
        await transaction.CommitAsync(ct);

        http.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(http.Response.Body);
        json.WriteStartObject();
        json.WriteStartObject("data");
        json.WriteStartObject("referrals");
        json.WriteStartArray("edges");
        foreach (var (id, reference, status) in referrals)
        {
            json.WriteStartObject();
            json.WriteStartObject("node");
            json.WriteString("reference", reference);
            json.WriteString("status", ScreamingSnake(status));
            json.WriteStartArray("participants");
            foreach (var (name, role) in participants.GetValueOrDefault(id, []))
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteString("role", ScreamingSnake(role));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    // Enum names as GraphQL spells them: HarmedPerson → HARMED_PERSON.
    private static string ScreamingSnake(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
}
