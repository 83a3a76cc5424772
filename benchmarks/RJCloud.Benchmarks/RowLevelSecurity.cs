using System.Globalization;
using System.Text;
using Npgsql;
using RJCloud.Api.Database;

namespace RJCloud.Benchmarks;

/// <summary>
/// Row-level security on against off, same database, same requests, side by side. Off is a replica of the service in this
/// process whose login has BYPASSRLS, so PostgreSQL plans its queries without the policies; the service's EF Core query
/// filter still narrows every query to the tenant, so the answers are the same (checked before measuring). A second replica
/// with the policies measures the method's own spread.
/// </summary>
/// <remarks>
/// The earlier method switched the policies off for the whole database (ALTER TABLE … DISABLE ROW LEVEL SECURITY) between
/// turns of 120 requests. Every switch invalidated every connection's cached catalog entries and prepared plans, so each turn
/// began with replanning and a cleared pool. Three runs of the same code read -22% to +115% at p95 on the same path. With
/// replicas nothing changes in the database while measuring, so the sides can take turns request by request.
/// </remarks>
internal static class RowLevelSecurity
{
    private const string On = "on";
    private const string Again = "on again";
    private const string Off = "off";
    private const string BypassLogin = "rjcloud_bench_bypass";

    // Four times the latency table's requests for every path but the heavy ones: with 150 a side, the p95 is the eighth
    // slowest request, and one run read +73% at p95 on the hand-written inbox, whose SQL is the same either way.
    private const int LightSamples = 4;

