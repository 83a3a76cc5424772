using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace RJCloud.Benchmarks;

/// <summary>
/// EXPLAIN (ANALYZE, BUFFERS) of the statements the slowest path runs, as PostgreSQL ran them for the service (auto_explain
/// for the service's role, for one request), so the plans are those of the real parameters and the real role under row-level security.
/// </summary>
internal static partial class SlowQueryPlans
{
    public static async Task<string> CaptureAsync(string superuser, string log, ScalePath path, int first, CancellationToken ct)
    {
        await ExecuteAsync(superuser, """
            ALTER ROLE rjcloud_app SET session_preload_libraries = 'auto_explain';
            ALTER ROLE rjcloud_app SET auto_explain.log_min_duration = 0;
            ALTER ROLE rjcloud_app SET auto_explain.log_analyze = on;
            ALTER ROLE rjcloud_app SET auto_explain.log_buffers = on;
            ALTER ROLE rjcloud_app SET auto_explain.log_timing = on;
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'rjcloud_app';
            """, ct);
        string text;
        try
        {
            // The pool's connections were closed under it: the first requests may fail while it notices.
            for (var i = 0; i < 6; i++) await Retry(() => path.GraphQL(first, ct));
            var start = new FileInfo(log).Length;
            ScaleMeasurements.Check(await path.GraphQL(first, ct), path.Name);
            await Task.Delay(500, ct);
            await using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(start, SeekOrigin.Begin);
            text = await new StreamReader(stream).ReadToEndAsync(ct);
        }
        finally
        {
            await ExecuteAsync(superuser, """
                ALTER ROLE rjcloud_app RESET ALL;
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'rjcloud_app';
                """, CancellationToken.None);
            for (var i = 0; i < 6; i++) await Retry(() => path.GraphQL(first, CancellationToken.None));
        }
        var plans = Entry().Split(text).Skip(1)
            .Select(e => (Ms: double.Parse(Duration().Match(e).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Plan: e.Trim()))
            .Where(p => !p.Plan.Contains("set_config", StringComparison.Ordinal))
            .OrderByDescending(p => p.Ms).ToList();
        var report = new StringBuilder()
            .AppendLine($"## EXPLAIN (ANALYZE, BUFFERS) of the slowest path: {path.Name}")
            .AppendLine()
            .AppendLine($"The path with the highest GraphQL p95. One request with auto_explain on for the service's role: {plans.Count} statements, {plans.Sum(p => p.Ms):F1} ms in PostgreSQL in all; the three slowest:")
            .AppendLine();
        foreach (var (ms, plan) in plans.Take(3)) report.AppendLine($"{ms:F1} ms:\n\n```\n{plan}\n```\n");
        return report.ToString();
    }

    private static async Task Retry(Func<Task<Reply>> send)
    {
        try
        {
            await send();
        }
        catch (HttpRequestException)
        {
        }
        catch (NpgsqlException)
        {
        }
    }

    private static async Task ExecuteAsync(string superuser, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    [GeneratedRegex(@"(?m)^[^\n]*LOG:\s+(?=duration: [\d.]+ ms\s+plan:)")]
    private static partial Regex Entry();

    [GeneratedRegex(@"duration: ([\d.]+) ms")]
    private static partial Regex Duration();
}
