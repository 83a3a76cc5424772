using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Stripe;

namespace RJCloud.Tenancy.Billing.Events;

/// <summary>
/// Receives Stripe's events: checks the signature and its age, stores the event as received (once,
/// whatever the number of deliveries) and answers at once. Nothing is processed here: the processor
/// does that from the table, so a crash after the answer loses nothing.
/// </summary>
internal static class StripeWebhookEndpoint
{
    public const string Path = "/billing/stripe/webhook";
    private const int MaxBytes = 512 * 1024;

    public static async Task<IResult> HandleAsync(HttpContext http, IOptions<BillingOptions> options, NpgsqlDataSource dataSource,
        TimeProvider clock, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(StripeWebhookEndpoint));
        var secret = options.Value.WebhookSecret;
        if (string.IsNullOrWhiteSpace(secret))
            return Results.Json(new { error = "BILLING_NOT_CONFIGURED" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        if (http.Request.ContentLength > MaxBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBytes;

        string payload;
        try
        {
            using var reader = new StreamReader(http.Request.Body);
            payload = await reader.ReadToEndAsync(http.RequestAborted);
        }
        catch (BadHttpRequestException)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var now = clock.GetUtcNow();
        var signature = http.Request.Headers["Stripe-Signature"].ToString();
        if (Refusal(payload, signature, secret, options.Value.SignatureToleranceSeconds, now) is { } reason)
        {
            logger.LogWarning("Stripe webhook refused: {Reason} signature", reason);
            return Results.Json(new { error = "INVALID_SIGNATURE" }, statusCode: StatusCodes.Status400BadRequest);
        }
        if (StripeEventJson.Envelope(payload) is not var (id, type, created))
        {
            logger.LogWarning("Stripe webhook refused: a signed payload that is not an event");
            return Results.Json(new { error = "NOT_AN_EVENT" }, statusCode: StatusCodes.Status400BadRequest);
        }

        var stored = await StoreAsync(dataSource, BillingEvent.Received(id, type, created, payload, now), http.RequestAborted);
        logger.LogInformation("Stripe event {EventId} ({EventType}) {Receipt}", id, type, stored ? "received" : "already received");
        return Results.Json(new { received = true });
    }

    /// <summary>Why the signature is refused (forged or stale), or null when it is Stripe's and recent.</summary>
    private static string? Refusal(string payload, string header, string secret, int tolerance, DateTimeOffset now)
    {
        var nowSeconds = now.ToUnixTimeSeconds();
        try
        {
            EventUtility.ValidateSignature(payload, header, secret, tolerance, nowSeconds);
            return null;
        }
        catch (StripeException)
        {
            var signedAt = header.Split(',').Select(part => part.Split('=', 2)).Where(kv => kv is ["t", _])
                .Select(kv => long.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : (long?)null).FirstOrDefault();
            return signedAt is { } t && Math.Abs(nowSeconds - t) > tolerance ? "stale" : "forged";
        }
    }

    private static async Task<bool> StoreAsync(NpgsqlDataSource dataSource, BillingEvent received, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO tenancy.{BillingEventConfiguration.Table} (id, type, occurred_at, payload, received_at, attempts, next_attempt_at)
            VALUES (@id, @type, @occurred, @payload, @received, 0, @received)
            ON CONFLICT (id) DO NOTHING
            """);
        command.Parameters.AddWithValue("id", received.Id);
        command.Parameters.AddWithValue("type", received.Type);
        command.Parameters.AddWithValue("occurred", received.OccurredAt);
        command.Parameters.AddWithValue("payload", received.Payload);
        command.Parameters.AddWithValue("received", received.ReceivedAt);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
