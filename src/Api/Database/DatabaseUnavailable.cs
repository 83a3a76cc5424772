using RJCloud.Shared.Persistence;

namespace RJCloud.Api.Database;

/// <summary>
/// The one answer to a request that could not reach PostgreSQL: 503 with Retry-After and code
/// DATABASE_UNAVAILABLE, and one warning in the log naming the cause by SQLSTATE or type (never a
/// message, which can quote data). The service is not restarted; the next request tries again.
/// </summary>
internal static class DatabaseUnavailable
{
    public const int RetryAfterSeconds = 5;

    /// <summary>Marks the request, for its log line: the warning below already tells the story.</summary>
    public const string Marker = "rjcloud:database-unavailable";

    public const string Message = "The service cannot reach its database just now. Nothing was changed; try again in a few seconds.";

    // A commit cut off by the outage may have reached the disk before the connection broke, so a change is never promised as undone.
    public const string ChangeMessage = "The service cannot reach its database just now, so your change was not confirmed. " +
        "Try again in a few seconds, with the same idempotency key or after checking it is not already there, so that it is not made twice.";

    public static void Prepare(HttpContext http, Exception cause, ILogger logger)
    {
        http.Items[Marker] = true;
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        logger.LogWarning("Database unreachable ({DatabaseError}): {Method} {Path} answered 503 {ErrorCode} (correlation {CorrelationId})",
            DatabaseOutage.Describe(cause), http.Request.Method, http.Request.PathBase + http.Request.Path, DatabaseOutage.Code, http.TraceIdentifier);
    }
}
