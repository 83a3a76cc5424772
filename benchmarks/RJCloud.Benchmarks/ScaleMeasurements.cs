using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Npgsql;
using RJCloud.Api.Database;
using RJCloud.Shared.GraphQL.Relay;

namespace RJCloud.Benchmarks;

/// <summary>One read measured both ways: through /graphql with a real token, and by hand (<see cref="RawScaleEndpoints"/>).</summary>
/// <param name="Guarded">The hand-written query with the service's token check, access check and audit (the inbox, the case and the partner's list).</param>
internal sealed record ScalePath(string Name, BearerToken Token, Func<int, CancellationToken, Task<Reply>> GraphQL, Func<int, CancellationToken, Task<Reply>>? Raw,
    bool Heavy = false, Func<int, CancellationToken, Task<Reply>>? Guarded = null);

/// <summary>The scale run's measurements (issue 11, "Measured speed"), written as Markdown.</summary>
internal static class ScaleMeasurements
{
    public const string Inbox = """
        query ReferralInbox($first: Int, $filter: ReferralFilter) @purpose(reason: CASE_WORK, detail: "Referral inbox") {
          referrals(first: $first, filter: $filter, orderBy: DUE_SOONEST) {
            edges { node { id reference type route status receivedOn victimsCodeDueBy overdue preCheck { overall } } } } }
        """;

    public const string CaseWork = """
        query CaseWork($caseId: ID!) @purpose(reason: CASE_WORK, detail: "Working a case") {
          case: node(id: $caseId) { ... on Case { id reference state openedAt method participants { id role name phone }
            timeline { kind fromState toState detail at } allocations { practitionerName from until } contacts { participantId kind on notes } } } }
        """;

    public const string Submitted = "query($first: Int) { submittedReferrals(first: $first) { edges { node { reference status } } } }";
    public const string Typename = "{ __typename }";
    public const string Spend = "query($year: String!) { spendReport(financialYear: $year) { rows { fundingStream balance { allocated budgeted committed paid } } } }";
    private const string SpendYear = "2025-26";
    private const int InboxPage = 25;

