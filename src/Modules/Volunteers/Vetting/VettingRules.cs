using RJCloud.Modules.Volunteers.Pool;

namespace RJCloud.Modules.Volunteers.Vetting;

/// <summary>
/// Which checks a practitioner needs and how long each lasts (appendix C3 defaults: DBS and police
/// vetting renewed every 12 months, national security vetting reviewed every 5 years).
/// </summary>
internal sealed record VettingRules
{
    public static readonly VettingRules Defaults = new();

    public int DbsMonths { get; init; } = 12;

    public int PoliceVettingMonths { get; init; } = 12;

    public int NationalSecurityVettingMonths { get; init; } = 60;

    public IReadOnlyList<VettingKind> Required { get; init; } = [VettingKind.Dbs, VettingKind.PoliceVetting];

    public IReadOnlyList<int> ReminderDays { get; init; } = [60, 30, 7];

    public int MonthsOf(VettingKind kind) => kind switch
    {
        VettingKind.Dbs => DbsMonths,
        VettingKind.PoliceVetting => PoliceVettingMonths,
        _ => NationalSecurityVettingMonths,
    };

    /// <summary>Whether the practitioner may be given a case on this day, and every reason why not.</summary>
    public Allocatability Judge(Practitioner practitioner, IReadOnlyCollection<VettingCheck> checks, DateOnly day)
    {
        var reasons = new List<string>();
        if (practitioner.Status != PractitionerStatus.Active) reasons.Add($"Their status is {Describe(practitioner.Status)}, not active.");
        foreach (var kind in Required)
        {
            var latest = checks.Where(c => c.Kind == kind).OrderByDescending(c => c.IssuedOn).FirstOrDefault();
            if (latest is null) reasons.Add($"No {Describe(kind)} on record.");
            else if (latest.Outcome != VettingOutcome.Clear) reasons.Add($"Their latest {Describe(kind)} was not clear.");
            else if (latest.ExpiresOn <= day) reasons.Add($"Their {Describe(kind)} expired on {latest.ExpiresOn:d MMMM yyyy}.");
            else if (latest.IssuedOn > day) reasons.Add($"Their {Describe(kind)} only starts on {latest.IssuedOn:d MMMM yyyy}.");
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

internal sealed record Allocatability(bool Allocatable, IReadOnlyList<string> Reasons);
