using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace RJCloud.Benchmarks;

/// <summary>What one request returned: checked after its clock has stopped, so checking costs no latency.</summary>
internal readonly record struct Reply(int Status, byte[] Body, string? SqlCommands = null);

/// <summary>
/// One way of asking for a tenant by its identifier, or, with <see cref="Answer"/>, another read that
/// ignores it. <see cref="Token"/> is the access token it sends, if any.
/// </summary>
internal sealed record Scenario(
    string Name, string Transport, Func<string, CancellationToken, Task<Reply>> SendAsync,
    BearerToken? Token = null, Func<byte[], bool>? Answer = null)
{
    public bool AsksForTenant => Answer is null;

    public bool IsAnswered(SeededTenant tenant, byte[] body) => Answer?.Invoke(body) ?? tenant.IsAnsweredBy(body);
}

internal sealed record PhaseResult(Scenario Scenario, string Phase, LatencyStats Stats, string SqlCommands, CpuShare? Cpu, string? FirstFailure);

/// <summary>
/// One scenario at one concurrency, measured over several rounds: everything it measures adds up
/// across rounds, so interleaving rounds of different scenarios spreads any outside disturbance over all of them.
/// </summary>
internal sealed class Phase(Scenario scenario, string name, int workers, int requests)
{
    private readonly ConcurrentDictionary<string, byte> sqlCommandsSeen = new();
    private string? firstFailure;

    public Scenario Scenario => scenario;

    public int Workers => workers;

    public LatencyRecorder Latencies { get; } = new(requests);

    /// <summary>Requests sent so far: request n asks for tenant n mod 200, continuing from round to round.</summary>
    public int Sent { get; set; }

    public TimeSpan WallTime { get; set; }

    public CpuTicks Cpu { get; set; }

    /// <summary>What the first failed request got, to explain a failure count.</summary>
    public string? FirstFailure => Volatile.Read(ref firstFailure);

    public void Failed(string description) => Interlocked.CompareExchange(ref firstFailure, description, null);

    public void SawSqlCommands(string? count)
    {
        if (count is not null) sqlCommandsSeen.TryAdd(count, 0);
    }

    public PhaseResult Result() => new(
        scenario, name, Latencies.Summarise(WallTime),
        sqlCommandsSeen.IsEmpty ? "–" : string.Join(", ", sqlCommandsSeen.Keys.Order()), Cpu.Share(), FirstFailure);
}

/// <summary>Sends requests from a fixed number of closed-loop workers: each sends its next request when the last is answered.</summary>
internal sealed class LoadRunner(SeededTenants tenants, CpuMeter cpu)
{
    public async Task WarmUpAsync(Scenario scenario, int requests, CancellationToken cancellationToken)
    {
        var warmUp = new Phase(scenario, "warm-up", workers: 1, requests);
        await RunAsync(warmUp, requests, cancellationToken);
        var result = warmUp.Result();
        // A path that fails while warming up would only measure how fast it fails.
        if (result.Stats.Failures > 0)
            throw new InvalidOperationException($"{scenario.Name}: {result.Stats.Failures} of {requests} warm-up requests failed, the first with {result.FirstFailure}");
    }

    public async Task RunAsync(Phase phase, int requests, CancellationToken cancellationToken)
    {
        // Outside the clock: renewing a token is not what a request costs.
        if (phase.Scenario.Token is { } token) await token.KeepFreshAsync(cancellationToken);
        await SendAsync(phase, requests, cancellationToken);
        if (phase.Scenario.Token is { } used) await used.ConfirmAcceptedAsync(cancellationToken);
    }

    private async Task SendAsync(Phase phase, int requests, CancellationToken cancellationToken)
    {
        var first = phase.Sent;
        var next = first - 1;

        async Task Worker()
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < first + requests)
            {
                var tenant = tenants[n];
                var started = Stopwatch.GetTimestamp();
                Reply reply;
                try
                {
                    reply = await phase.Scenario.SendAsync(tenant.Identifier, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    phase.Latencies.Record(Stopwatch.GetTimestamp() - started, succeeded: false);
                    phase.Failed($"{e.GetType().Name}: {e.Message}");
                    continue;
                }
                var succeeded = reply.Status == 200 && phase.Scenario.IsAnswered(tenant, reply.Body);
                phase.Latencies.Record(Stopwatch.GetTimestamp() - started, succeeded);
                if (!succeeded) phase.Failed($"status {reply.Status} and body {Encoding.UTF8.GetString(reply.Body.AsSpan(0, Math.Min(300, reply.Body.Length)))}");
                phase.SawSqlCommands(reply.SqlCommands);
            }
        }

        var (wallTime, cpuTicks) = await cpu.MeasureAsync(async () =>
        {
            var wall = Stopwatch.StartNew();
            // Task.Run: each worker starts on its own thread pool thread rather than after the previous one's first await.
            await Task.WhenAll(Enumerable.Range(0, phase.Workers).Select(_ => Task.Run(Worker, cancellationToken)));
            return wall.Elapsed;
        });
        phase.Sent += requests;
        phase.WallTime += wallTime;
        phase.Cpu += cpuTicks;
    }
}
