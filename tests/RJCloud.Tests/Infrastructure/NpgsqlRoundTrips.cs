using System.Diagnostics.Metrics;

namespace RJCloud.Tests.Infrastructure;

/// <summary>
/// Npgsql's own count of what it sent to PostgreSQL and waited for: one per command or batch (its
/// db.client.operation.duration metric). Only the measured flow is counted, not other tests running beside it.
/// </summary>
public static class NpgsqlRoundTrips
{
    private static readonly AsyncLocal<bool> Counting = new();

    public static async Task<(T Result, int RoundTrips)> CountAsync<T>(Func<Task<T>> act)
    {
        var roundTrips = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Npgsql" && instrument.Name == "db.client.operation.duration") l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<double>((_, _, _, _) =>
        {
            if (Counting.Value) Interlocked.Increment(ref roundTrips);
        });
        listener.Start();
        Counting.Value = true;
        var result = await act();
        Counting.Value = false;
        return (result, Volatile.Read(ref roundTrips));
    }
}
