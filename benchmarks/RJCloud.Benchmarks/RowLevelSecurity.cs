using System.Globalization;
using System.Text;
using Npgsql;

namespace RJCloud.Benchmarks;

/// <summary>
/// Row-level security on against off, same database, same requests: off is DISABLE ROW LEVEL SECURITY on every table that
/// has a policy (the service's EF Core query filter still narrows every query to the tenant, so the answers are the same).
/// Restored in a finally, and checked at the start of every scale run in case a killed run left it off.
/// </summary>
internal static class RowLevelSecurity
{
    private const string On = "(RLS on)";
    private const string Off = "(RLS off)";
    private const int WarmUpAfterToggle = 30;

    // Four times the latency table's requests for every path but the heavy ones: with 150 a side, the p95 is the eighth
    // slowest request, and one run read +73% at p95 on the hand-written inbox, whose SQL is the same either way.
    private const int LightSamples = 4;

    private static string Toggle(string action) => $$"""
        DO $$ DECLARE t regclass; BEGIN
          FOR t IN SELECT c.oid::regclass FROM pg_class c WHERE c.relkind = 'r' AND EXISTS (SELECT FROM pg_policy p WHERE p.polrelid = c.oid) LOOP
            EXECUTE format('ALTER TABLE %s {{action}} ROW LEVEL SECURITY', t);
          END LOOP;
        END $$;
        """;

    public static Task EnsureOnAsync(string superuser, CancellationToken ct) => ExecuteAsync(superuser, Toggle("ENABLE"), ct);

    /// <param name="clearPool">Closes the service's idle pooled connections (its NpgsqlDataSource.Clear).</param>
    public static async Task<string> CompareAsync(string superuser, IReadOnlyList<ScalePath> paths, ScaleOptions options, CpuMeter cpu, Action clearPool, CancellationToken ct)
    {
        List<(ScalePath Path, string Variant, Func<CancellationToken, Task<Reply>> Send)> variants =
            [.. paths.Select(p => (p, "GraphQL", (Func<CancellationToken, Task<Reply>>)(c => p.GraphQL(25, c)))), (paths[0], "hand-written", c => paths[0].Raw!(25, c))];
        // On and off take turns within every round, so drift on this shared machine (a checkpoint, another process) falls
        // on both: measured one after the other, the later half once read +25% at p95 on a path whose p50 did not move.
        List<(ScalePath Path, string Variant, Func<CancellationToken, Task<Reply>> Send)> interleaved =
            [.. new[] { On, Off }.SelectMany(setting => variants.Select(v => (v.Path, $"{v.Variant} {setting}", v.Send)))];
        var current = On;
        Dictionary<(ScalePath, string), ScaleMeasurements.Measured> measured;
        try
        {
            measured = await ScaleMeasurements.MeasureAsync(interleaved, options, cpu, ct, async (variant, c) =>
            {
                var wanted = variant.EndsWith(Off, StringComparison.Ordinal) ? Off : On;
                if (wanted == current) return;
                await ExecuteAsync(superuser, Toggle(wanted == Off ? "DISABLE" : "ENABLE"), c);
                current = wanted;
                // ALTER TABLE invalidates every connection's cached catalog entries for the tables and its prepared statements'
                // plans: the first query on each table then reloads them (measured: a first plan of the spend report's join took
                // 10 ms, then 0.15 ms), and a prepared statement is planned afresh for its first five runs on each connection
                // before PostgreSQL settles on a generic plan. Npgsql's pool hands its idle connections out in turn, so a few
                // requests left most of them cold, and the planning with the policies costs more: every GraphQL path read
                // +13% to +20% at p50 "on" in one run. No office ever toggles row-level security, so the idle connections
                // are closed and every path runs unmeasured on the few new ones until their plans are settled.
                clearPool();
                foreach (var (path, _, send) in variants)
                    for (var i = 0; i < (path.Heavy ? 1 : WarmUpAfterToggle); i++) await send(c);
            }, LightSamples);
        }
        finally
        {
            await ExecuteAsync(superuser, Toggle("ENABLE"), CancellationToken.None);
        }
        var table = new StringBuilder()
            .AppendLine("## Row-level security on against off (target: at most 10% at p95)")
            .AppendLine()
            .AppendLine("Off: `ALTER TABLE … DISABLE ROW LEVEL SECURITY` on every table with a policy, as superuser, then ENABLE again (FORCE stays set). " +
                $"{options.Measured * LightSamples} requests a side for each path ({options.Measured / 5} for the heavy ones), in 5 rounds; in each, every request with row-level security on, then every request with it off, each after the service's idle pooled connections were closed and {WarmUpAfterToggle} unmeasured requests " +
                "of every path (one of the heavy ones) were made, once the setting changed: the change invalidates every connection's cached catalog entries and prepared plans for the tables.")
            .AppendLine()
            .AppendLine("| Path | on p50 / p95 ms | off p50 / p95 ms | cost at p50 | cost at p95 | other processes' CPU (on, off) |")
            .AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (path, variant, _) in variants)
        {
            var (a, b) = (measured[(path, $"{variant} {On}")], measured[(path, $"{variant} {Off}")]);
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {path.Name.Split(' ')[0]} {variant} | {a.Stats.P50Ms:F2} / {a.Stats.P95Ms:F2} | {b.Stats.P50Ms:F2} / {b.Stats.P95Ms:F2} | " +
                $"{(a.Stats.P50Ms / b.Stats.P50Ms - 1) * 100:+0;-0}% | {(a.Stats.P95Ms / b.Stats.P95Ms - 1) * 100:+0;-0}% | {a.Cpu?.Other * 100:F0}%, {b.Cpu?.Other * 100:F0}% |");
        }
        return table.AppendLine().ToString();
    }

    private static async Task ExecuteAsync(string superuser, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
