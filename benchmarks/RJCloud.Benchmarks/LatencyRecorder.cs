using System.Diagnostics;

namespace RJCloud.Benchmarks;

/// <summary>
/// Every request's latency in one measured phase. All samples are kept and sorted, so the
/// percentiles are exact (nearest rank), not estimated from buckets.
/// </summary>
internal sealed class LatencyRecorder(int capacity)
{
    private readonly long[] samples = new long[capacity];
    private int count;
    private int failures;

    public void Record(long elapsedTicks, bool succeeded)
    {
        // Workers record concurrently: each sample gets its own slot.
        samples[Interlocked.Increment(ref count) - 1] = elapsedTicks;
        if (!succeeded) Interlocked.Increment(ref failures);
    }

    public LatencyStats Summarise(TimeSpan wallTime)
    {
        var sorted = samples[..count];
        Array.Sort(sorted);
        return new LatencyStats(
            Requests: count,
            Failures: failures,
            RequestsPerSecond: count / wallTime.TotalSeconds,
            MeanMs: count == 0 ? 0 : ToMs(sorted.Average(s => (double)s)),
            P50Ms: Percentile(sorted, 50),
            P95Ms: Percentile(sorted, 95),
            P99Ms: Percentile(sorted, 99),
            MaxMs: count == 0 ? 0 : ToMs(sorted[^1]));
    }

    private static double Percentile(long[] sorted, double percent)
    {
        if (sorted.Length == 0) return 0;
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return ToMs(sorted[Math.Clamp(rank, 1, sorted.Length) - 1]);
    }

    private static double ToMs(double ticks) => ticks * 1000 / Stopwatch.Frequency;
}

internal sealed record LatencyStats(
    int Requests, int Failures, double RequestsPerSecond, double MeanMs, double P50Ms, double P95Ms, double P99Ms, double MaxMs);
