using RJCloud.Modules.Referrals.Calendar;

namespace RJCloud.Tests.Referrals;

/// <summary>England and Wales bank holidays as gov.uk publishes them, and the Victims' Code timer over them.</summary>
public sealed class CalendarTests
{
    public static TheoryData<int, string[]> Published => new()
    {
        { 2022, ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"] },
        { 2023, ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"] },
        { 2024, ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"] },
        { 2025, ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"] },
        { 2026, ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"] },
        { 2027, ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"] },
        { 2020, ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"] },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void Given_a_year_Then_its_bank_holidays_are_those_gov_uk_published(int year, string[] expected)
    {
        Assert.Equal(expected.Select(DateOnly.Parse).Order(), EnglandAndWalesBankHolidays.For(year).Order());
    }

    [Theory]
    [InlineData("2026-11-20", false, "2026-11-27")] // Friday + 5 working days
    [InlineData("2026-11-20", true, "2026-11-24")]  // enhanced: 2 working days
    [InlineData("2026-11-21", true, "2026-11-25")]  // received on a Saturday: counts from Monday
    [InlineData("2026-04-02", true, "2026-04-08")]  // over Good Friday and Easter Monday
    [InlineData("2026-12-23", false, "2027-01-04")] // over Christmas, Boxing Day (substitute Monday 28th) and New Year
    public void Given_a_referral_received_on_a_day_Then_the_victims_code_deadline_skips_weekends_and_bank_holidays(string received, bool enhanced, string due)
    {
        Assert.Equal(DateOnly.Parse(due), VictimsCodeTimer.DueBy(DateOnly.Parse(received), enhanced));
    }
}
