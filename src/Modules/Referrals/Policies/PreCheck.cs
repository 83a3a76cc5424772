using RJCloud.Tenancy.Identity.Partners;

namespace RJCloud.Modules.Referrals.Policies;

/// <summary>Runs an office's criteria over a referral and explains each rule in the office's own terms.</summary>
internal static class PreCheck
{
    public static PreCheckResult Run(ReferralPolicy policy, ReferralFacts facts)
    {
        var results = new List<RuleResult>();
        var cite = $"({policy.Name})";
        var type = policy.Types.FirstOrDefault(t => t.Type == facts.Type);
        if (type is not { Accepted: true })
        {
            results.Add(new("Referral type", RuleOutcome.Fails, $"{Words.Of(facts.Type)} referrals are not accepted {cite}."));
        }
        else
        {
            results.Add(new("Referral type", RuleOutcome.Passes,
                $"{Words.Of(facts.Type)} referrals are accepted {cite}{(type.Eligibility.Count > 0 ? ": " + string.Join("; ", type.Eligibility) : "")}."));
            results.Add(type.Routes.Contains(facts.Route)
                ? new("Route", RuleOutcome.Passes, $"Received {Words.Of(facts.Route)}, which is allowed for {Words.Of(facts.Type)} referrals.")
                : new("Route", RuleOutcome.Fails, $"{Words.Of(facts.Type)} referrals are taken only {string.Join(" or ", type.Routes.Select(Words.Of))} {cite}; this one came {Words.Of(facts.Route)}."));
            results.Add(Timing(type, facts, cite));
            results.Add(Consent(type, facts, cite));
            if (type.ResponsibilityRequired) results.Add(Responsibility(facts, cite));
        }
        results.Add(facts.WillingToTakePart switch
        {
            true => new("Willing to take part", RuleOutcome.Passes, "The referrer says the participant is willing to take part."),
            false => new("Willing to take part", RuleOutcome.Fails, "The participant is not willing to take part, and taking part is voluntary."),
            null => new("Willing to take part", RuleOutcome.NeedsJudgement, "The referrer did not say whether the participant is willing to take part: ask them."),
        });

        PartnerOrganisationKind? redirectTo = null;
        string? specialists = null;
        var concerns = facts.AllConcerns;
        foreach (var concern in concerns.Order())
        {
            var rule = policy.Exclusions.FirstOrDefault(e => e.Concern == concern && (e.UnlessAlso is not { } also || !concerns.Contains(also)));
            var name = Words.Of(concern);
            if (rule is null)
            {
                results.Add(new(name, policy.Triage.AssessByVulnerability ? RuleOutcome.NeedsJudgement : RuleOutcome.Passes,
                    policy.Triage.AssessByVulnerability
                        ? $"The referral involves {name.ToLowerInvariant()}: assess the participants' vulnerability {cite}."
                        : $"The referral involves {name.ToLowerInvariant()}; the criteria do not restrict it {cite}."));
                continue;
            }
            switch (rule.Action)
            {
                case ExclusionAction.Reject:
                    results.Add(new(name, RuleOutcome.Fails, $"{rule.Reason} {cite}"));
                    break;
                case ExclusionAction.Redirect:
                    redirectTo ??= rule.RedirectTo;
                    results.Add(new(name, RuleOutcome.Fails, $"{rule.Reason} Redirect it to the {Words.Of(rule.RedirectTo!.Value)} {cite}."));
                    break;
                case ExclusionAction.AcceptWithSpecialists:
                    specialists ??= rule.Specialism;
                    results.Add(new(name, RuleOutcome.NeedsJudgement, $"{rule.Reason} It needs facilitators trained in {rule.Specialism} {cite}."));
                    break;
                default:
                    results.Add(new(name, RuleOutcome.NeedsJudgement, $"{rule.Reason} {cite}"));
                    break;
            }
        }

        if (policy.Triage.CoordinatorTriagesAll)
            results.Add(new("Triage", RuleOutcome.NeedsJudgement, policy.Triage.DeliveryLevels is { Count: > 0 } levels
                ? $"Coordinators triage every referral and choose how it is delivered: {string.Join(" or ", levels)} {cite}."
                : $"Coordinators triage every referral {cite}."));
        if (policy.Triage.AssessByVulnerability)
            results.Add(new("Vulnerability", RuleOutcome.NeedsJudgement, $"Victims are assessed by their vulnerability, not by the type of crime {cite}."));
        foreach (var code in UnknownRemedies(policy, facts.ChosenRemedies, facts.Area))
            results.Add(new("Community remedy", RuleOutcome.Fails, $"\"{code}\" is not on the Community Remedy menu{(facts.Area is null ? "" : " in " + facts.Area)} {cite}."));
        return new PreCheckResult(results, redirectTo, specialists);
    }

