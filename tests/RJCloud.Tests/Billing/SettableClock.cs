namespace RJCloud.Tests.Billing;

/// <summary>The service's clock, moved forward by tests: real time plus whatever has been skipped.</summary>
public sealed class SettableClock : TimeProvider
{
    private long skippedTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref skippedTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref skippedTicks, by.Ticks);
}
