using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using RJCloud.Api.Database;

namespace RJCloud.Tests.Infrastructure;

/// <summary>
/// The built service as a real process (`dotnet RJCloud.Api.dll`, as run.sh starts it) on a free loopback port,
/// against a database of the test run's PostgreSQL; its JSON log lines are captured. Disposing kills its process tree.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private ServiceProcess(string name, Process process, Uri address)
    {
        Name = name;
        this.process = process;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Name { get; }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public bool HasExited => process.HasExited;

    /// <summary>Every JSON log line written so far (other output, e.g. a crash's, is kept for failure messages only).</summary>
    public IReadOnlyList<JsonElement> Logs => [.. lines.Select(Parse).OfType<JsonElement>()];

    /// <summary>The built service next to these tests: src/Api/bin/{configuration}/{framework}, as the solution build puts it.</summary>
    public static string ApiBinary
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var binary = Path.Combine(RepositoryRoot.Path, "src", "Api", "bin", framework.Parent!.Name, framework.Name, "RJCloud.Api.dll");
            return File.Exists(binary) ? binary : throw new InvalidOperationException($"{binary} is missing: build the solution (or tests/RJCloud.Tests) first.");
        }
    }

    internal static ServiceProcess Start(string name, DatabaseConnections database, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.Combine(RepositoryRoot.Path, "src", "Api"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { ApiBinary, "--contentRoot", start.WorkingDirectory }) start.ArgumentList.Add(argument);
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_") || k.StartsWith("Database__") || k == "URLS").ToList())
            start.Environment.Remove(inherited);
        start.Environment["Database__MigrationConnectionString"] = database.Migration;
        start.Environment["Database__ServiceConnectionString"] = database.Service;
        start.Environment["URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in settings) start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        var service = new ServiceProcess(name, process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) service.lines.Enqueue(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) service.lines.Enqueue(line); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Waits until /health/ready answers 200 (migrated, database reachable); fails early if the process ends.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (DateTime.UtcNow < until)
        {
            Assert.False(process.HasExited, $"{Name} ended while starting:\n{Tail()}");
            try
            {
                using var response = await Http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        Assert.Fail($"{Name} was not ready within {deadline}:\n{Tail()}");
    }

    /// <summary>Kills the process and everything it started, as an orchestrator would, and waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as an orchestrator stops a replica it is replacing; the process drains and ends on its own.</summary>
    public async Task StopAsync(TimeSpan deadline)
    {
        if (!process.HasExited && kill(process.Id, SigTerm) != 0) throw new InvalidOperationException($"SIGTERM to {Name} failed (errno {Marshal.GetLastPInvokeError()}).");
        await WaitForExitAsync(deadline);
    }

    /// <summary>The exit code of a process that has ended.</summary>
    public int ExitCode => process.ExitCode;

    /// <summary>Waits for a process that is expected to end by itself (a refused start).</summary>
    public async Task WaitForExitAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        await process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>
    /// SIGKILL at once, as for a node that dies: finding a process tree first walks /proc, which takes longer than a
    /// request, so a kill meant to land mid-request must not. `dotnet RJCloud.Api.dll` starts no child processes.
    /// </summary>
    public async Task KillNowAsync()
    {
        if (!process.HasExited) process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>The last lines of output, for failure messages.</summary>
    public string Tail(int count = 40) => string.Join('\n', lines.TakeLast(count));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // never started
        }
        Http.Dispose();
        process.Dispose();
    }

    private const int SigTerm = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static JsonElement? Parse(string line)
    {
        if (!line.StartsWith('{')) return null;
        try
        {
            return JsonDocument.Parse(line).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
