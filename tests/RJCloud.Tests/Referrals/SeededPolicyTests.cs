using RJCloud.Modules.Referrals.Policies;
using RJCloud.Tenancy.Identity.Partners;

namespace RJCloud.Tests.Referrals;

/// <summary>The same realistic referrals, screened by each office's own criteria, as their documents say.</summary>
public sealed class SeededPolicyTests
{
    private static readonly DateOnly Received = new(2026, 11, 20);

    private static ReferralFacts Referral(ReferralType type, ReferralRoute route = ReferralRoute.Partner, bool? sentenced = null,
        Concern[]? concerns = null, DateOnly? responsibleBorn = null, string? area = null, string[]? remedies = null) => new(
        type, route, Received,
        [
            new ParticipantFacts(ParticipantRole.HarmedPerson, new DateOnly(1970, 4, 2), true, null),
            new ParticipantFacts(ParticipantRole.PersonResponsible, responsibleBorn ?? new DateOnly(1990, 1, 1), true, true),
        ],
        (concerns ?? []).ToHashSet(), sentenced, true, area, remedies ?? []);

    private static RuleResult Rule(PreCheckResult result, string rule) => Assert.Single(result.Rules, r => r.Rule == rule);

    [Fact]
    public void Given_domestic_abuse_after_sentencing_Then_Essex_2015_excludes_it_Essex_2021_needs_specialists_and_Norfolk_and_Durham_leave_it_to_judgement()
    {
        var facts = Referral(ReferralType.CriminalOffence, sentenced: true, concerns: [Concern.DomesticAbuse]);

        var essex2015 = PreCheck.Run(SeedPolicies.Essex2015(), facts);
        var essex2021 = PreCheck.Run(SeedPolicies.Essex2021(), facts);
        var norfolk = PreCheck.Run(SeedPolicies.Norfolk2019(), facts);
        var durham = PreCheck.Run(SeedPolicies.Durham2015(), facts);

        Assert.Equal(RuleOutcome.Fails, essex2015.Overall);
        Assert.Contains("cannot take cases involving domestic abuse", Rule(essex2015, "Domestic abuse").Explanation);
        Assert.Equal(RuleOutcome.NeedsJudgement, essex2021.Overall);
        Assert.Equal("domestic and sexual abuse", essex2021.RequiresSpecialists);
        Assert.Equal(RuleOutcome.NeedsJudgement, norfolk.Overall);
        Assert.Contains("triage every referral", Rule(norfolk, "Triage").Explanation);
        Assert.Equal(RuleOutcome.NeedsJudgement, durham.Overall);
        Assert.Contains("vulnerability", Rule(durham, "Vulnerability").Explanation);
    }

    [Fact]
    public void Given_a_16_year_old_responsible_for_criminal_damage_Then_Essex_redirects_to_the_youth_offending_service()
    {
        var facts = Referral(ReferralType.LowLevelCrime, responsibleBorn: Received.AddYears(-16));

        var essex = PreCheck.Run(SeedPolicies.Essex2015(), facts);
        var durham = PreCheck.Run(SeedPolicies.Durham2015(), facts);

        Assert.Equal(PartnerOrganisationKind.YouthOffending, essex.RedirectTo);
        Assert.Equal(RuleOutcome.Fails, Rule(essex, "Young person").Outcome);
        Assert.Null(durham.RedirectTo);
    }

    [Fact]
    public void Given_a_young_person_in_a_domestic_case_Then_Essex_2021_no_longer_redirects_but_Essex_2015_does()
    {
        var facts = Referral(ReferralType.CriminalOffence, sentenced: true, concerns: [Concern.DomesticAbuse], responsibleBorn: Received.AddYears(-17));

        Assert.Equal(PartnerOrganisationKind.YouthOffending, PreCheck.Run(SeedPolicies.Essex2015(), facts).RedirectTo);
        Assert.Null(PreCheck.Run(SeedPolicies.Essex2021(), facts).RedirectTo);
    }

