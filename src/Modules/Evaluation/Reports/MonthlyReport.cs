using RJCloud.Modules.Evaluation.Measures;

namespace RJCloud.Modules.Evaluation.Reports;

/// <summary>The monthly update to partners: each figure for the month and for the financial year to date, with how it is counted.</summary>
internal static class MonthlyReport
{
    public static ReportTable Build(string office, DateOnly month, MeasureSet thisMonth, MeasureSet yearToDate)
    {
        var sets = new[] { thisMonth, yearToDate };
        List<ReportLine> lines =
        [
            new("Referrals", "Referrals received", [.. sets.Select(s => ReportTable.Number(s.Referrals))]),
            .. Breakdowns("Referrals by route", sets, s => s.ByRoute),
            .. Breakdowns("Referrals by type", sets, s => s.ByType),
            .. Breakdowns("Referrals by partner", sets, s => s.ByPartner),
            .. Breakdowns("Referrals by area", sets, s => s.ByArea),
            .. Breakdowns("Outcomes of referrals received", sets, s => s.ByOutcome),
            new("Progress", "Referrals completed (conversion)", [.. sets.Select(s => ReportTable.Rate(s.Conversion))]),
            new("Progress", "Decided within the Victims' Code time", [.. sets.Select(s => ReportTable.Rate(s.VictimsCodeTimeliness))]),
            new("Progress", "Time from referral to first contact", [.. sets.Select(s => ReportTable.Days(s.DaysToFirstContact))]),
            new("Progress", "Time from referral to closure", [.. sets.Select(s => ReportTable.Days(s.DaysToClosure))]),
            new("Progress", "Victims supported", [.. sets.Select(s => ReportTable.Number(s.VictimsSupported))]),
            new("Participants' views", "Victim satisfaction", [.. sets.Select(s => s.VictimSatisfaction.Responses == 0 ? "No figure"
                : $"{ReportTable.Percent(s.VictimSatisfaction.Percent)} ({s.VictimSatisfaction.Satisfied} of {s.VictimSatisfaction.Responses}; target {s.VictimSatisfaction.TargetPercent:0.#}%)")]),
            new("Participants' views", "Would recommend restorative justice", [.. sets.Select(s => ReportTable.Rate(s.WouldRecommend))]),
            new("Participants' views", "Change in victim empathy score", [.. sets.Select(s => s.Empathy.MeanChange is { } c
                ? $"{c:+0.0;-0.0;0.0} (from {s.Empathy.MeanStart:0.0} to {s.Empathy.MeanEnd:0.0}, {s.Empathy.People} people)" : "No figure")]),
            new("Reoffending", "Reoffended after a completed case", [.. sets.Select(s => ReportTable.Rate(s.Reoffending.Completed))]),
            new("Reoffending", "Reoffended when the referral did not go ahead", [.. sets.Select(s => ReportTable.Rate(s.Reoffending.NotCompleted))]),
        ];
        var firstDay = new DateOnly(month.Year, month.Month, 1);
        return new ReportTable($"{office}: restorative justice monthly report, {firstDay:MMMM yyyy}",
            $"This month {firstDay:d MMMM} to {firstDay.AddMonths(1).AddDays(-1):d MMMM yyyy}; financial year to date from {yearToDate.Filter.From:d MMMM yyyy}.",
            ["This month", "Financial year to date"], lines, Definitions);
    }

    private static IEnumerable<ReportLine> Breakdowns(string section, MeasureSet[] sets, Func<MeasureSet, IReadOnlyList<Breakdown>> of) =>
        sets.SelectMany(s => of(s).Select(b => (b.Key, b.Label))).Distinct().OrderBy(k => k.Label, StringComparer.Ordinal)
            .Select(k => new ReportLine(section, k.Label, [.. sets.Select(s => ReportTable.Number(of(s).FirstOrDefault(b => b.Key == k.Key)?.Count ?? 0))]));

    public static readonly IReadOnlyList<(string, string)> Definitions =
    [
        ("Referrals received", MeasureSet.ReferralsDefinition),
        ("Outcomes", "Fixed categories in every office: awaiting screening, awaiting information, rejected, redirected, in progress, completed face to face, "
            + "completed indirectly (letters or shuttle mediation), closed not completed. Each office's own closure reasons are listed beside them where shown."),
        ("Referrals completed (conversion)", MeasureSet.ConversionDefinition),
        ("Victims' Code time", MeasureSet.VictimsCodeDefinition),
        ("Time to first contact", MeasureSet.FirstContactDefinition),
        ("Time to closure", MeasureSet.ClosureDefinition),
        ("Victims supported", MeasureSet.VictimsSupportedDefinition),
        ("Victim satisfaction", Satisfaction.Definition),
        ("Would recommend", MeasureSet.RecommendDefinition),
        ("Victim empathy", MeasureSet.EmpathyDefinition),
        ("Reoffending", MeasureSet.ReoffendingDefinition),
    ];
}
