using RJCloud.Tenancy.Identity.Partners;
using static RJCloud.Modules.Referrals.Policies.ReferralRoute;

namespace RJCloud.Modules.Referrals.Policies;

/// <summary>The demo offices' criteria, each from its own published document in ../shared/seeds.</summary>
internal static class SeedPolicies
{
    private static readonly ReferralRoute[] AnyRoute = [Partner, CommunityResolution, SelfReferral, Staff];
    private const string WestOnly = "LPA West";

    /// <summary>Essex RJ hub pilot, from 31 March 2015: the guidance manual's appendix D criteria and appendix F/G menu.</summary>
    public static ReferralPolicy Essex2015() => new()
    {
        Name = "Essex RJ Hub criteria 2015",
        EffectiveFrom = new DateOnly(2015, 3, 31),
        Source = "Essex RJ hub pilot guidance manual: 'The process' and appendices D, F and G",
        Types = EssexTypes(),
        Exclusions =
        [
            new(Concern.DomesticAbuse, ExclusionAction.Reject, "The RJ hub cannot take cases involving domestic abuse."),
            new(Concern.SexualOffence, ExclusionAction.Reject, "The RJ hub cannot take cases involving sexual offences."),
            new(Concern.SeriousOrComplex, ExclusionAction.Reject, "Serious or complex offences (e.g. murder) are not taken."),
            new(Concern.YoungPerson, ExclusionAction.Redirect, "Cases involving youth offenders are sent on to the youth offending service.", PartnerOrganisationKind.YouthOffending),
            new(Concern.FireRelated, ExclusionAction.Redirect, "Fire-related cases go to the fire service's own RJ team.", PartnerOrganisationKind.FireService),
            new(Concern.CourtCaseInProgress, ExclusionAction.Reject, "Cases involving courts cannot be progressed until sentencing has been imposed."),
            new(Concern.SchoolsWork, ExclusionAction.Reject, "The hub does not take work in schools."),
            new(Concern.FamilyGroupConferencing, ExclusionAction.Reject, "The hub does not take family group conferencing."),
        ],
        // Appendix F: mediation, apology and RJ activity "LPA WEST may refer to RJ Hub" during the pilot.
        RemedyMenu = Menu(restorativeAreas: [WestOnly]),
    };

    /// <summary>
    /// Essex from 28 June 2021 (decision 085-21): domestic-abuse referrals are taken, co-worked by
    /// specially trained practitioners, and young people may be referred in domestic cases; the
    /// menu is offered countywide.
    /// </summary>
    public static ReferralPolicy Essex2021() => Essex2015() with
    {
        Name = "Essex Restorative Mediation Service criteria 2021",
        EffectiveFrom = new DateOnly(2021, 6, 28),
        Source = "Essex PFCC decision 085-21 (domestic abuse case consultant for ERMS), paragraphs 4.1 to 4.3",
        Exclusions =
        [
            new(Concern.DomesticAbuse, ExclusionAction.AcceptWithSpecialists,
                "Domestic abuse cases are accepted and worked by practitioners trained in domestic and sexual abuse.", Specialism: "domestic and sexual abuse"),
            new(Concern.SexualOffence, ExclusionAction.AcceptWithSpecialists,
                "Cases involving sexual abuse are worked only by practitioners trained in domestic and sexual abuse.", Specialism: "domestic and sexual abuse"),
            new(Concern.SeriousOrComplex, ExclusionAction.CoordinatorJudgement, "Complex and sensitive cases may need an experienced co-worker."),
            new(Concern.YoungPerson, ExclusionAction.Redirect, "Youth offenders are referred to the youth offending service, except in domestic cases.",
                PartnerOrganisationKind.YouthOffending, UnlessAlso: Concern.DomesticAbuse),
            new(Concern.FireRelated, ExclusionAction.Redirect, "Fire-related cases go to the fire service's own RJ team.", PartnerOrganisationKind.FireService),
            new(Concern.CourtCaseInProgress, ExclusionAction.Reject, "Cases involving courts cannot be progressed until sentencing has been imposed."),
        ],
        RemedyMenu = Menu(restorativeAreas: null),
    };

