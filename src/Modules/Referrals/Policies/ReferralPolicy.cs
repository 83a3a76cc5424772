using RJCloud.Tenancy.Identity.Partners;

namespace RJCloud.Modules.Referrals.Policies;

/// <summary>
/// An office's referral criteria, as its tenant admin configures them: which types it accepts and
/// how, what it excludes or redirects, its Community Remedy menu, and how its coordinators triage.
/// </summary>
internal sealed record ReferralPolicy
{
    public required string Name { get; init; }

    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>The document the criteria come from, e.g. "Essex RJ hub pilot guidance manual, appendix D".</summary>
    public string? Source { get; init; }

    public required IReadOnlyList<ReferralTypeRules> Types { get; init; }

    public IReadOnlyList<Exclusion> Exclusions { get; init; } = [];

    public IReadOnlyList<RemedyOptionRule> RemedyMenu { get; init; } = [];

    public Triage Triage { get; init; } = new();

    public IReadOnlyList<RemedyOptionRule> MenuIn(string? area) =>
        [.. RemedyMenu.Where(o => o.Areas is not { Count: > 0 } areas || (area is not null && areas.Contains(area, StringComparer.OrdinalIgnoreCase)))];

    public IReadOnlyList<PolicyProblem> Validate()
    {
        var problems = new List<PolicyProblem>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200) problems.Add(new("name", "Give the criteria a name of at most 200 characters."));
        foreach (var type in Types.GroupBy(t => t.Type).Where(g => g.Count() > 1))
            problems.Add(new("types", $"{type.Key} is listed more than once."));
        for (var i = 0; i < Types.Count; i++)
            if (Types[i].Accepted && Types[i].Routes.Count == 0)
                problems.Add(new($"types.{i}.routes", $"{Types[i].Type} is accepted but through no route."));
        foreach (var concern in Exclusions.GroupBy(e => e.Concern).Where(g => g.Count() > 1))
            problems.Add(new("exclusions", $"{concern.Key} has more than one rule."));
        for (var i = 0; i < Exclusions.Count; i++)
        {
            if (Exclusions[i].Action == ExclusionAction.Redirect && Exclusions[i].RedirectTo is null)
                problems.Add(new($"exclusions.{i}.redirectTo", "Say which kind of agency to redirect to."));
            if (Exclusions[i].Action == ExclusionAction.AcceptWithSpecialists && string.IsNullOrWhiteSpace(Exclusions[i].Specialism))
                problems.Add(new($"exclusions.{i}.specialism", "Say which specialist training the facilitators need."));
        }
        foreach (var code in RemedyMenu.GroupBy(o => o.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add(new("remedyMenu", $"The remedy code \"{code.Key}\" is used more than once."));
        for (var i = 0; i < RemedyMenu.Count; i++)
            if (string.IsNullOrWhiteSpace(RemedyMenu[i].Code) || string.IsNullOrWhiteSpace(RemedyMenu[i].Label))
                problems.Add(new($"remedyMenu.{i}", "Each remedy needs a code and a label."));
        return problems;
    }
}

/// <param name="Eligibility">The rules in plain words, shown to coordinators and referrers.</param>
internal sealed record ReferralTypeRules(
    ReferralType Type,
    bool Accepted,
    ReferralTiming Timing,
    IReadOnlyList<ReferralRoute> Routes,
    ConsentRequirement Consent,
    bool ResponsibilityRequired,
    IReadOnlyList<string> Eligibility);

internal enum ReferralTiming { AnyStage, AfterSentencing, OnceConsentGiven }

internal enum ConsentRequirement { None, HarmedPerson, AllParties }

internal enum ExclusionAction { Reject, Redirect, AcceptWithSpecialists, CoordinatorJudgement }

/// <param name="UnlessAlso">The rule does not apply when the referral also involves this (Essex 2021: young people in domestic cases).</param>
internal sealed record Exclusion(
    Concern Concern,
    ExclusionAction Action,
    string Reason,
    PartnerOrganisationKind? RedirectTo = null,
    string? Specialism = null,
    Concern? UnlessAlso = null);

/// <param name="Areas">Where it is offered; empty means everywhere.</param>
internal sealed record RemedyOptionRule(string Code, string Label, bool IsRestorative, IReadOnlyList<string>? Areas = null);

/// <param name="CoordinatorTriagesAll">Coordinators triage every referral (Norfolk 2019).</param>
/// <param name="AssessByVulnerability">Victims are assessed by vulnerability rather than crime type (Durham 2015).</param>
/// <param name="DeliveryLevels">e.g. "full conference", "street RJ".</param>
internal sealed record Triage(bool CoordinatorTriagesAll = false, bool AssessByVulnerability = false, IReadOnlyList<string>? DeliveryLevels = null);

internal sealed record PolicyProblem(string Path, string Message);
