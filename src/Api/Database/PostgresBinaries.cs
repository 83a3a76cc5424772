using System.Diagnostics;

namespace RJCloud.Api.Database;

internal static class PostgresBinaries
{
    /// <summary>The server binaries of the newest PostgreSQL installed, as Debian lays them out.</summary>
    public static string Find()
    {
        var fromPgConfig = BinDirFromPgConfig();
        if (fromPgConfig is not null && File.Exists(Path.Combine(fromPgConfig, "initdb"))) return fromPgConfig;

        const string debianRoot = "/usr/lib/postgresql";
        var installed = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(d => Path.Combine(d, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries were found (initdb, pg_ctl). Install them with `apt-get install -y postgresql`, " +
            "or set Database__MigrationConnectionString and Database__ServiceConnectionString to use an existing server.");
    }

    private static string? BinDirFromPgConfig()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
