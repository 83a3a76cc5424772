namespace RJCloud.Modules.Referrals.Intake;

public enum ReferralStatus
{
    /// <summary>Waiting for a coordinator's screening decision.</summary>
    Received,

    /// <summary>The coordinator asked the referrer for more information.</summary>
    AwaitingInformation,

    Accepted,

    Rejected,

    /// <summary>Sent on to another agency (e.g. the youth offending service).</summary>
    Redirected,
}

/// <summary>Why the referrer is referring (appendix E: "Why are you referring this case?").</summary>
public enum ReferralReason { SelfReferral, Caution, CommunityRemedy, AntiSocialBehaviour, ConditionalCaution, Other }

public enum Sex { Female, Male, NotSaid }
