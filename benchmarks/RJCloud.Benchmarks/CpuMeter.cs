namespace RJCloud.Benchmarks;

/// <summary>
/// Shares of the whole machine's CPU capacity (1 = every core busy) over one phase, and the CPU time
/// this process and PostgreSQL spent, which other processes' load moves less than it moves latency.
/// </summary>
internal sealed record CpuShare(double Service, double PostgreSql, double Other, TimeSpan ServiceTime, TimeSpan PostgreSqlTime);

/// <summary>Clock ticks spent over some intervals; intervals add up, so a phase run in rounds is measured as a whole.</summary>
internal readonly record struct CpuTicks(long MachineTotal, long MachineBusy, long Service, long PostgreSql)
{
    // USER_HZ, the unit of /proc's CPU times: 100 on every Linux the project runs on.
    private const double TicksPerSecond = 100;

    public static CpuTicks operator +(CpuTicks a, CpuTicks b) =>
        new(a.MachineTotal + b.MachineTotal, a.MachineBusy + b.MachineBusy, a.Service + b.Service, a.PostgreSql + b.PostgreSql);

    // A phase under a fifth of a second of the machine's ticks (both cores' 100 a second) has too few to share out: the
    // 150 requests of { __typename } take about 50 ms, and once read "50% other processes" from nine ticks.
    private const long FewestTicks = 40;

    public CpuShare? Share()
    {
        if (MachineTotal < FewestTicks) return null;
        double total = MachineTotal;
        return new CpuShare(Service / total, PostgreSql / total, Math.Max(0, MachineBusy - Service - PostgreSql) / total,
            TimeSpan.FromSeconds((double)Service / TicksPerSecond), TimeSpan.FromSeconds((double)PostgreSql / TicksPerSecond));
    }
}

/// <summary>
/// Splits the machine's CPU time during a phase between this process, the PostgreSQL cluster and
/// everything else, from Linux's /proc. On a small shared machine "everything else" is the number
/// that says whether a run can be trusted. Elsewhere it measures nothing.
/// </summary>
internal sealed class CpuMeter(int postmasterPid)
{
    private static bool Available => File.Exists("/proc/stat");

    public async Task<(T Result, CpuTicks Cpu)> MeasureAsync<T>(Func<Task<T>> work)
    {
        var before = Take();
        var result = await work();
        var after = Take();
        return (result, new CpuTicks(
            after.MachineTotal - before.MachineTotal, after.MachineBusy - before.MachineBusy,
            after.Service - before.Service, after.PostgreSql - before.PostgreSql));
    }

    // All zero where there is no /proc: a share of nothing, reported as n/a.
    private CpuTicks Take()
    {
        if (!Available) return default;
        // "cpu user nice system idle iowait irq softirq steal ...", in clock ticks summed over all cores.
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..9].Select(long.Parse).ToArray();
        var idle = cpu[3] + cpu[4];
        // The postmaster's children that ended are in its own count of them: a parallel query's workers start and end within
        // one request, so a sum of the children alive before and after never sees them. Counted the other way, the evaluation
        // measures' workers had been reported as 28-38% of the machine taken by "other processes". A child alive before
        // and gone after counts once either way: its ticks then, and its whole life in the postmaster's count now.
        long postgres = ReadProcess(postmasterPid)?.EndedChildrenTicks ?? 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            // The postmaster and its children: backends, checkpointer, WAL writer, autovacuum, parallel workers.
            if (int.TryParse(Path.GetFileName(dir), out var pid) && ReadProcess(pid) is { } p && (pid == postmasterPid || p.ParentPid == postmasterPid))
                postgres += p.CpuTicks;
        }
        return new CpuTicks(cpu.Sum(), cpu.Sum() - idle, ReadProcess(Environment.ProcessId)?.CpuTicks ?? 0, postgres);
    }

    /// <summary>The parent of a process, e.g. of a PostgreSQL backend: its postmaster.</summary>
    public static int? ParentOf(int pid) => Available ? ReadProcess(pid)?.ParentPid : null;

    private static (int ParentPid, long CpuTicks, long EndedChildrenTicks)? ReadProcess(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // After "pid (comm) ": state, ppid, ... utime and stime are the 12th and 13th, cutime and cstime (children that ended
            // and were waited for) the 14th and 15th. comm may hold spaces.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (int.Parse(fields[1]), long.Parse(fields[11]) + long.Parse(fields[12]), long.Parse(fields[13]) + long.Parse(fields[14]));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // The process ended between listing and reading.
        }
    }
}
