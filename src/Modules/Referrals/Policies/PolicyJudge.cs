using RJCloud.Modules.Referrals.Calendar;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Screening;
using RJCloud.Shared.GraphQL.Mutations;

namespace RJCloud.Modules.Referrals.Policies;

/// <summary>
/// What intake does with the office's policy. A type the office does not take, a route it does not
/// allow, or a missing consent it requires are refused at the door (nothing stored); everything
/// else goes to the coordinator with the pre-check's advice, which never decides on its own.
/// </summary>
internal static class PolicyJudge
{
    public static Judgement Judge(PolicyInForce inForce, ReferralDraft draft, ReferralRoute route, DateOnly receivedOn)
    {
        var policy = inForce.Policy;
        var refusals = new List<UserError>();
        var rules = policy.Types.FirstOrDefault(t => t.Type == draft.Type);
        if (rules is null || !rules.Accepted)
            refusals.Add(UserError.For("REFERRAL_TYPE_NOT_ACCEPTED",
                $"{inForce.Name} does not accept {Words.Of(draft.Type).ToLowerInvariant()} referrals.", "input", "type"));
        else if (!rules.Routes.Contains(route))
            refusals.Add(UserError.For("ROUTE_NOT_ALLOWED",
                $"{inForce.Name} takes {Words.Of(draft.Type).ToLowerInvariant()} referrals only {string.Join(" or ", rules.Routes.Select(Words.Of))}.", "input", "type"));
        else if (route != ReferralRoute.SelfReferral)
            refusals.AddRange(MissingConsents(rules, draft, route));

        var result = PreCheck.Run(policy, Facts(draft, route, receivedOn));
        var preCheck = new PreCheckRecord
        {
            Overall = result.Overall,
            Rules = [.. result.Rules.Select(r => new PreCheckRule(r.Rule, r.Outcome, r.Explanation))],
            RedirectTo = result.RedirectTo?.ToString(),
            RequiresSpecialists = result.RequiresSpecialists,
        };
        return new Judgement(refusals, preCheck, VictimsCodeTimer.DueBy(receivedOn, draft.EnhancedEntitlement));
    }

    /// <summary>Indexes of chosen remedies that are not on the office's menu in this area.</summary>
    public static IReadOnlyList<int> UnavailableRemedies(PolicyInForce inForce, IReadOnlyList<string> codes, string? area)
    {
        var unavailable = PreCheck.UnknownRemedies(inForce.Policy, codes, area).ToHashSet(StringComparer.Ordinal);
        return [.. codes.Select((code, i) => (code, i)).Where(c => unavailable.Contains(c.code)).Select(c => c.i)];
    }

    public static bool AnyRestorative(PolicyInForce inForce, IReadOnlyList<string> codes) =>
        codes.Any(code => PreCheck.IsRestorative(inForce.Policy, code));

    private static IEnumerable<UserError> MissingConsents(ReferralTypeRules rules, ReferralDraft draft, ReferralRoute route)
    {
        for (var i = 0; i < draft.Participants.Count; i++)
        {
            var participant = draft.Participants[i];
            var required = rules.Consent switch
            {
                ConsentRequirement.AllParties => participant.Role != ParticipantRole.Supporter,
                ConsentRequirement.HarmedPerson => participant.Role is ParticipantRole.HarmedPerson or ParticipantRole.BothParties,
                _ => false,
            };
            if (required && !participant.ConsentToShare)
                yield return UserError.For("CONSENT_REQUIRED",
                    $"{Words.Of(draft.Type)} referrals need the consent of {(rules.Consent == ConsentRequirement.AllParties ? "everyone taking part" : "the harmed person")}: " +
                    $"ask {participant.Name} before referring.",
                    route == ReferralRoute.CommunityResolution
                        ? ["input", participant.Role == ParticipantRole.HarmedPerson ? "victimConsentsToReferral" : "offenderConsentsToReferral"]
                        : ["input", "participants", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "consentToShare"]);
        }
    }

    private static ReferralFacts Facts(ReferralDraft draft, ReferralRoute route, DateOnly receivedOn) => new(
        draft.Type, route, receivedOn,
        [.. draft.Participants.Select(p => new ParticipantFacts(p.Role, p.DateOfBirth, p.ConsentToShare, p.AcceptsResponsibility))],
        draft.Details.Concerns.ToHashSet(),
        draft.Details.CourtCase ? draft.Details.Sentenced : null,
        draft.Details.WillingToTakePart,
        draft.Details.Area,
        draft.ChosenRemedies);
}

internal sealed record Judgement(IReadOnlyList<UserError> Refusals, PreCheckRecord PreCheck, DateOnly VictimsCodeDueBy);
