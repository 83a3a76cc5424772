using System.Text.RegularExpressions;

namespace RJCloud.Modules.Commissioning.Money;

/// <summary>A UK public-sector financial year, 1 April to 31 March, named like "2021-22".</summary>
public readonly partial record struct FinancialYear(int StartYear)
{
    public DateOnly FirstDay => new(StartYear, 4, 1);

    public DateOnly LastDay => new(StartYear + 1, 3, 31);

    public string Name => $"{StartYear}-{(StartYear + 1) % 100:00}";

    public bool Contains(DateOnly day) => day >= FirstDay && day <= LastDay;

    public static FinancialYear Of(DateOnly day) => new(day.Month >= 4 ? day.Year : day.Year - 1);

    /// <summary>"2021-22" (or "2021/22"); the second year must follow the first.</summary>
    public static bool TryParse(string? text, out FinancialYear year)
    {
        year = default;
        if (text is null || YearPattern().Match(text.Trim()) is not { Success: true } match) return false;
        var start = int.Parse(match.Groups[1].Value);
        if (start is < 2000 or > 2100 || int.Parse(match.Groups[2].Value) != (start + 1) % 100) return false;
        year = new FinancialYear(start);
        return true;
    }

    public override string ToString() => Name;

    [GeneratedRegex(@"^(\d{4})[-/](\d{2})$")]
    private static partial Regex YearPattern();
}
