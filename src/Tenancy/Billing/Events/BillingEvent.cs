namespace RJCloud.Tenancy.Billing.Events;

/// <summary>
/// A Stripe event exactly as received, stored before it is answered: Stripe's event id is the key, so
/// a second delivery of the same event stores nothing, and an event received just before a crash is
/// still there to process afterwards.
/// </summary>
public sealed class BillingEvent
{
    private BillingEvent(string id, string type, DateTimeOffset occurredAt, string payload, DateTimeOffset receivedAt)
    {
        Id = id;
        Type = type;
        OccurredAt = occurredAt;
        Payload = payload;
        ReceivedAt = receivedAt;
        NextAttemptAt = receivedAt;
    }

    /// <summary>Stripe's event id, e.g. evt_1Q...</summary>
    public string Id { get; private set; }

    public string Type { get; private set; }

    /// <summary>When Stripe created the event: the order in which changes happened.</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    public string Payload { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    /// <summary>applied, outdated (an older change than the one in force), ignored (a type billing does not use) or unmatched (no office).</summary>
    public string? Outcome { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public static BillingEvent Received(string id, string type, DateTimeOffset occurredAt, string payload, DateTimeOffset now) =>
        new(id, type, occurredAt, payload, now);

    public void Processed(string outcome, DateTimeOffset now)
    {
        Outcome = outcome;
        ProcessedAt = now;
        Attempts++;
    }

    /// <summary>Tried again later, backing off up to an hour; the error is its type name, never a payload.</summary>
    public void Failed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error;
        NextAttemptAt = now.AddSeconds(Math.Min(3600, 5 * Math.Pow(2, Math.Min(Attempts, 10))));
    }
}
