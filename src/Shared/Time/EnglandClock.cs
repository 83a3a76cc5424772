namespace RJCloud.Shared.Time;

/// <summary>Days as the offices count them: the calendar date in England, whatever the server's time zone.</summary>
public static class EnglandClock
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    // England's clocks change at 01:00 UTC, on the hour, so one UTC hour has one offset: it is looked up once an hour,
    // not for every row of a list (a referral's "overdue" flag asks for today; the zone conversion was 5% of the
    // service's CPU on the referral inbox under load).
    private sealed record HourOffset(long Hour, TimeSpan Offset);

    private static HourOffset? lastHour;

    public static DateOnly Today(this TimeProvider clock) => DayOf(clock.GetUtcNow());

    public static DateOnly DayOf(DateTimeOffset instant)
    {
        var hour = instant.UtcTicks / TimeSpan.TicksPerHour;
        var known = Volatile.Read(ref lastHour);
        if (known is null || known.Hour != hour) Volatile.Write(ref lastHour, known = new HourOffset(hour, London.GetUtcOffset(instant)));
        return DateOnly.FromDateTime(instant.UtcDateTime + known.Offset);
    }
}
