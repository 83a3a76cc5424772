using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace RJCloud.Modules.Referrals.Notifications;

/// <summary>Until e-mail is wired, a notification is a structured log line: references and decisions only, no one's details.</summary>
internal sealed class LoggedNotificationChannel(ILogger<LoggedNotificationChannel> logger) : INotificationChannel
{
    public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Kind == ReferrerNotification.Kind && JsonSerializer.Deserialize<ReferrerNotification>(message.Payload) is { } notification)
            logger.LogInformation("Referrer told of screening decision {Outcome} on referral {ReferralId} ({Reference})",
                notification.Outcome, message.ReferralId, notification.Reference);
        else
            logger.LogInformation("Notification {Kind} delivered for referral {ReferralId}", message.Kind, message.ReferralId);
        return Task.CompletedTask;
    }
}
