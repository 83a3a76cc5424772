using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Referrals.Policies;

/// <summary>
/// One published version of an office's referral criteria. Versions are never edited: a change is a
/// new version with its own effective date, so every referral can be judged, and re-read, under
/// the policy in force on the day it was received.
/// </summary>
internal sealed class PolicyVersion : ITenantOwned
{
    private PolicyVersion() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public int Version { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The policy as JSON (ReferralPolicyJson); stored whole so a version reads back exactly as published.</summary>
    public string Document { get; private set; } = "";

    public DateTimeOffset PublishedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    public static PolicyVersion Publish(int version, DateOnly effectiveFrom, string name, string document, string? publishedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Version = version,
        EffectiveFrom = effectiveFrom,
        Name = name,
        Document = document,
        PublishedAt = now,
        PublishedBy = publishedBy,
    };
}