    public static async Task<string> RunAsync(BenchmarkApp app, HttpClient http, EmbeddedPostgres server, string logFile, string superuser, SignedInCallers callers,
        GeneratedData data, ScaleOptions options, Action<string> log, CancellationToken ct)
    {
        var office = data.Office;
        var partner = GlobalId.DecodeFor("PartnerOrganisation", data.Members.PartnerGlobalId)!.Value;
        var cases = await ClosedCasesAsync(superuser, office, ct);
        var (person, partnerSystem) = (callers.Person, callers.PartnerSystem);
        // The same reads through any replica of the service (the row-level security comparison starts three more).
        ScalePath[] PathsThrough(HttpClient http)
        {
            // Each variant walks the same closed cases in the same order, so the first hand-written answers can be compared.
            var (nGraphQL, nRaw, nGuarded) = (0, 0, 0);
            Guid NextCase(ref int n) => cases[Interlocked.Increment(ref n) % cases.Count];
            Task<Reply> Get(string path, CancellationToken c) => GetAsync(http, path, c);
            return
            [
                new($"a. Referral inbox (first: {InboxPage}, RECEIVED, DUE_SOONEST)", person,
                    (first, c) => GraphQLOverHttp.PostAsync(http, Inbox, new { first, filter = new { status = new[] { "RECEIVED" } } }, person.Value, c),
                    (first, c) => Get($"{RawScaleEndpoints.Path}/inbox?tenant={office}&first={first}", c),
                    Guarded: (first, c) => GetAsync(http, $"{RawScaleEndpoints.Path}/inbox-guarded?first={first}", c, person.Value)),
                new("b. A closed case with its timeline, participants, allocations and contacts", person,
                    (_, c) => GraphQLOverHttp.PostAsync(http, CaseWork, new { caseId = GlobalId.Encode("Case", NextCase(ref nGraphQL)) }, person.Value, c),
                    (_, c) => Get($"{RawScaleEndpoints.Path}/case?tenant={office}&id={NextCase(ref nRaw)}", c),
                    Guarded: (_, c) => GetAsync(http, $"{RawScaleEndpoints.Path}/case-guarded?id={NextCase(ref nGuarded)}", c, person.Value)),
                new($"c. Partner system: submittedReferrals(first: {InboxPage})", partnerSystem,
                    (first, c) => GraphQLOverHttp.PostAsync(http, Submitted, new { first }, partnerSystem.Value, c),
                    (first, c) => Get($"{RawScaleEndpoints.Path}/submitted?tenant={office}&partner={partner}&first={first}", c),
                    Guarded: (first, c) => GetAsync(http, $"{RawScaleEndpoints.Path}/submitted-guarded?first={first}", c, partnerSystem.Value)),
                new($"d. Commissioner spend report {SpendYear}", person,
                    (_, c) => GraphQLOverHttp.PostAsync(http, Spend, new { year = SpendYear }, person.Value, c),
                    (_, c) => Get($"{RawScaleEndpoints.Path}/spend?tenant={office}&year=2025", c)),
                new("e1. Evaluation measures, all time", person,
                    (_, c) => GraphQLOverHttp.PostAsync(http, EvaluationReports.MeasuresQuery, new { filter = (object?)null }, person.Value, c), null, Heavy: true),
                new("e2. Evaluation measures, financial year 2025-26", person,
                    (_, c) => GraphQLOverHttp.PostAsync(http, EvaluationReports.MeasuresQuery, new { filter = new { from = "2025-04-01", to = "2026-03-31" } }, person.Value, c), null, Heavy: true),
                new("f. What any request costs: { __typename } with the partner system's token", partnerSystem,
                    (_, c) => GraphQLOverHttp.PostAsync(http, Typename, new { }, partnerSystem.Value, c),
                    (_, c) => Get($"{RawScaleEndpoints.Path}/typename", c),
                    Guarded: (_, c) => GetAsync(http, $"{RawScaleEndpoints.Path}/typename-guarded", c, partnerSystem.Value)),
            ];
        }
        var paths = PathsThrough(http);

        var cpu = new CpuMeter(await PostmasterPidAsync(server, ct));
        var inbox = new KestrelLoad.LoadTarget("inbox", "the referral inbox (target: at least 1,000 authenticated requests a second)", Inbox, new { first = InboxPage, filter = new { status = new[] { "RECEIVED" } } }, person,
            $"{RawScaleEndpoints.Path}/inbox?tenant={office}&first={InboxPage}",
            $"The GraphQL request is the inbox query above (first: {InboxPage}) with the coordinator's bearer token, so each request is also audited.");
        if (options.LoadOnly)
        {
            var target = options.LoadPath switch
            {
                "case" => new KestrelLoad.LoadTarget("case", "a closed case with its timeline", CaseWork, new { caseId = GlobalId.Encode("Case", cases[0]) }, person,
                    $"{RawScaleEndpoints.Path}/case?tenant={office}&id={cases[0]}", "The GraphQL request is the case query above, one closed case every time, with the coordinator's bearer token; each request is audited."),
                "partner" => new KestrelLoad.LoadTarget("partner's referrals", "the partner system's list of its referrals", Submitted, new { first = InboxPage }, partnerSystem,
                    $"{RawScaleEndpoints.Path}/submitted?tenant={office}&partner={partner}&first={InboxPage}", "The GraphQL request is submittedReferrals (first: 25) with the partner system's bearer token."),
                "typename" => new KestrelLoad.LoadTarget("typename", "{ __typename }, what any request costs", Typename, new { }, partnerSystem,
                    $"{RawScaleEndpoints.Path}/typename", "The GraphQL request is { __typename } with the partner system's bearer token; by hand, the same bytes with no token."),
                _ => inbox,
            };
            return $"# RJCloud at scale: load only\n\nRun {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC at {BenchmarkProgram.GitDescribe()} on {data.Tenants} offices, " +
                $"{data.Referrals:N0} referrals (`--scale ... --load-only --load-path {options.LoadPath}`).\n\n" + await KestrelLoad.RunAsync(app, target, options, cpu, log, ct);
        }
        if (options.RlsOnly)
            return $"# RJCloud at scale: row-level security only\n\nRun {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC at {BenchmarkProgram.GitDescribe()} on {data.Tenants} offices, " +
                $"{data.Referrals:N0} referrals (`--scale ... --rls-only`).\n\n" + await RowLevelSecurity.CompareAsync(superuser, app.Connections, PathsThrough, options, cpu, ct);
        var report = new StringBuilder();
        var notes = new List<string>();
        log("Checking every path answers without errors");
        foreach (var path in paths)
        {
            await path.Token.KeepFreshAsync(ct);
            var graphQL = Check(await path.GraphQL(InboxPage, ct), path.Name);
            var raw = path.Raw is null ? (Reply?)null : Check(await path.Raw(InboxPage, ct), path.Name + " (raw)");
            if (path.Guarded is not null && !Check(await path.Guarded(InboxPage, ct), path.Name + " (guarded)").Body.AsSpan().SequenceEqual(raw!.Value.Body))
                throw new InvalidOperationException($"{path.Name}: the hand-written answer with guarantees differs from the one without.");
            notes.Add($"{path.Name}: GraphQL answers {graphQL.Body.Length:N0} bytes" + (raw is { } r
                ? $", hand-written {r.Body.Length:N0} bytes{(r.Body.AsSpan().SequenceEqual(graphQL.Body) ? " (identical)" : "")}."
                : "; no hand-written baseline (the measures are computed in C# from several queries)."));
        }

        log("Warming up");
        foreach (var path in paths)
            for (var i = 0; i < options.WarmUp / (path.Heavy ? 5 : 1) + 1; i++)
            {
                await path.GraphQL(InboxPage, ct);
                if (path.Raw is not null) await path.Raw(InboxPage, ct);
                if (path.Guarded is not null) await path.Guarded(InboxPage, ct);
            }

        log("Measuring GraphQL against hand-written SQL");
        var latencies = await MeasureAsync(paths.SelectMany(p => Variants(p, InboxPage)).ToList(), options, cpu, ct);
        report.Append(LatencyTable(paths, latencies));

        log("Counting SQL commands per page size");
        report.Append(await PageSizesAsync(paths[0], paths[2], ct));

        log("Row-level security on and off");
        report.Append(await RowLevelSecurity.CompareAsync(superuser, app.Connections, PathsThrough, options, cpu, ct));

        log("Plan of the slowest query");
        var slowest = paths.MaxBy(p => latencies[(p, "GraphQL")].Stats.P95Ms)!;
        report.Append(await SlowQueryPlans.CaptureAsync(superuser, logFile, slowest, InboxPage, ct));

        log("Load from wrk on a real Kestrel port");
        report.Append(await KestrelLoad.RunAsync(app, inbox, options, cpu, log, ct));

        var machine = await MachineAsync(superuser, ct);
        var worst = latencies.Values.Where(v => v.Cpu is not null).Select(v => v.Cpu!.Other).DefaultIfEmpty(0).Max();
        return new StringBuilder()
            .AppendLine("# RJCloud at scale")
            .AppendLine()
            .AppendLine($"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC at {BenchmarkProgram.GitDescribe()}: `dotnet run -c Release --project benchmarks/RJCloud.Benchmarks -- --scale --tenants {options.Tenants} --referrals {options.Referrals}`" +
                (options.IsSmoke ? " (the tiny version `--smoke` runs: its numbers are not a measurement)." : "."))
            .AppendLine()
            .AppendLine(options.IsSmoke || worst <= 0.05 ? "" : $"**Disturbed run**: other processes used up to {worst * 100:F0}% of the machine's CPU in a measured phase (shown per row below); latencies are pessimistic.\n")
            .AppendLine(machine)
            .AppendLine("## Volumes")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{data.Tenants} offices, {data.Referrals:N0} referrals generated in {data.GenerationSeconds:F0} s on {data.GeneratedAt:yyyy-MM-dd HH:mm} UTC. " +
                $"Offices' sizes are Zipf-like (rank^-0.8): the measured office, {data.Members.Office}, is the largest with {ScaleVolumes.Split(data.Referrals, data.Tenants)[0] + OfficeReferrals.Count:N0} referrals; " +
                $"the smallest has {ScaleVolumes.Split(data.Referrals, data.Tenants)[^1]:N0}.")
            .AppendLine()
            .AppendLine(data.Counts)
            .AppendLine("## Method")
            .AppendLine()
            .AppendLine($"Each path: {options.WarmUp} warm-up requests, then {options.Measured} sequential requests per variant in 5 rounds (every path and variant in turn each round, so outside disturbance is shared out). " +
                "GraphQL requests carry a real bearer token: the coordinator's (signed in through the sign-in page, authorization code + PKCE) or the partner system's (client credentials). " +
                "Requests go through the in-memory TestServer except in the load section (Kestrel on loopback). Latency: Stopwatch around each request including reading the body; nearest-rank percentiles. " +
                "Ratio = GraphQL / hand-written at the same percentile. The hand-written baselines set the tenant for row-level security in a transaction and read only the columns asked for; they neither check a token nor audit. The inbox, the case and the partner's list are also measured by hand with those guarantees (the second table).")
            .AppendLine()
            .AppendLine(string.Join("\n", notes.Select(x => $"- {x}")))
            .AppendLine()
            .Append(report)
            .ToString();
    }

    private static IEnumerable<(ScalePath Path, string Variant, Func<CancellationToken, Task<Reply>> Send)> Variants(ScalePath path, int first)
    {
        yield return (path, "GraphQL", c => path.GraphQL(first, c));
        if (path.Raw is { } raw) yield return (path, "hand-written", c => raw(first, c));
        if (path.Guarded is { } guarded) yield return (path, "guarded", c => guarded(first, c));
    }

    internal sealed record Measured(LatencyStats Stats, CpuShare? Cpu, int Failures);

    /// <param name="shuffle">Each round takes the variants in an order drawn afresh from this, so none always follows another.</param>
    internal static async Task<Dictionary<(ScalePath, string), Measured>> MeasureAsync(
        IReadOnlyList<(ScalePath Path, string Variant, Func<CancellationToken, Task<Reply>> Send)> variants, ScaleOptions options, CpuMeter cpu, CancellationToken ct,
        int lightSamples = 1, int rounds = 5, Random? shuffle = null)
    {
        int Turn(ScalePath path) => Math.Max(1, (path.Heavy ? options.Measured / 5 : options.Measured * lightSamples) / rounds);
        var recorders = variants.ToDictionary(v => (v.Path, v.Variant), v => (Latencies: new LatencyRecorder(Turn(v.Path) * rounds), Wall: TimeSpan.Zero, Cpu: default(CpuTicks)));
        for (var round = 0; round < rounds; round++)
            foreach (var (path, variant, send) in shuffle is null ? variants : variants.OrderBy(_ => shuffle.Next()).ToList())
            {
                await path.Token.KeepFreshAsync(ct);
                var entry = recorders[(path, variant)];
                var (wall, ticks) = await cpu.MeasureAsync(async () =>
                {
                    var started = Stopwatch.GetTimestamp();
                    for (var i = 0; i < Turn(path); i++)
                    {
                        var t = Stopwatch.GetTimestamp();
                        var reply = await send(ct);
                        entry.Latencies.Record(Stopwatch.GetTimestamp() - t, reply.Status == 200 && !HasErrors(reply.Body));
                    }
                    return Stopwatch.GetElapsedTime(started);
                });
                recorders[(path, variant)] = (entry.Latencies, entry.Wall + wall, entry.Cpu + ticks);
            }
        return recorders.ToDictionary(r => r.Key, r =>
        {
            var stats = r.Value.Latencies.Summarise(r.Value.Wall);
            return new Measured(stats, r.Value.Cpu.Share(), stats.Failures);
        });
    }

    private static string LatencyTable(IReadOnlyList<ScalePath> paths, Dictionary<(ScalePath, string), Measured> latencies)
    {
        var table = new StringBuilder()
            .AppendLine("## GraphQL against hand-written Npgsql (target: within 1.3x)")
            .AppendLine()
            .AppendLine("| Path | GraphQL p50 / p95 / p99 ms | hand-written p50 / p95 / p99 ms | ratio p50 | ratio p95 | ratio p99 | failures | other processes' CPU |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var path in paths)
        {
            var g = latencies[(path, "GraphQL")];
            var r = latencies.GetValueOrDefault((path, "hand-written"));
            var other = new[] { g.Cpu?.Other, r?.Cpu?.Other }.Max();
            table.AppendLine(
                $"| {path.Name} | {g.Stats.P50Ms:F2} / {g.Stats.P95Ms:F2} / {g.Stats.P99Ms:F2} | " +
                (r is null ? "– | – | – | – | " : $"{r.Stats.P50Ms:F2} / {r.Stats.P95Ms:F2} / {r.Stats.P99Ms:F2} | {g.Stats.P50Ms / r.Stats.P50Ms:F2}x | {g.Stats.P95Ms / r.Stats.P95Ms:F2}x | {g.Stats.P99Ms / r.Stats.P99Ms:F2}x | ") +
                $"{g.Failures + (r?.Failures ?? 0)} | {(other is { } o ? $"{o * 100:F0}%" : "n/a")} |");
        }
        table.AppendLine()
            .AppendLine("GraphQL's own share: the same rows by hand with the service's guarantees (the bearer token through the service's scheme, the access check and the roles, " +
                "the office entered, special-category reads audited before answering: the inbox's referrals, the case with its participants and contacts; the partner's list is not audited, in GraphQL either), " +
                "GET /bench/scale/{inbox,case,submitted}-guarded:")
            .AppendLine()
            .AppendLine("| Path | GraphQL p50 / p95 / p99 ms | hand-written with guarantees p50 / p95 / p99 ms | ratio p50 | ratio p95 | ratio p99 |")
            .AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var path in paths.Where(p => p.Guarded is not null))
        {
            var g = latencies[(path, "GraphQL")].Stats;
            var h = latencies[(path, "guarded")].Stats;
            table.AppendLine($"| {path.Name} | {g.P50Ms:F2} / {g.P95Ms:F2} / {g.P99Ms:F2} | {h.P50Ms:F2} / {h.P95Ms:F2} / {h.P99Ms:F2} | " +
                $"{g.P50Ms / h.P50Ms:F2}x | {g.P95Ms / h.P95Ms:F2}x | {g.P99Ms / h.P99Ms:F2}x |");
        }
        return table.AppendLine().ToString();
    }

    private static async Task<string> PageSizesAsync(ScalePath inbox, ScalePath submitted, CancellationToken ct)
    {
        var table = new StringBuilder()
            .AppendLine("## SQL commands per request by page size (target: constant)")
            .AppendLine()
            .AppendLine("X-Sql-Commands: EF Core commands the request ran (the service's header). Npgsql: every command sent to PostgreSQL, the connection interceptor's set_config and the audit insert included, from Npgsql's metrics: the fewest of three runs of the request, because those metrics are the whole process's and the service's background workers (outbox delivery, reminders) send commands of their own now and then.")
            .AppendLine()
            .AppendLine("| Query | first: 1 | first: 10 | first: 100 |")
            .AppendLine("|---|---:|---:|---:|");
        foreach (var path in new[] { inbox, submitted })
        {
            var cells = new List<string>();
            foreach (var first in new[] { 1, 10, 100 })
            {
                await path.Token.KeepFreshAsync(ct);
                var runs = new List<(Reply Reply, int Commands)>();
                for (var run = 0; run < 3; run++) runs.Add(await CountCommandsAsync(() => path.GraphQL(first, ct)));
                var (reply, npgsql) = runs.MinBy(r => r.Commands);
                foreach (var (each, _) in runs) Check(each, path.Name);
                var edges = Encoding.UTF8.GetString(reply.Body).Split("\"node\"").Length - 1;
                cells.Add($"{reply.SqlCommands} EF / {npgsql} Npgsql ({edges} rows)");
            }
            table.AppendLine($"| {path.Name.Split(':')[0]} | {string.Join(" | ", cells)} |");
        }
        return table.AppendLine().ToString();
    }

    internal static async Task<(Reply Reply, int Commands)> CountCommandsAsync(Func<Task<Reply>> send)
    {
        var commands = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Npgsql" && instrument.Name == "db.client.operation.duration") l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref commands));
        listener.Start();
        var reply = await send();
        listener.Dispose();
        return (reply, Volatile.Read(ref commands));
    }

    private static async Task<Reply> GetAsync(HttpClient http, string path, CancellationToken ct, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null) request.Headers.Authorization = new("Bearer", bearer);
        using var response = await http.SendAsync(request, ct);
        return new Reply((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(ct));
    }

    internal static bool HasErrors(byte[] body) => body.AsSpan().IndexOf("\"errors\""u8) >= 0;

    internal static Reply Check(Reply reply, string name)
    {
        if (reply.Status == 200 && !HasErrors(reply.Body)) return reply;
        var body = Encoding.UTF8.GetString(reply.Body);
        throw new InvalidOperationException($"{name} failed ({reply.Status}): {(body.Length > 500 ? body[..500] : body)}");
    }

    private static async Task<List<Guid>> ClosedCasesAsync(string superuser, Guid office, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT id FROM referrals.cases WHERE tenant_id = $1 AND state = 'Closed' ORDER BY id LIMIT 50", connection) { Parameters = { new() { Value = office } } };
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
        return ids.Count > 0 ? ids : throw new InvalidOperationException("No closed case to read.");
    }

    private static async Task<int> PostmasterPidAsync(EmbeddedPostgres server, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(server.SuperuserConnectionString("postgres"));
        await connection.OpenAsync(ct);
        return CpuMeter.ParentOf(connection.ProcessID) ?? -1;
    }

    private static async Task<string> MachineAsync(string superuser, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync(ct);
        async Task<string> Show(string setting)
        {
            await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
            return (string)(await command.ExecuteScalarAsync(ct))!;
        }
        return $"- Processors: {Environment.ProcessorCount} (shared), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, Release, GC: {BenchmarkProgram.GarbageCollector()}\n" +
            $"- PostgreSQL {await Show("server_version")}, private cluster on a unix socket, fsync={await Show("fsync")}, synchronous_commit={await Show("synchronous_commit")}, " +
            $"shared_buffers={await Show("shared_buffers")}, work_mem={await Show("work_mem")}\n";
    }
}
