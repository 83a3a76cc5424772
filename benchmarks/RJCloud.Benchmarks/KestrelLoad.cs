using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RJCloud.Benchmarks;

/// <summary>
/// Requests per second on the referral inbox under load: the service on a real Kestrel port (a second instance of the
/// same app on the same database and keys, so the coordinator's token is good there), wrk on loopback with the token.
/// </summary>
internal static partial class KestrelLoad
{
    private const int Connections = 16;

    public static async Task<string> RunAsync(BenchmarkApp app, LoadTarget target, ScaleOptions options, CpuMeter cpu, Action<string> log, CancellationToken ct)
    {
        if (Which("wrk") is not { } wrk) return "## Load\n\nwrk is not installed (`apt-get install -y wrk`): not measured.\n\n";
        var port = FreePort();
        await using var kestrel = new BenchmarkApp(app.Connections);
        kestrel.UseKestrel(port);
        kestrel.StartServer();
        var url = $"http://127.0.0.1:{port}";
        var token = target.Token;
        await token.KeepFreshAsync(ct);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var body = JsonSerializer.Serialize(new { query = target.Query, variables = target.Variables });
        ScaleMeasurements.Check(await GraphQLOverHttp.PostAsync(http, target.Query, target.Variables, token.Value, ct), $"{target.Name} over Kestrel");
        // The baseline must be the hand-written query's JSON, not whatever else answers that path (the web app's index page did).
        using (var raw = await http.GetAsync(target.RawPath, ct))
            if (!raw.IsSuccessStatusCode || raw.Content.Headers.ContentType?.MediaType != "application/json")
                throw new InvalidOperationException($"The hand-written {target.Name} over Kestrel answered {(int)raw.StatusCode} {raw.Content.Headers.ContentType}, not its JSON.");

        // Rounds alternate the two requests, so a disturbance on the shared machine falls on both; the median round is shown.
        var (seconds, rounds) = options.IsSmoke ? (2, 1) : (10, 3);
        // A fresh process's code is still being recompiled by the tiered JIT under load; --load-only warms up longer for it.
        var warmUp = options.IsSmoke ? 1 : options.LoadOnly ? 60 : 10;
        var script = Path.Combine(Path.GetTempPath(), $"rjcloud-wrk-{Environment.ProcessId}.lua");
        var table = new StringBuilder()
            .AppendLine($"## Load on {target.Heading}")
            .AppendLine()
            .AppendLine($"wrk, 2 threads, {Connections} connections, on loopback to Kestrel (HTTP/1.1, keep-alive): a {warmUp} s warm-up of each request, then {rounds} rounds " +
                $"of {seconds} s each, the two requests taking turns; the row is the round with the median requests a second. " +
                "wrk runs on the same 2 cores as the service and PostgreSQL. " + target.Description)
            .AppendLine()
            .AppendLine("| Request | req/s | p50 ms | p90 ms | p99 ms | non-2xx (all rounds) | service / PostgreSQL / other CPU | every round, req/s |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        (string Name, string Lua, string Path)[] runs =
        [
            ($"POST /graphql {target.Name}, bearer token", $"wrk.method = \"POST\"\nwrk.body = {Lua(body)}\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.headers[\"Authorization\"] = \"Bearer {token.Value}\"\n", "/graphql"),
            ($"GET hand-written {target.Name}, no token", "wrk.method = \"GET\"\n", target.RawPath),
        ];
        var measured = runs.Select(_ => new List<Round>()).ToArray();
        try
        {
            foreach (var (_, lua, path) in runs)
            {
                await File.WriteAllTextAsync(script, lua, ct);
                await RunWrkAsync(wrk, script, url + path, warmUp, ct);
            }
            for (var round = 1; round <= rounds; round++)
                for (var i = 0; i < runs.Length; i++)
                {
                    log($"wrk: {runs[i].Name}, round {round} of {rounds}");
                    await File.WriteAllTextAsync(script, runs[i].Lua, ct);
                    var (output, ticks) = await cpu.MeasureAsync(() => RunWrkAsync(wrk, script, url + runs[i].Path, seconds, ct));
                    measured[i].Add(new Round(Number(RequestsPerSecond(), output), output, ticks.Share()));
                }
            for (var i = 0; i < runs.Length; i++)
            {
                var median = measured[i].OrderBy(r => r.RequestsPerSecond).ElementAt(measured[i].Count / 2);
                var (output, share) = (median.Output, median.Share);
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"| {runs[i].Name} | {median.RequestsPerSecond:N0} | {Ms("50%", output):F2} | {Ms("90%", output):F2} | {Ms("99%", output):F2} | " +
                    $"{measured[i].Sum(r => NonSuccess().Match(r.Output) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0)} | " +
                    $"{share?.Service * 100:F0}% / {share?.PostgreSql * 100:F0}% / {share?.Other * 100:F0}% | " +
                    $"{string.Join(", ", measured[i].Select(r => r.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture)))} |");
            }
        }
        finally
        {
            File.Delete(script);
        }
        return table.AppendLine().AppendLine("CPU shares are of the whole machine (100% = both cores); wrk itself is part of \"other\".").AppendLine().ToString();
    }

    /// <summary>What the load is put on: a GraphQL request with its caller's token, and the same rows read by hand.</summary>
    /// <param name="Name">As wrk's rounds are logged ("POST /graphql {Name}, bearer token").</param>
    /// <param name="Heading">The report's section, after "Load on".</param>
    public sealed record LoadTarget(string Name, string Heading, string Query, object Variables, BearerToken Token, string RawPath, string Description);

    private sealed record Round(double RequestsPerSecond, string Output, CpuShare? Share);

    private static async Task<string> RunWrkAsync(string wrk, string script, string url, int seconds, CancellationToken ct)
    {
        using var process = Process.Start(new ProcessStartInfo(wrk, ["-t2", $"-c{Connections}", $"-d{seconds}s", "--latency", "-s", script, url])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return output;
    }

    private static string Lua(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";

    private static double Number(Regex regex, string output) =>
        regex.Match(output) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;

    // wrk prints latencies as 1.23ms, 456.00us or 1.02s.
    private static double Ms(string percentile, string output)
    {
        var m = Regex.Match(output, $@"^\s*{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!m.Success) return double.NaN;
        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();
}
