using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Referrals.Notifications;

/// <summary>
/// A notification written in the same transaction as the change it reports, and delivered
/// afterwards by the outbox worker: if the process stops in between, it is delivered on restart.
/// </summary>
internal sealed class OutboxMessage : ITenantOwned
{
    private OutboxMessage() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Kind { get; private set; } = "";

    /// <summary>The referral the message is about.</summary>
    public Guid ReferralId { get; private set; }

    /// <summary>What to say, as JSON: references, decisions and reasons, never participants' details.</summary>
    public string Payload { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public string? LastError { get; private set; }

    public static OutboxMessage Create(string kind, Guid referralId, string payload, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Kind = kind,
        ReferralId = referralId,
        Payload = payload,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public void Delivered(DateTimeOffset now) => DeliveredAt = now;

    public void Failed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        NextAttemptAt = now + TimeSpan.FromSeconds(Math.Min(3600, 15 * Math.Pow(2, Attempts - 1)));
    }
}
