using System.Diagnostics.Metrics;

namespace RJCloud.Benchmarks;

/// <summary>
/// Counts the commands Npgsql sends (its db.client.operation.duration metric), including those that
/// EF Core's X-Sql-Commands count does not see, such as a connection interceptor's set_config.
/// Listened to only while probing, so the measured phases run without the listener's cost.
/// </summary>
internal static class CommandCounter
{
    private const int Requests = 20;

    public static async Task<double> PerRequestAsync(Scenario scenario, SeededTenants tenants, CancellationToken cancellationToken)
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
        if (scenario.Token is { } token) await token.KeepFreshAsync(cancellationToken);
        listener.Start();
        for (var n = 0; n < Requests; n++) await scenario.SendAsync(tenants[n].Identifier, cancellationToken);
        listener.Dispose();
        // After the count: the check sends a request of its own.
        if (scenario.Token is { } used) await used.ConfirmAcceptedAsync(cancellationToken);
        return (double)Volatile.Read(ref commands) / Requests;
    }
}
