using RJCloud.Modules.Referrals.Screening;

namespace RJCloud.Modules.Referrals.Notifications;

/// <summary>What the referrer is told of a screening decision: the reference and the decision, never participants' details.</summary>
internal sealed record ReferrerNotification(string Reference, ScreeningOutcome Outcome, string? Reason, string? RedirectedTo)
{
    public const string Kind = "referrerNotification";
}
