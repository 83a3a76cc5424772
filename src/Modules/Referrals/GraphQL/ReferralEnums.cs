using GraphQL.Types;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Modules.Referrals.Screening;

namespace RJCloud.Modules.Referrals.GraphQL;

internal sealed class ReferralTypeType : EnumerationGraphType<ReferralType>
{
    public ReferralTypeType()
    {
        Name = "ReferralType";
        Description = "What the referral is about (the office's referral criteria list what it accepts of each).";
    }
}

internal sealed class ReferralRouteType : EnumerationGraphType<ReferralRoute>
{
    public ReferralRouteType()
    {
        Name = "ReferralRoute";
        Description = "How it reached the office: a partner agency, a police Community Resolution (CRA1), the public form, or staff entry.";
    }
}

internal sealed class ReferralStatusType : EnumerationGraphType<ReferralStatus>
{
    public ReferralStatusType() => Name = "ReferralStatus";
}

internal sealed class ReferralReasonType : EnumerationGraphType<ReferralReason>
{
    public ReferralReasonType()
    {
        Name = "ReferralReason";
        Description = "Why the referrer is referring (referral form: self-referral, caution, community remedy, ASB, conditional caution, other).";
    }
}

internal sealed class ParticipantRoleType : EnumerationGraphType<ParticipantRole>
{
    public ParticipantRoleType()
    {
        Name = "ParticipantRole";
        Description = "HARMED_PERSON, PERSON_RESPONSIBLE, BOTH_PARTIES (a neighbour dispute with no clear victim or offender) or SUPPORTER.";
    }
}

internal sealed class ConcernType : EnumerationGraphType<Concern>
{
    public ConcernType()
    {
        Name = "Concern";
        Description = "A matter the referral criteria treat specially: domestic or sexual abuse, a young person, a court case in progress, fire...";
    }
}

internal sealed class RuleOutcomeType : EnumerationGraphType<RuleOutcome>
{
    public RuleOutcomeType() => Name = "RuleOutcome";
}

internal sealed class ScreeningOutcomeType : EnumerationGraphType<ScreeningOutcome>
{
    public ScreeningOutcomeType() => Name = "ScreeningOutcome";
}

internal sealed class SexType : EnumerationGraphType<Sex>
{
    public SexType() => Name = "Sex";
}
