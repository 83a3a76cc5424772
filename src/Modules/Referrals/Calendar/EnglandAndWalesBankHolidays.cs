namespace RJCloud.Modules.Referrals.Calendar;

/// <summary>
/// Bank holidays in England and Wales, computed from the rules rather than listed per year: the
/// fixed days with their substitutes, Easter, the May and August Mondays, and the one-off changes
/// made by proclamation (moved or added days for jubilees, the 2022 state funeral, the 2023 coronation).
/// </summary>
internal static class EnglandAndWalesBankHolidays
{
    private static readonly Dictionary<int, (DateOnly Usual, DateOnly Moved)> Moved = new()
    {
        [1995] = (new(1995, 5, 1), new(1995, 5, 8)),     // early May moved for VE Day's 50th anniversary
        [2020] = (new(2020, 5, 4), new(2020, 5, 8)),     // early May moved for VE Day's 75th anniversary
        [2002] = (new(2002, 5, 27), new(2002, 6, 4)),    // spring moved for the Golden Jubilee
        [2012] = (new(2012, 5, 28), new(2012, 6, 4)),    // spring moved for the Diamond Jubilee
        [2022] = (new(2022, 5, 30), new(2022, 6, 2)),    // spring moved for the Platinum Jubilee
    };

    private static readonly DateOnly[] Added =
    [
        new(1999, 12, 31), new(2002, 6, 3), new(2011, 4, 29), new(2012, 6, 5), new(2022, 6, 3), new(2022, 9, 19), new(2023, 5, 8),
    ];

    public static IReadOnlySet<DateOnly> For(int year)
    {
        var days = new HashSet<DateOnly>
        {
            Substitute(new DateOnly(year, 1, 1)),
            EasterSunday(year).AddDays(-2),
            EasterSunday(year).AddDays(1),
            FirstMonday(year, 5),
            LastMonday(year, 5),
            LastMonday(year, 8),
        };
        var christmas = new DateOnly(year, 12, 25);
        var boxingDay = new DateOnly(year, 12, 26);
        // Substitutes: Christmas on Saturday → Monday 27th (Boxing Day Tuesday 28th); on Sunday → Boxing Day Monday, Christmas Tuesday 27th.
        (christmas, boxingDay) = christmas.DayOfWeek switch
        {
            DayOfWeek.Friday => (christmas, new DateOnly(year, 12, 28)),
            DayOfWeek.Saturday => (new DateOnly(year, 12, 27), new DateOnly(year, 12, 28)),
            DayOfWeek.Sunday => (new DateOnly(year, 12, 27), boxingDay),
            _ => (christmas, boxingDay),
        };
        days.Add(christmas);
        days.Add(boxingDay);
        if (Moved.TryGetValue(year, out var moved) && days.Remove(moved.Usual)) days.Add(moved.Moved);
        foreach (var extra in Added.Where(d => d.Year == year)) days.Add(extra);
        return days;
    }

    public static bool IsBankHoliday(DateOnly day) => For(day.Year).Contains(day);

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly Substitute(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(1);
        return day;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(-1);
        return day;
    }
}
