using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using RJCloud.Api.GraphQL;
using RJCloud.Shared.Persistence;
using RJCloud.Shared.GraphQL;

namespace RJCloud.Api.Database;

/// <summary>
/// Outside GraphQL execution (tenant lookup, token checks, the token server, sign-in pages, the
/// webhook), a database outage is a 503 problem (application/problem+json), never a 500; a request
/// for /graphql gets the GraphQL error shape its client reads.
/// </summary>
internal sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (DatabaseOutage.CauseOf(exception) is not { } cause) return false;
        DatabaseUnavailable.Prepare(http, cause, logger);
        if (http.Request.Path.StartsWithSegments(GraphQLPath.Value))
        {
            http.Response.ContentType = ResponseMediaType.Negotiate(http.Request) ?? ResponseMediaType.Json;
            await http.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                errors = new[] { new { message = DatabaseUnavailable.Message, extensions = new { code = DatabaseOutage.Code } } },
            }), cancellationToken);
            return true;
        }
        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Database unavailable",
                Detail = DatabaseUnavailable.Message,
                Extensions = { ["code"] = DatabaseOutage.Code },
            },
        });
        if (!written) await http.Response.WriteAsync(DatabaseUnavailable.Message, cancellationToken);
        return true;
    }
}
