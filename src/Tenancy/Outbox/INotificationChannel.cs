namespace RJCloud.Tenancy.Outbox;

/// <summary>How a notification leaves the service. Today a log line; e-mail (GOV.UK Notify or SMTP) implements the same.</summary>
public interface INotificationChannel
{
    /// <exception cref="Exception">Delivery failed; the outbox tries again later.</exception>
    Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}
