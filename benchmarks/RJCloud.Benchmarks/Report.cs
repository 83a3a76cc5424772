using System.Globalization;
using System.Text;

namespace RJCloud.Benchmarks;

internal sealed record RunFacts(
    DateTimeOffset RecordedAt, string Commit, string Command, IReadOnlyList<(string Name, string Value)> Machine, IReadOnlyList<string> Method);

/// <summary>The Markdown printed to the console and kept as results/latest.md.</summary>
internal static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(RunFacts facts, IReadOnlyList<PhaseResult> results, IReadOnlyDictionary<Scenario, double> commands,
        IReadOnlyList<string> warnings, IReadOnlyList<string> notes)
    {
        var md = new StringBuilder();
        md.AppendLine("# RJCloud benchmark baseline: `tenant(identifier:)`, anonymous and with access tokens").AppendLine();
        foreach (var warning in warnings) md.AppendLine(Invariant, $"> **{warning}**").AppendLine();
        md.AppendLine(Invariant, $"Recorded {facts.RecordedAt:yyyy-MM-dd HH:mm} UTC at commit `{facts.Commit}` with `{facts.Command}`.").AppendLine();

        md.AppendLine("## Machine").AppendLine().AppendLine("| | |").AppendLine("|---|---|");
        foreach (var (name, value) in facts.Machine) md.AppendLine(Invariant, $"| {name} | {value} |");
        md.AppendLine().AppendLine("## Method").AppendLine();
        foreach (var line in facts.Method) md.AppendLine(Invariant, $"- {line}");

        md.AppendLine().AppendLine("## Results (latency in ms)").AppendLine();
        md.AppendLine("| Path | Transport | Phase | Requests | Failures | Req/s | Mean | p50 | p95 | p99 | Max | X-Sql-Commands |");
        md.AppendLine("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var r in results)
        {
            var s = r.Stats;
            md.AppendLine(Invariant,
                $"| {r.Scenario.Name} | {r.Scenario.Transport} | {r.Phase} | {s.Requests:N0} | {s.Failures} | {s.RequestsPerSecond:N0} | {s.MeanMs:F3} | {s.P50Ms:F3} | {s.P95Ms:F3} | {s.P99Ms:F3} | {s.MaxMs:F3} | {r.SqlCommands} |");
        }

        md.AppendLine().AppendLine("## Cost per request, and what else ran").AppendLine();
        md.AppendLine("| Path | Phase | Npgsql commands | CPU ms: this process | CPU ms: PostgreSQL | Machine CPU: this process / PostgreSQL / other |");
        md.AppendLine("|---|---|--:|--:|--:|--:|");
        foreach (var r in results)
        {
            md.AppendLine(Invariant,
                $"| {r.Scenario.Name} | {r.Phase} | {commands[r.Scenario]:0.##} | {PerRequest(r, c => c.ServiceTime)} | {PerRequest(r, c => c.PostgreSqlTime)} | {Shares(r.Cpu)} |");
        }

        md.AppendLine().AppendLine("## GraphQL / raw").AppendLine();
        md.AppendLine("Above 1 for latency and below 1 for throughput means GraphQL is slower.").AppendLine();
        md.AppendLine("| Comparison | Phase | Mean latency | p50 latency | Throughput |");
        md.AppendLine("|---|---|--:|--:|--:|");
        foreach (var (graphQL, raw, label) in new[] { ("a.", "b.", "HTTP: a / b"), ("c.", "d.", "in-process: c / d"), ("j.", "k.", "100 referrals with participants, HTTP: j / k") })
        {
            foreach (var phase in results.Select(r => r.Phase).Distinct())
            {
                var g = Find(results, graphQL, phase).Stats;
                var b = Find(results, raw, phase).Stats;
                md.AppendLine(Invariant,
                    $"| {label} | {phase} | {g.MeanMs / b.MeanMs:F2}× | {g.P50Ms / b.P50Ms:F2}× | {g.RequestsPerSecond / b.RequestsPerSecond:F2}× |");
            }
        }

        md.AppendLine().AppendLine("## Where the time goes (sequential phase)").AppendLine();
        md.AppendLine("Differences between paths. Means add up; medians do not quite, but move less when the machine is shared.").AppendLine();
        var sequential = results[0].Phase;
        LatencyStats Seq(string prefix) => Find(results, prefix, sequential).Stats;
        md.AppendLine("| Share | Mean ms | p50 ms |").AppendLine("|---|--:|--:|");
        void Row(string label, string path, string? minus = null) => md.AppendLine(Invariant,
            $"| {label} | {Seq(path).MeanMs - (minus is null ? 0 : Seq(minus).MeanMs):F3} | {Seq(path).P50Ms - (minus is null ? 0 : Seq(minus).P50Ms):F3} |");
        Row("Raw query and JSON, in process (d)", "d.");
        Row("+ EF Core: DI scope, DbContext, interceptors' commands, LINQ query (e − d)", "e.", "d.");
        Row("+ GraphQL.NET: parse, validate, execute, serialise (c − e)", "c.", "e.");
        Row("+ HTTP stack and /graphql endpoint, GraphQL path (a − c)", "a.", "c.");
        Row("+ HTTP stack, raw path (b − d)", "b.", "d.");
        Row("+ a person's access token: validation, tenant from its claim, tenant context (f − a)", "f.", "a.");

        AuthAndTenancy.Render(md, results, commands);

        if (notes.Count > 0)
        {
            md.AppendLine().AppendLine("## Notes").AppendLine();
            foreach (var note in notes) md.AppendLine(Invariant, $"- {note}");
        }
        return md.ToString();
    }

    private static string PerRequest(PhaseResult r, Func<CpuShare, TimeSpan> time) =>
        r.Cpu is { } cpu ? (time(cpu).TotalMilliseconds / r.Stats.Requests).ToString("F3", Invariant) : "n/a";

    private static string Shares(CpuShare? cpu) =>
        cpu is null ? "n/a" : string.Create(Invariant, $"{cpu.Service * 100:F0}% / {cpu.PostgreSql * 100:F0}% / {cpu.Other * 100:F0}%");

    private static PhaseResult Find(IReadOnlyList<PhaseResult> results, string prefix, string phase) =>
        results.Single(r => r.Scenario.Name.StartsWith(prefix, StringComparison.Ordinal) && r.Phase == phase);
}