    [Fact]
    public void Given_a_criminal_offence_not_yet_sentenced_Then_Essex_fails_it_on_timing_and_Norfolk_does_not()
    {
        var facts = Referral(ReferralType.CriminalOffence, sentenced: false);

        var essex = PreCheck.Run(SeedPolicies.Essex2015(), facts);

        Assert.Equal(RuleOutcome.Fails, Rule(essex, "Timing").Outcome);
        Assert.Contains("only after sentencing", Rule(essex, "Timing").Explanation);
        Assert.Equal(RuleOutcome.Passes, Rule(PreCheck.Run(SeedPolicies.Norfolk2019(), facts), "Timing").Outcome);
    }

    [Fact]
    public void Given_a_neighbour_dispute_from_the_public_Then_Essex_takes_it_only_through_a_partner()
    {
        var facts = Referral(ReferralType.NeighbourDispute, route: ReferralRoute.SelfReferral);

        Assert.Equal(RuleOutcome.Fails, Rule(PreCheck.Run(SeedPolicies.Essex2015(), facts), "Route").Outcome);
        Assert.Equal(RuleOutcome.Passes, Rule(PreCheck.Run(SeedPolicies.Durham2015(), facts), "Route").Outcome);
    }

    [Fact]
    public void Given_mediation_chosen_outside_LPA_West_Then_Essex_2015_did_not_offer_it_there_but_Essex_2021_does()
    {
        Assert.Equal(["mediation"], PreCheck.UnknownRemedies(SeedPolicies.Essex2015(), ["mediation", "words-of-warning"], "LPA South"));
        Assert.Empty(PreCheck.UnknownRemedies(SeedPolicies.Essex2015(), ["mediation"], "LPA West"));
        Assert.Empty(PreCheck.UnknownRemedies(SeedPolicies.Essex2021(), ["mediation"], "LPA South"));
        Assert.True(PreCheck.IsRestorative(SeedPolicies.Essex2021(), "restorative-justice-activity"));
        Assert.False(PreCheck.IsRestorative(SeedPolicies.Essex2021(), "words-of-warning"));
    }

    [Fact]
    public void Given_a_person_responsible_who_denies_it_Then_Essex_fails_responsibility_and_Durham_does_not_require_it()
    {
        var facts = Referral(ReferralType.AntiSocialBehaviour) with
        {
            Participants = [new ParticipantFacts(ParticipantRole.HarmedPerson, null, true, null), new ParticipantFacts(ParticipantRole.PersonResponsible, null, true, false)],
        };

        Assert.Equal(RuleOutcome.Fails, Rule(PreCheck.Run(SeedPolicies.Essex2015(), facts), "Responsibility").Outcome);
        Assert.DoesNotContain(PreCheck.Run(SeedPolicies.Durham2015(), facts).Rules, r => r.Rule == "Responsibility");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Given_a_seeded_policy_Then_it_is_valid_and_reads_back_from_its_json_unchanged(string name)
    {
        var policy = SeedsByName[name]();

        var json = ReferralPolicyJson.Serialize(policy);

        Assert.Empty(policy.Validate());
        Assert.Equal(json, ReferralPolicyJson.Serialize(ReferralPolicyJson.Deserialize(json)));
    }

    [Fact]
    public void Given_a_policy_with_a_type_twice_and_a_redirect_to_nowhere_Then_validation_names_both()
    {
        var policy = SeedPolicies.Essex2015() with
        {
            Types = [.. SeedPolicies.Essex2015().Types, SeedPolicies.Essex2015().Types[0]],
            Exclusions = [new Exclusion(Concern.FireRelated, ExclusionAction.Redirect, "Fire")],
        };

        var problems = policy.Validate();

        Assert.Contains(problems, p => p.Path == "types");
        Assert.Contains(problems, p => p.Path == "exclusions.0.redirectTo");
    }

    private static readonly Dictionary<string, Func<ReferralPolicy>> SeedsByName = new()
    {
        ["Essex 2015"] = SeedPolicies.Essex2015, ["Essex 2021"] = SeedPolicies.Essex2021,
        ["Norfolk 2019"] = SeedPolicies.Norfolk2019, ["Durham 2015"] = SeedPolicies.Durham2015,
    };

    public static TheoryData<string> Seeds => [.. SeedsByName.Keys];
}
