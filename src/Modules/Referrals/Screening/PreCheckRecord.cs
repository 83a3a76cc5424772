using RJCloud.Modules.Referrals.Policies;

namespace RJCloud.Modules.Referrals.Screening;

/// <summary>The stored outcome of the automatic pre-check: one explained result per rule.</summary>
internal sealed record PreCheckRecord
{
    public required RuleOutcome Overall { get; init; }

    public required IReadOnlyList<PreCheckRule> Rules { get; init; }

    /// <summary>Where an exclusion says to send it, e.g. YouthOffendingService.</summary>
    public string? RedirectTo { get; init; }

    /// <summary>The specialist training its facilitators need, e.g. "domestic abuse".</summary>
    public string? RequiresSpecialists { get; init; }
}

internal sealed record PreCheckRule(string Rule, RuleOutcome Outcome, string Explanation);
