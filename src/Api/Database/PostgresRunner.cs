using System.Diagnostics;

namespace RJCloud.Api.Database;

/// <summary>Runs PostgreSQL's programs as a user it accepts: the current one, or `postgres` when we are root.</summary>
internal sealed class PostgresRunner(string binDirectory)
{
    private const string ServiceUser = "postgres";
    private static readonly bool IsRoot = Environment.UserName == "root";

    public void PrepareDirectory(string path)
    {
        Directory.CreateDirectory(path);
        if (!IsRoot) return;
        // The postgres user must own its folders and be able to reach them through every parent.
        Run("chown", ["-R", $"{ServiceUser}:{ServiceUser}", path]);
        for (var dir = Path.GetDirectoryName(path); dir is not null && dir != "/"; dir = Path.GetDirectoryName(dir))
        {
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(dir) & UnixFileMode.OtherExecute) == 0)
                throw new InvalidOperationException(
                    $"PostgreSQL runs as the '{ServiceUser}' user when the service runs as root, and it cannot reach {path} " +
                    $"because {dir} is not searchable by other users. Set EmbeddedPostgres__Directory to a folder it can reach.");
        }
    }

    public async Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await ExecuteAsync(program, arguments, cancellationToken);
        if (exitCode != 0)
            throw new InvalidOperationException($"PostgreSQL's {program} failed (exit code {exitCode}): {output.Trim()}");
    }

    public async Task<bool> TryRunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        (await ExecuteAsync(program, arguments, cancellationToken)).ExitCode == 0;

    private async Task<(int ExitCode, string Output)> ExecuteAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = IsRoot
            ? new ProcessStartInfo("runuser") { ArgumentList = { "-u", ServiceUser, "--", Path.Combine(binDirectory, program) } }
            : new ProcessStartInfo(Path.Combine(binDirectory, program));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = "/";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static void Run(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {process.StandardError.ReadToEnd()}");
    }
}
