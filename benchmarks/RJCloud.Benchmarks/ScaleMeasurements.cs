using Npgsql;
using RJCloud.Api.Database;

namespace RJCloud.Benchmarks;

internal static class ScaleMeasurements
{
    public static Task<string> RunAsync(BenchmarkApp app, HttpClient http, EmbeddedPostgres server, string superuser, SignedInCallers callers,
        GeneratedData data, ScaleOptions options, Action<string> log, CancellationToken ct) => Task.FromResult("");
}
