using RJCloud.Modules.Volunteers.Pool;

namespace RJCloud.Modules.Volunteers.Vetting;

/// <summary>
/// The office's rules for who may take a case, set by its tenant admin. The defaults are appendix C3's
/// and the Restorative Justice Council's practitioner requirements: DBS and police vetting renewed every
/// 12 months, national security vetting reviewed every 5 years, case supervision at least every 12
/// weeks, one observed practice a year, and yearly CPD hours by level; reminders 60, 30 and 7 days
/// before a check expires; mileage at the HMRC approved rate of 45p a mile.
/// </summary>
internal sealed record CompliancePolicy
{
    public static readonly CompliancePolicy Defaults = new();

    public int DbsMonths { get; init; } = 12;

    public int PoliceVettingMonths { get; init; } = 12;

    public int NationalSecurityVettingMonths { get; init; } = 60;

    public IReadOnlyList<VettingKind> RequiredChecks { get; init; } = [VettingKind.Dbs, VettingKind.PoliceVetting];

    /// <summary>Days before a check's expiry on which a reminder is sent, e.g. 60, 30 and 7.</summary>
    public IReadOnlyList<int> ReminderDays { get; init; } = [60, 30, 7];

    /// <summary>0 when the office does not require it.</summary>
    public int SupervisionEveryWeeks { get; init; } = 12;

    /// <summary>0 when the office does not require it.</summary>
    public int ObservedPracticeEveryMonths { get; init; } = 12;

    /// <summary>The practitioner levels the office uses, each with the CPD hours it needs a year; the first is a new practitioner's.</summary>
    public IReadOnlyList<CpdRequirement> CpdHoursByLevel { get; init; } =
        [new("Facilitator", 6), new("RJC registered practitioner", 12), new("RJC accredited practitioner", 18)];

    public decimal MileageRatePence { get; init; } = 45;

    public int MonthsOf(VettingKind kind) => kind switch
    {
        VettingKind.Dbs => DbsMonths,
        VettingKind.PoliceVetting => PoliceVettingMonths,
        _ => NationalSecurityVettingMonths,
    };

    public CpdRequirement? Level(string? name) =>
        CpdHoursByLevel.FirstOrDefault(l => string.Equals(l.Level, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the practitioner may be given a case on this day, and every reason why not.</summary>
    public Allocatability Judge(Practitioner practitioner, IReadOnlyCollection<VettingCheck> checks, PracticeRecord practice, DateOnly day)
    {
        var reasons = new List<string>();
        if (practitioner.Status != PractitionerStatus.Active) reasons.Add($"Their status is {Describe(practitioner.Status)}, not active.");
        foreach (var kind in RequiredChecks)
        {
            var latest = checks.Where(c => c.Kind == kind).OrderByDescending(c => c.IssuedOn).FirstOrDefault();
            if (latest is null) reasons.Add($"No {Describe(kind)} on record.");
            else if (latest.Outcome != VettingOutcome.Clear) reasons.Add($"Their latest {Describe(kind)} was not clear.");
            else if (latest.ExpiresOn <= day) reasons.Add($"Their {Describe(kind)} expired on {latest.ExpiresOn:d MMMM yyyy}.");
            else if (latest.IssuedOn > day) reasons.Add($"Their {Describe(kind)} only starts on {latest.IssuedOn:d MMMM yyyy}.");
        }
        // The RJC requirements count from the start of their practice: a new practitioner has the first period to meet each.
        if (practitioner.StartDate is { } started)
        {
            if (SupervisionEveryWeeks > 0 && (practice.LastSupervision ?? started).AddDays(7 * SupervisionEveryWeeks) <= day)
                reasons.Add(practice.LastSupervision is { } last
                    ? $"Their last case supervision was on {last:d MMMM yyyy}; it is needed every {SupervisionEveryWeeks} weeks."
                    : $"No case supervision since they started; it is needed every {SupervisionEveryWeeks} weeks.");
            if (ObservedPracticeEveryMonths > 0 && (practice.LastObservedPractice ?? started).AddMonths(ObservedPracticeEveryMonths) <= day)
                reasons.Add(practice.LastObservedPractice is { } observed
                    ? $"Their practice was last observed on {observed:d MMMM yyyy}; it is needed every {ObservedPracticeEveryMonths} months."
                    : $"Their practice has not been observed since they started; it is needed every {ObservedPracticeEveryMonths} months.");
            if (Level(practitioner.Level) is { HoursPerYear: > 0 } level && started.AddYears(1) <= day && practice.CpdHoursInYear < level.HoursPerYear)
                reasons.Add($"{practice.CpdHoursInYear:0.##} CPD hours in the last 12 months; a {level.Level} needs {level.HoursPerYear:0.##}.");
        }
        return new Allocatability(reasons.Count == 0, reasons);
    }

    public static string Describe(VettingKind kind) => kind switch
    {
        VettingKind.Dbs => "DBS check",
        VettingKind.PoliceVetting => "police vetting",
        _ => "national security vetting",
    };

    private static string Describe(PractitionerStatus status) => status switch
    {
        PractitionerStatus.InTraining => "in training",
        _ => status.ToString().ToLowerInvariant(),
    };
}

internal sealed record CpdRequirement(string Level, decimal HoursPerYear);

/// <summary>What a practitioner's own record shows on a day: their last case supervision and observed practice, and CPD hours in the 12 months to it.</summary>
internal sealed record PracticeRecord(DateOnly? LastSupervision, DateOnly? LastObservedPractice, decimal CpdHoursInYear)
{
    public static readonly PracticeRecord None = new(null, null, 0);
}

internal sealed record Allocatability(bool Allocatable, IReadOnlyList<string> Reasons);
