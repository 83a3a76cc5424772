namespace RJCloud.Benchmarks;

/// <summary>How many requests a run sends: the full run, or a smoke run that only shows every path works.</summary>
internal sealed record RunSize(int WarmUpRequests, int MeasuredRequests, int Rounds, bool IsSmoke)
{
    public const string SmokeOption = "--smoke";

    public const string SmokeWarning =
        "Smoke run (--smoke): a tenth of the requests, in 2 rounds. It shows that every path works with 0 failures; its numbers are not a measurement.";

    // Paths take turns in rounds, so a disturbance from outside falls on all of them rather than on one.
    private static readonly RunSize Full = new(WarmUpRequests: 500, MeasuredRequests: 5_000, Rounds: 5, IsSmoke: false);
    private static readonly RunSize Smoke = new(WarmUpRequests: 100, MeasuredRequests: 500, Rounds: 2, IsSmoke: true);

    public static RunSize? Parse(string[] args) => args switch
    {
        [] => Full,
        [SmokeOption] => Smoke,
        _ => null,
    };
}
