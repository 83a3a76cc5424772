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
    private static string Toggle(string action) => $$"""
        DO $$ DECLARE t regclass; BEGIN
          FOR t IN SELECT c.oid::regclass FROM pg_class c WHERE c.relkind = 'r' AND EXISTS (SELECT FROM pg_policy p WHERE p.polrelid = c.oid) LOOP
            EXECUTE format('ALTER TABLE %s {{action}} ROW LEVEL SECURITY', t);
          END LOOP;
        END $$;
        """;

    public static Task EnsureOnAsync(string superuser, CancellationToken ct) => ExecuteAsync(superuser, Toggle("ENABLE"), ct);

    public static async Task<string> CompareAsync(string superuser, IReadOnlyList<ScalePath> paths, ScaleOptions options, CpuMeter cpu, CancellationToken ct)
    {
        var variants = paths.Select(p => (p, "GraphQL", (Func<CancellationToken, Task<Reply>>)(c => p.GraphQL(25, c))))
            .Append((paths[0], "hand-written", c => paths[0].Raw!(25, c))).ToList();
        var on = await ScaleMeasurements.MeasureAsync(variants, options, cpu, ct);
        Dictionary<(ScalePath, string), ScaleMeasurements.Measured> off;
        try
        {
            await ExecuteAsync(superuser, Toggle("DISABLE"), ct);
            off = await ScaleMeasurements.MeasureAsync(variants, options, cpu, ct);
        }
        finally
        {
            await ExecuteAsync(superuser, Toggle("ENABLE"), CancellationToken.None);
        }
        var table = new StringBuilder()
            .AppendLine("## Row-level security on against off (target: at most 10% at p95)")
            .AppendLine()
            .AppendLine("Off: `ALTER TABLE … DISABLE ROW LEVEL SECURITY` on every table with a policy, as superuser, then ENABLE again (FORCE stays set). Measured on, then off, each in 5 rounds.")
            .AppendLine()
            .AppendLine("| Path | on p50 / p95 ms | off p50 / p95 ms | cost at p50 | cost at p95 | other processes' CPU (on, off) |")
            .AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (path, variant, _) in variants)
        {
            var (a, b) = (on[(path, variant)], off[(path, variant)]);
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