    /// <summary>
    /// Norfolk Constabulary's in-house RJ service from 4 November 2019 (decision 2019/57): two
    /// coordinators triage every referral; 8 staff deliver full conferences and 22 "street RJ".
    /// The decision lists no types or exclusions, so every type is taken at any stage with the
    /// parties' consent and responsibility, and abuse cases are left to the coordinators' judgement.
    /// </summary>
    public static ReferralPolicy Norfolk2019() => new()
    {
        Name = "Norfolk Constabulary RJ service 2019",
        EffectiveFrom = new DateOnly(2019, 11, 4),
        Source = "Norfolk PCC decision 2019/57; types and exclusions assumed where the decision is silent",
        Types = [.. Enum.GetValues<ReferralType>().Select(t => new ReferralTypeRules(t, true, ReferralTiming.AnyStage, AnyRoute,
            ConsentRequirement.AllParties, true, ["Consent of the parties; the person responsible accepts responsibility"]))],
        Exclusions =
        [
            new(Concern.DomesticAbuse, ExclusionAction.CoordinatorJudgement, "Domestic abuse: a coordinator decides whether and how it can be done safely."),
            new(Concern.SexualOffence, ExclusionAction.CoordinatorJudgement, "Sexual offences: a coordinator decides whether and how it can be done safely."),
        ],
        RemedyMenu = Menu(restorativeAreas: null),
        Triage = new(CoordinatorTriagesAll: true, DeliveryLevels: ["full restorative conference", "street RJ"]),
    };

    /// <summary>
    /// County Durham and Darlington from 20 October 2015 (Police and Crime Panel update): victims'
    /// needs are assessed by vulnerability rather than crime type, so no type is turned away on
    /// its own; volunteers work in Newton Aycliffe, Peterlee and Chester-le-Street.
    /// </summary>
    public static ReferralPolicy Durham2015() => new()
    {
        Name = "County Durham and Darlington RJ 2015",
        EffectiveFrom = new DateOnly(2015, 10, 20),
        Source = "County Durham and Darlington PCP report 'Update on Restorative Justice Activities', 20 October 2015, paragraph 22",
        Types = [.. Enum.GetValues<ReferralType>().Select(t => new ReferralTypeRules(t, true, ReferralTiming.AnyStage, AnyRoute,
            ConsentRequirement.HarmedPerson, false, ["Assessed by the victim's vulnerability, not by crime type"]))],
        RemedyMenu = Menu(restorativeAreas: null),
        Triage = new(AssessByVulnerability: true),
    };

    private static IReadOnlyList<ReferralTypeRules> EssexTypes() =>
    [
        new(ReferralType.NeighbourDispute, true, ReferralTiming.AnyStage, [Partner], ConsentRequirement.AllParties, true,
            ["Must have a criminal or ASB element", "If there is no clear victim or offender, both accept some responsibility", "Consent of both parties sought"]),
        new(ReferralType.CommunityRemedy, true, ReferralTiming.OnceConsentGiven, [CommunityResolution, Partner, Staff], ConsentRequirement.AllParties, true,
            ["Consent of both parties", "CRA1 form", "Perpetrator takes responsibility"]),
        new(ReferralType.AntiSocialBehaviour, true, ReferralTiming.AnyStage, AnyRoute, ConsentRequirement.AllParties, true,
            ["Consent sought", "Perpetrator takes responsibility"]),
        new(ReferralType.LowLevelCrime, true, ReferralTiming.AnyStage, AnyRoute, ConsentRequirement.AllParties, true,
            ["Consent sought", "Perpetrator takes responsibility"]),
        new(ReferralType.CriminalOffence, true, ReferralTiming.AfterSentencing, AnyRoute, ConsentRequirement.AllParties, true,
            ["Consent sought", "Perpetrator takes responsibility", "Not domestic violence, sexual offending or serious/complex offences", "Only after sentencing"]),
    ];

    /// <summary>The Community Remedy menu of appendix G, in its order.</summary>
    private static IReadOnlyList<RemedyOptionRule> Menu(IReadOnlyList<string>? restorativeAreas) =>
    [
        new("mediation", "Mediation between the victim and perpetrator", true, restorativeAreas),
        new("apology", "A verbal or written apology from the perpetrator to the victim", true, restorativeAreas),
        new("words-of-warning", "Words of warning or advice from a police officer or PCSO", false),
        new("acceptable-behaviour-contract", "An Acceptable Behaviour Contract", false),
        new("restorative-justice-activity", "Taking part in a restorative justice activity", true, restorativeAreas),
        new("reparation", "Reparation to the community, e.g. unpaid work", false),
        new("financial-compensation", "Paying the victim for damage or stolen property (theft and damage only)", false),
        new("structured-activity", "Structured educational or rehabilitative activity", false),
    ];
}
