using RJCloud.Shared.Time;

namespace RJCloud.Tests.Platform;

/// <summary>Due dates and "overdue" flags count days as the office does: England's calendar, summer time included.</summary>
public sealed class EnglandClockTests
{
    [Theory]
    [InlineData("2026-06-30T22:59:59Z", "2026-06-30")] // 23:59:59 BST
    [InlineData("2026-06-30T23:00:00Z", "2026-07-01")] // midnight BST
    [InlineData("2026-12-31T23:59:59Z", "2026-12-31")] // GMT
    [InlineData("2027-01-01T00:00:00Z", "2027-01-01")]
    [InlineData("2026-03-29T00:59:59Z", "2026-03-29")] // the last second of GMT in spring
    [InlineData("2026-03-28T23:30:00Z", "2026-03-28")]
    [InlineData("2026-10-24T23:30:00Z", "2026-10-25")] // 00:30 BST on the night the clocks go back
    [InlineData("2026-10-25T00:59:59Z", "2026-10-25")] // 01:59:59 BST, the last second of summer time
    [InlineData("2026-10-25T23:30:00Z", "2026-10-25")] // GMT again: 23:30 the same day
    public void Given_an_instant_Then_the_day_is_the_date_in_England(string instant, string day)
    {
        Assert.Equal(DateOnly.Parse(day), EnglandClock.DayOf(DateTimeOffset.Parse(instant)));
    }

    [Fact]
    public void Given_instants_either_side_of_the_clocks_changing_in_any_order_Then_each_gets_its_own_offset()
    {
        var summerEvening = DateTimeOffset.Parse("2026-10-24T23:30:00Z");
        var winterEvening = DateTimeOffset.Parse("2026-10-25T23:30:00Z");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(new DateOnly(2026, 10, 25), EnglandClock.DayOf(summerEvening));
            Assert.Equal(new DateOnly(2026, 10, 25), EnglandClock.DayOf(winterEvening));
            Assert.Equal(new DateOnly(2026, 10, 26), EnglandClock.DayOf(winterEvening.AddMinutes(30)));
        }
    }
}
