namespace RJCloud.Tenancy.Outbox;

/// <summary>How a notification leaves the service. Today a log line; e-mail (GOV.UK Notify or SMTP) implements the same.</summary>
public interface INotificationChannel
{
    /// <exception cref="Exception">Delivery failed; the outbox tries again later.</exception>
    Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Another module's handler for one kind of outbox message (an event such as "caseClosed"), run in the
/// message's office before the channel delivers it. A failure leaves the message to be tried again,
/// so a subscriber must be idempotent.
/// </summary>
public interface IOutboxSubscriber
{
    string Kind { get; }

    Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}
