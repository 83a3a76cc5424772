using System.Globalization;
using System.Text;

namespace RJCloud.Benchmarks;

/// <summary>The report's comparison of the anonymous request (a) with the same request and others sent with tokens.</summary>
internal static class AuthAndTenancy
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly (string Path, string Label)[] Comparisons =
    [
        ("f.", "f: same request, person's token"),
        ("h.", "h: same request, partner system's token"),
        ("g.", "g: person's own rows (other query)"),
        ("i.", "i: partner's organisation (other query)"),
    ];

    public static void Render(StringBuilder md, IReadOnlyList<PhaseResult> results, IReadOnlyDictionary<Scenario, double> commands)
    {
        md.AppendLine().AppendLine("## Auth and tenancy").AppendLine();
        md.AppendLine("""
            Before: a, `tenant(identifier:)` sent anonymously. After: f, the very same request with a signed-in person's access token
            (h: a partner system's). The answer is the same bytes; what the token adds is OpenIddict validating it (RS256 signature,
            lifetime, issuer), the tenant read from the registry by the token's `tenant` claim (TenantFromTokenMiddleware, on every
            request: TenantDirectory does not cache), the tenant context entered, app.tenant_id set to that tenant on each connection,
            and the field access rule judging the actor the token describes (it runs for a too, on an anonymous actor). The registry
            read is where the extra Npgsql commands come from: its query, and the set_config on the connection it opens. g and i are
            other queries, reading the office's own rows under row-level security: their difference from a is auth and tenancy plus
            their own resolvers and SQL, not auth alone. Extra ms and CPU ms are per request; ratios are after / before.
            """).AppendLine();
        md.AppendLine("| After | Phase | Req/s: a → after | Throughput | p50 ms: a → after | p50 extra ms | p50 ratio | Mean extra ms | CPU ms extra (process + PostgreSQL) | Npgsql commands: a → after |");
        md.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var (path, label) in Comparisons)
        {
            foreach (var after in results.Where(r => r.Scenario.Name.StartsWith(path, StringComparison.Ordinal)))
            {
                var before = results.Single(r => r.Scenario.Name.StartsWith("a.", StringComparison.Ordinal) && r.Phase == after.Phase);
                var (a, f) = (before.Stats, after.Stats);
                var (commandsBefore, commandsAfter) = (commands[before.Scenario], commands[after.Scenario]);
                md.AppendLine(Invariant,
                    $"| {label} | {after.Phase} | {a.RequestsPerSecond:N0} → {f.RequestsPerSecond:N0} | {f.RequestsPerSecond / a.RequestsPerSecond:F2}× " +
                    $"| {a.P50Ms:F3} → {f.P50Ms:F3} | {f.P50Ms - a.P50Ms:+0.000;-0.000} | {f.P50Ms / a.P50Ms:F2}× | {f.MeanMs - a.MeanMs:+0.000;-0.000} " +
                    $"| {CpuExtra(before, after)} | {commandsBefore:0.##} → {commandsAfter:0.##} ({commandsAfter - commandsBefore:+0.##;-0.##;0}) |");
            }
        }

        md.AppendLine().AppendLine("""
            What this does not say: a is not the code as it stood before auth and tenancy were added, but today's build called without
            a token. An anonymous request still passes the authentication middleware (no header: nothing to validate) and the
            tenant-from-token middleware (no claim: nothing to look up), and its connection still gets app.tenant_id set, to ''. So
            f − a is what a token adds to a request, a little less than everything the layers cost. None of these paths is addressed to
            an office (/t/{office}/...), so the tenant-from-address lookup is not in them; and issuing tokens (sign-in, code exchange,
            client credentials) is not timed: a client does it once per 15-minute token, not per request. The Npgsql command counts
            are exact; latencies and CPU times move with whatever else the machine runs (see Machine CPU above).
            """);
    }

    private static string CpuExtra(PhaseResult before, PhaseResult after) =>
        before.Cpu is { } a && after.Cpu is { } f
            ? ((f.ServiceTime + f.PostgreSqlTime).TotalMilliseconds / after.Stats.Requests
               - (a.ServiceTime + a.PostgreSqlTime).TotalMilliseconds / before.Stats.Requests).ToString("+0.000;-0.000", Invariant)
            : "n/a";
}