    /// <summary>The chosen codes that are not on the menu, or not offered in this area.</summary>
    public static IReadOnlyList<string> UnknownRemedies(ReferralPolicy policy, IEnumerable<string> codes, string? area)
    {
        var offered = policy.MenuIn(area).Select(o => o.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. codes.Where(code => !offered.Contains(code))];
    }

    public static bool IsRestorative(ReferralPolicy policy, string code) =>
        policy.RemedyMenu.Any(o => o.IsRestorative && string.Equals(o.Code, code, StringComparison.OrdinalIgnoreCase));

    private static RuleResult Timing(ReferralTypeRules type, ReferralFacts facts, string cite)
    {
        if (facts.Concerns.Contains(Concern.CourtCaseInProgress) && type.Timing == ReferralTiming.AfterSentencing)
            return new("Timing", RuleOutcome.Fails, $"{Words.Of(facts.Type)} referrals are accepted only after sentencing {cite}; a court case is in progress.");
        return type.Timing switch
        {
            ReferralTiming.AfterSentencing => facts.Sentenced switch
            {
                true => new("Timing", RuleOutcome.Passes, "The offender has been sentenced."),
                false => new("Timing", RuleOutcome.Fails, $"{Words.Of(facts.Type)} referrals are accepted only after sentencing {cite}; the referrer says the offender has not been sentenced."),
                null => new("Timing", RuleOutcome.NeedsJudgement, $"{Words.Of(facts.Type)} referrals are accepted only after sentencing {cite}: check whether the offender has been sentenced."),
            },
            ReferralTiming.OnceConsentGiven => facts.Participants.All(p => p.ConsentGiven)
                ? new("Timing", RuleOutcome.Passes, "Everyone has consented, so it can start now.")
                : new("Timing", RuleOutcome.NeedsJudgement, "It can start once everyone has consented."),
            _ => new("Timing", RuleOutcome.Passes, $"{Words.Of(facts.Type)} referrals are accepted at any stage."),
        };
    }

    private static RuleResult Consent(ReferralTypeRules type, ReferralFacts facts, string cite)
    {
        var needing = facts.Participants.Where(p => type.Consent switch
        {
            ConsentRequirement.AllParties => p.Role != ParticipantRole.Supporter,
            ConsentRequirement.HarmedPerson => p.Role is ParticipantRole.HarmedPerson or ParticipantRole.BothParties,
            _ => false,
        }).ToList();
        if (needing.Count == 0) return new("Consent", RuleOutcome.Passes, "No consent is required before screening.");
        var missing = needing.Count(p => !p.ConsentGiven);
        return missing == 0
            ? new("Consent", RuleOutcome.Passes, $"Everyone whose consent is required has given it {cite}.")
            : new("Consent", RuleOutcome.NeedsJudgement, $"{missing} of {needing.Count} people whose consent is required have not given it yet {cite}: seek it before contact.");
    }

    private static RuleResult Responsibility(ReferralFacts facts, string cite)
    {
        var responsible = facts.Participants.Where(p => p.Role is ParticipantRole.PersonResponsible or ParticipantRole.BothParties).ToList();
        if (responsible.Count == 0)
            return new("Responsibility", RuleOutcome.NeedsJudgement, $"The person responsible must accept responsibility {cite}, but nobody responsible is named.");
        if (responsible.Any(p => p.AcceptsResponsibility == false))
            return new("Responsibility", RuleOutcome.Fails, $"The person responsible must accept (some) responsibility {cite}; the referrer says they do not.");
        return responsible.All(p => p.AcceptsResponsibility == true)
            ? new("Responsibility", RuleOutcome.Passes, "Responsibility is accepted.")
            : new("Responsibility", RuleOutcome.NeedsJudgement, $"The person responsible must accept (some) responsibility {cite}: not yet known.");
    }
}
