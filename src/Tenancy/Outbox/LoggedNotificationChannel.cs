using Microsoft.Extensions.Logging;

namespace RJCloud.Tenancy.Outbox;

/// <summary>Until e-mail is wired, a notification is a structured log line: its kind and the record's id, no one's details.</summary>
internal sealed class LoggedNotificationChannel(ILogger<LoggedNotificationChannel> logger) : INotificationChannel
{
    public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        logger.LogInformation("Notification {Kind} delivered about {SubjectId} (message {MessageId})", message.Kind, message.SubjectId, message.Id);
        return Task.CompletedTask;
    }
}