    /// <param name="pathsThrough">The scale run's paths through a given replica's client, each walking its cases from the first.</param>
    public static async Task<string> CompareAsync(string superuser, DatabaseConnections connections, Func<HttpClient, IReadOnlyList<ScalePath>> pathsThrough,
        ScaleOptions options, CpuMeter cpu, CancellationToken ct)
    {
        await EnsureEnforcedAsync(superuser, ct);
        await ExecuteAsync(superuser, $"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{BypassLogin}') THEN
                CREATE ROLE {BypassLogin} LOGIN NOSUPERUSER BYPASSRLS IN ROLE {DatabaseRoles.ServiceGroup};
              END IF;
            END $$;
            """, ct);
        // Three new replicas alike but for the login, so none has a longer history (a fuller pool, workers) than another. The
        // second one with the policies measures the method's own spread: it differs from the first in nothing at all.
        var bypass = new NpgsqlConnectionStringBuilder(connections.Service) { Username = BypassLogin }.ConnectionString;
        await using var first = new BenchmarkApp(connections, requestsOnly: true);
        await using var second = new BenchmarkApp(connections, requestsOnly: true);
        await using var withoutPolicies = new BenchmarkApp(new DatabaseConnections { Migration = connections.Migration, Service = bypass }, requestsOnly: true);
        using var firstHttp = first.Server.CreateClient();
        using var secondHttp = second.Server.CreateClient();
        using var offHttp = withoutPolicies.Server.CreateClient();
        IReadOnlyList<ScalePath>[] sides = [pathsThrough(firstHttp), pathsThrough(secondHttp), pathsThrough(offHttp)];
        string[] names = [On, Again, Off];

        // Rows of three: each path through each replica, and the hand-written inbox through each (its SQL is planned with or without the policies too).
        var rows = sides[0].Select((path, i) => (Path: path, Name: $"{path.Name.Split(' ')[0]} GraphQL", Sends: sides.Select(side => (Func<CancellationToken, Task<Reply>>)(c => side[i].GraphQL(25, c))).ToArray()))
            .Append((Path: sides[0][0], Name: $"{sides[0][0].Name.Split(' ')[0]} hand-written", Sends: sides.Select(side => (Func<CancellationToken, Task<Reply>>)(c => side[0].Raw!(25, c))).ToArray()))
            .ToList();
        foreach (var (path, name, sends) in rows)
        {
            await path.Token.KeepFreshAsync(ct);
            var answers = new List<byte[]>();
            foreach (var send in sends) answers.Add(ScaleMeasurements.Check(await send(ct), $"{name}, row-level security comparison").Body);
            if (answers.Any(a => !a.AsSpan().SequenceEqual(answers[0])))
                throw new InvalidOperationException($"{name}: the replicas' answers differ; without row-level security the query filter alone must give the same rows.");
            foreach (var send in sends)
                for (var i = 0; i < options.WarmUp / (path.Heavy ? 5 : 1) + 1; i++)
                    await send(ct);
        }

        // One request a turn, in an order drawn afresh every round: each side's requests meet the same moments of the machine.
        var shuffle = new Random(11);
        List<(ScalePath Path, string Variant, Func<CancellationToken, Task<Reply>> Send)> Variants(bool heavy) =>
            [.. rows.Where(r => r.Path.Heavy == heavy).SelectMany(r => r.Sends.Select((send, i) => (r.Path, $"{r.Name} {names[i]}", send)))];
        var measured = (await ScaleMeasurements.MeasureAsync(Variants(heavy: false), options, cpu, ct, LightSamples, options.Measured * LightSamples, shuffle))
            .Concat(await ScaleMeasurements.MeasureAsync(Variants(heavy: true), options, cpu, ct, rounds: Math.Max(1, options.Measured / 5), shuffle: shuffle))
            .ToDictionary();

        var table = new StringBuilder()
            .AppendLine("## Row-level security on against off (target: at most 10% at p95)")
            .AppendLine()
            .AppendLine($"Three new replicas of the service in this process, without background workers, alike but for their login: two log in as the service does, one as `{BypassLogin}` " +
                "(a member of the service's group with BYPASSRLS), so PostgreSQL plans its queries without the policies. The tenant filter in the service's queries is the same, and the three first answers of every path were identical. " +
                $"{options.Measured * LightSamples} requests a side for each path ({Math.Max(1, options.Measured / 5)} for the heavy ones) after {options.WarmUp} unmeasured ones, one request a turn, " +
                "in an order drawn afresh every round (seeded). Nothing in the database changes while measuring. " +
                "The last two columns compare the two replicas with the policies: they differ in nothing, so those columns are the method's own spread, the noise against which the cost should be read.")
            .AppendLine()
            .AppendLine("| Path | on p50 / p95 ms | off p50 / p95 ms | cost at p50 | cost at p95 | on again p50 / p95 ms | spread at p50 / p95 | other processes' CPU |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (path, name, _) in rows)
        {
            var (on, again, off) = (measured[(path, $"{name} {On}")], measured[(path, $"{name} {Again}")], measured[(path, $"{name} {Off}")]);
            var other = new[] { on.Cpu?.Other, again.Cpu?.Other, off.Cpu?.Other }.Max();
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {on.Stats.P50Ms:F2} / {on.Stats.P95Ms:F2} | {off.Stats.P50Ms:F2} / {off.Stats.P95Ms:F2} | {Change(on.Stats.P50Ms, off.Stats.P50Ms)} | {Change(on.Stats.P95Ms, off.Stats.P95Ms)} | " +
                $"{again.Stats.P50Ms:F2} / {again.Stats.P95Ms:F2} | {Change(on.Stats.P50Ms, again.Stats.P50Ms)} / {Change(on.Stats.P95Ms, again.Stats.P95Ms)} | {(other is { } o ? $"{o * 100:F0}%" : "n/a")} |");
        }
        return table.AppendLine().ToString();
    }

    private static string Change(double measured, double against) => string.Create(CultureInfo.InvariantCulture, $"{Math.Round((measured / against - 1) * 100):+0;-0;0}%");

    /// <summary>The "on" side must really be on: every table with a policy enables and forces row-level security.</summary>
    private static async Task EnsureEnforcedAsync(string superuser, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT string_agg(c.oid::regclass::text, ', ') FROM pg_class c
            WHERE c.relkind = 'r' AND EXISTS (SELECT FROM pg_policy p WHERE p.polrelid = c.oid) AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
            """, connection);
        if (await command.ExecuteScalarAsync(ct) is string tables)
            throw new InvalidOperationException($"Row-level security is not enabled and forced on {tables}; a run of the earlier method may have been killed. Enable it before measuring.");
    }

    private static async Task ExecuteAsync(string superuser, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
