using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using Npgsql;
using RJCloud.Api.Database;

namespace RJCloud.Benchmarks;

/// <summary>
/// The project's performance yardstick: one tenant lookup through GraphQL and through a hand-written
/// query, over the same in-memory HTTP stack and in process, anonymously and with real access
/// tokens, plus reads of an office's own rows, on a private PostgreSQL cluster.
/// Not a top-level program: its generated Program class would clash with the service's own.
/// </summary>
internal static class BenchmarkProgram
{
    private const string Command = "dotnet run -c Release --project benchmarks/RJCloud.Benchmarks";
    private const int ConcurrentWorkers = 2;
    private const string Database = "rjcloud_bench";
    private const string FolderPrefix = "rjcloud-bench-";
    private const double QuietMachine = 0.05;

    public static async Task<int> Main(string[] args)
    {
        if (args is [ScaleOptions.Option, ..])
        {
            if (ScaleOptions.Parse(args) is not { } scale)
            {
                Console.Error.WriteLine($"Usage: {Command} -- {ScaleOptions.Usage}");
                return 2;
            }
            using var stop = new CancellationTokenSource();
            using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, s => { s.Cancel = true; stop.Cancel(); });
            using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, s => { s.Cancel = true; stop.Cancel(); });
            Environment.CurrentDirectory = AppContext.BaseDirectory;
            return await ScaleRun.RunAsync(scale, stop.Token);
        }
        var evaluation = args is [EvaluationReports.Option];
        if ((evaluation ? RunSize.Parse([]) : RunSize.Parse(args)) is not { } size)
        {
            Console.Error.WriteLine($"Usage: {Command} [-- {RunSize.SmokeOption} | -- {EvaluationReports.Option}]");
            return 2;
        }
        using var cancel = new CancellationTokenSource();
        // Ctrl+C or a kill cancels the run rather than ending the process, so the finally below still stops PostgreSQL.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        void Cancel(PosixSignalContext signal)
        {
            signal.Cancel = true;
            cancel.Cancel();
        }
        var ct = cancel.Token;
        var clock = Stopwatch.StartNew();
        // WebApplicationFactory finds the service's content root (src/Api) through MvcTestingAppManifest.json,
        // which it looks for in the current directory; `dotnet run` starts us in the caller's folder.
        Environment.CurrentDirectory = AppContext.BaseDirectory;

        await RemoveClustersOfDeadRunsAsync();
        var folder = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}");
        // fsync stays on, as in production: the measured queries only read, so it changes nothing but honesty.
        var server = new EmbeddedPostgres(new EmbeddedPostgresOptions { Directory = folder, DisableFsync = false }, Path.GetTempPath());
        BenchmarkApp? app = null;
        try
        {
            Log(clock, $"Starting a private PostgreSQL cluster in {folder}");
            await server.StartAsync(ct);
            await DatabaseRoles.EnsureAsync(server.SuperuserConnectionString("postgres"), Database, ct);
            var connections = new DatabaseConnections
            {
                Migration = server.ConnectionString(DatabaseRoles.Owner, Database),
                Service = server.ConnectionString(DatabaseRoles.ServiceLogin, Database),
            };

            Log(clock, "Starting the service (migrations run now)");
            app = new BenchmarkApp(connections);
            // The bare TestServer client: no cookie or redirect handlers in front of either path.
            using var http = app.Server.CreateClient();

            var tenants = new SeededTenants();
            await tenants.SeedAsync(app.Services, connections.Migration, ct);
            Log(clock, $"Seeded {SeededTenants.Count} tenants");

            var members = await OfficeMembers.SeedAsync(app.Services, tenants[0].Identifier, connections.Migration, ct);
            var office = await OfficeReferrals.SeedAsync(app.Services, members, ct);
            var callers = await SignedInCallers.SignInAsync(app, http, members, ct);
            await OfficeMembers.AnalyseAsync(connections.Migration, ct);
            Log(clock, $"Seeded {OfficeMembers.People} people and a partner client in {members.Office}; signed in the admin and the partner system");

            if (evaluation)
            {
                Log(clock, $"Seeding {EvaluationReports.Cases:N0} referrals and cases with their evaluation records");
                await EvaluationReports.SeedAsync(connections.Migration, office, ct);
                Log(clock, "Seeded; measuring the reports");
                var measured = await EvaluationReports.MeasureAsync(http, callers.Person, ct);
                var runFacts = await GatherFactsAsync(server, size, members, ct);
                var evaluationReport = $"# RJCloud evaluation reports benchmark\n\nRun {runFacts.RecordedAt:yyyy-MM-dd HH:mm} UTC at {runFacts.Commit}: `{Command} -- {EvaluationReports.Option}`.\n\n{string.Join("\n", runFacts.Machine.Select(m => $"- {m.Name}: {m.Value}"))}\n\n{measured}";
                var evaluationOutput = Path.Combine(ProjectDirectory(), "results", "evaluation.md");
                await File.WriteAllTextAsync(evaluationOutput, evaluationReport, ct);
                Console.WriteLine(evaluationReport);
                Log(clock, $"Wrote {evaluationOutput}");
                return 0;
            }

            var scenarios = Scenarios.Create(http, app.Services, callers, office);
            var notes = await CompareBodiesAsync(scenarios, tenants[0].Identifier, ct);
            var (results, commands) = await MeasureAsync(scenarios, tenants, size, await PostmasterPidAsync(server, ct), clock, ct);

            var warnings = new List<string>();
            if (size.IsSmoke) warnings.Add(RunSize.SmokeWarning);
            if (DisturbanceWarning(results) is { } disturbed) warnings.Add(disturbed);
            notes.AddRange(callers.Tokens.Select(t =>
                $"The {t.Holder}'s access token: {Encoding.ASCII.GetByteCount(t.Value):N0} bytes, sent whole in every request's Authorization header; renewed {t.Renewals} time(s) during the run."));
            notes.AddRange(results.Where(r => r.FirstFailure is not null).Select(r => $"{r.Scenario.Name}, {r.Phase}: the first failure got {r.FirstFailure}"));
            var facts = await GatherFactsAsync(server, size, members, ct);
            var report = Report.Render(facts, results, commands, warnings, notes);
            Console.WriteLine();
            Console.WriteLine(report);

            var output = Path.Combine(ProjectDirectory(), "results", size.IsSmoke ? "smoke.md" : "latest.md");
            var failures = results.Sum(r => r.Stats.Failures);
            if (failures > 0)
            {
                Console.Error.WriteLine($"{failures} requests failed: {output} is left as it was, since a failing run is no baseline.");
                return 1;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            await File.WriteAllTextAsync(output, report, ct);
            Log(clock, $"Wrote {output}");
            // The scale path too, tiny (two offices, 2,000 referrals, a few requests), on a cluster of its own: CI sees it still works.
            if (size.IsSmoke)
            {
                Log(clock, "Smoke run of the scale path");
                return await ScaleRun.RunAsync(ScaleOptions.Smoke, ct);
            }
            return 0;
        }
        // Whatever a cancelled operation throws (EF Core and Npgsql wrap the cancellation in their own exceptions).
        catch (Exception) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled.");
            return 130;
        }
        finally
        {
            if (app is not null) await app.DisposeAsync();
            await server.StopAsync();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Log(clock, "Stopped the service and PostgreSQL, removed the cluster");
        }
    }

    private static async Task<(List<PhaseResult> Results, Dictionary<Scenario, double> Commands)> MeasureAsync(
        IReadOnlyList<Scenario> scenarios, SeededTenants tenants, RunSize size, int postmasterPid, Stopwatch clock, CancellationToken ct)
    {
        var runner = new LoadRunner(tenants, new CpuMeter(postmasterPid));
        // Every path is warmed before any is measured, so none is measured while another's code is still tiering up.
        foreach (var scenario in scenarios) await runner.WarmUpAsync(scenario, size.WarmUpRequests, ct);
        Log(clock, $"Warmed up ({size.WarmUpRequests} requests per path)");

        var commands = new Dictionary<Scenario, double>();
        foreach (var scenario in scenarios) commands[scenario] = await CommandCounter.PerRequestAsync(scenario, tenants, ct);

        var phases = scenarios
            .SelectMany(s => new[]
            {
                new Phase(s, "sequential", 1, size.MeasuredRequests),
                new Phase(s, $"{ConcurrentWorkers} workers", ConcurrentWorkers, size.MeasuredRequests),
            })
            .ToList();
        for (var round = 1; round <= size.Rounds; round++)
        {
            foreach (var phase in phases) await runner.RunAsync(phase, size.MeasuredRequests / size.Rounds, ct);
            Log(clock, $"Measured round {round} of {size.Rounds}");
        }
        return (phases.Select(p => p.Result()).ToList(), commands);
    }

    // On a shared 2-core machine one build elsewhere can halve the numbers: say so above them.
    private static string? DisturbanceWarning(IReadOnlyList<PhaseResult> results)
    {
        var worst = results.Where(r => r.Cpu is not null).MaxBy(r => r.Cpu!.Other);
        if (worst is null) return "The CPU use of other processes could not be read (no /proc): make sure the machine was quiet.";
        Console.WriteLine($"Other processes used at most {worst.Cpu!.Other * 100:F0}% of the machine's CPU in any measured phase.");
        if (worst.Cpu.Other <= QuietMachine) return null;
        var warning = $"Disturbed run: other processes used up to {worst.Cpu.Other * 100:F0}% of the machine's CPU (during {worst.Scenario.Name}, {worst.Phase}). " +
            "Latencies and rates are pessimistic; compare against a quiet run.";
        Console.Error.WriteLine(warning);
        return warning;
    }

    // A byte-identical answer from every path that asks for the tenant is what makes their timings comparable.
    private static async Task<List<string>> CompareBodiesAsync(IReadOnlyList<Scenario> scenarios, string identifier, CancellationToken ct)
    {
        var bodies = new List<byte[]>();
        var askers = scenarios.Where(s => s.AsksForTenant).ToList();
        foreach (var scenario in askers) bodies.Add((await scenario.SendAsync(identifier, ct)).Body);
        var sample = Encoding.UTF8.GetString(bodies[0]);
        var notes = new List<string>
        {
            bodies.All(b => b.AsSpan().SequenceEqual(bodies[0]))
                ? $"All {bodies.Count} paths that ask for the tenant ({string.Join(", ", askers.Select(s => s.Name[..1]))}) answer with the same bytes, e.g. `{sample}`."
                : "The paths' bodies differ: " + string.Join(" / ", bodies.Select(b => $"`{Encoding.UTF8.GetString(b)}`")),
        };
        foreach (var scenario in scenarios.Where(s => !s.AsksForTenant))
        {
            var body = Encoding.UTF8.GetString((await scenario.SendAsync(identifier, ct)).Body);
            notes.Add($"{scenario.Name} answers {Encoding.UTF8.GetByteCount(body):N0} bytes: `{(body.Length > 200 ? body[..200] + "…" : body)}`.");
        }
        return notes;
    }

    private static async Task<RunFacts> GatherFactsAsync(EmbeddedPostgres server, RunSize size, OfficeMembers members, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(server.SuperuserConnectionString("postgres"));
        await connection.OpenAsync(ct);
        async Task<string> Show(string setting)
        {
            await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
            return (string)(await command.ExecuteScalarAsync(ct))!;
        }

        var optimised = IsOptimised(typeof(BenchmarkProgram).Assembly) && IsOptimised(typeof(Program).Assembly);
        return new RunFacts(
            DateTimeOffset.UtcNow,
            GitDescribe(),
            size.IsSmoke ? $"{Command} -- {RunSize.SmokeOption}" : Command,
            [
                ("Processors", Environment.ProcessorCount.ToString()),
                ("OS", RuntimeInformation.OSDescription),
                (".NET", $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture})"),
                ("Build", optimised ? "Release (JIT optimisations on)" : "**Debug: numbers are not comparable**"),
                ("GC", $"{GarbageCollector()}, {GCSettings.LatencyMode}"),
                ("PostgreSQL", $"{await Show("server_version")}, private cluster on a unix socket, fsync={await Show("fsync")}, synchronous_commit={await Show("synchronous_commit")}"),
            ],
            [
                $"{SeededTenants.Count} tenants seeded; request n asks for tenant n mod {SeededTenants.Count}. Query: `{Scenarios.Query}`.",
                "f–i send a real access token as `Authorization: Bearer`, issued by the service itself to callers seeded as an operator would seed them: " +
                $"f and g a person of {members.Office} (roles {string.Join(", ", OfficeMembers.AdminRoles)}) signed in through /t/{members.Office}/connect/authorize, " +
                $"the sign-in page and the code exchange with PKCE; h and i its partner system, with client credentials at /t/{members.Office}/connect/token. " +
                "f and h send a's request unchanged but for the token. g asks for the person's own rows: " +
                $"`{Scenarios.OwnRowsQuery}` ({OfficeMembers.People} people in the office); i for the partner system's organisation: `{SignedInCallers.PartnerQuery}`.",
                "Tokens are issued before warm-up and renewed (refresh token; client credentials again) before any stretch of requests if less than " +
                $"{BearerToken.RenewalMargin.TotalMinutes:0} minutes of their life remain; after every stretch a request that only the token's holder may make checks that the service still accepts the token. None of this is timed.",
                "The service is the real one (WebApplicationFactory, environment Benchmark, Serilog at Warning) logging in as the service role; " +
                "b and d use its own NpgsqlDataSource, so the same role, pool and statement timeout.",
                "HTTP paths go through the in-memory TestServer (no sockets), so absolute numbers are below what a network client sees; b is mapped after the app's whole middleware pipeline.",
                $"Each path: {size.WarmUpRequests} warm-up requests (all paths warmed before any is measured), then {size.MeasuredRequests:N0} sequential requests, " +
                $"and {size.MeasuredRequests:N0} requests from {ConcurrentWorkers} concurrent closed-loop workers; measured in {size.Rounds} rounds, " +
                "each round running every path and phase in turn, so that outside disturbances are shared out.",
                "Latency: Stopwatch around each request, including reading the whole body; percentiles are nearest-rank over every sample. " +
                "Req/s: requests / wall time of the phase. A failure is a status other than 200 or a body without the expected displayName " +
                "(g: without every person's e-mail address, or with errors; i: other than the organisation).",
                "X-Sql-Commands: the header's values seen on /graphql (EF Core commands). Npgsql commands: every command sent to PostgreSQL, " +
                "interceptors' included, counted from Npgsql's metrics over 20 separate requests.",
                "CPU ms: CPU time of this process (service and load generator) and of PostgreSQL per request. In the sequential phase " +
                "it includes the thread pool spinning while it waits for PostgreSQL; the concurrent figures are closer to the work done.",
                "Machine CPU: shares of the whole machine (100% = every core busy) used during the phase by this process (service and load generator), " +
                "by the PostgreSQL cluster, and by anything else on the machine, from /proc.",
            ]);
    }

    // A backend's parent is the postmaster, whose children are the whole cluster.
    private static async Task<int> PostmasterPidAsync(EmbeddedPostgres server, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(server.SuperuserConnectionString("postgres"));
        await connection.OpenAsync(ct);
        return CpuMeter.ParentOf(connection.ProcessID) ?? -1;
    }

    private static bool IsOptimised(Assembly assembly) => assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };

    public static string ProjectDirectory() =>
        typeof(BenchmarkProgram).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDirectory").Value!;

    // DATAS (dynamic adaptation) is the .NET 9+ default for server GC; the service turns it off (RJCloud.Api.csproj, ADR 0022).
    public static string GarbageCollector()
    {
        var mode = Environment.GetEnvironmentVariable("DOTNET_GCDynamicAdaptationMode") ?? AppContext.GetData("System.GC.DynamicAdaptationMode")?.ToString();
        return $"{(GCSettings.IsServerGC ? "Server" : "Workstation")}, dynamic adaptation (DATAS) {(mode == "0" ? "off" : "on")}";
    }

    public static string GitDescribe()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", ProjectDirectory(), "describe", "--always", "--dirty"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            });
            var output = git!.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    // A run that was killed leaves its cluster behind; stop and remove it so runs never pile up.
    private static async Task RemoveClustersOfDeadRunsAsync()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), $"{FolderPrefix}*"))
        {
            if (!int.TryParse(Path.GetFileName(folder)[FolderPrefix.Length..], out var pid) || IsAlive(pid)) continue;
            await new EmbeddedPostgres(new EmbeddedPostgresOptions { Directory = folder }, Path.GetTempPath()).StopIfRunningAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            return !Process.GetProcessById(pid).HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Log(Stopwatch clock, string message) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F1} s] {message}");
}
