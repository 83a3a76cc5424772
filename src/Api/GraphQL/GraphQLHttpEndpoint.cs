using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;
using RJCloud.Api.Database;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Audit;
using RJCloud.Tenancy.Audit.SensitiveReads;
using Serilog;

namespace RJCloud.Api.GraphQL;

/// <summary>
/// POST/GET /graphql, hand-written because GraphQL.Server cannot be installed here (ADR 0002).
/// Every refusal happens before execution, so a refused request runs no SQL.
/// </summary>
internal sealed class GraphQLHttpEndpoint(
    IDocumentExecuter<RJCloudSchema> executer,
    IGraphQLTextSerializer serializer,
    GraphQLRequestReader reader,
    ValidatedDocuments validated,
    IOptions<GraphQLOptions> options,
    IDiagnosticContext diagnostics,
    IAuditLog audit,
    SensitiveReadLog sensitiveReads,
    ILogger<GraphQLHttpEndpoint> logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        if (ResponseMediaType.Negotiate(http.Request) is not { } mediaType)
        {
            await WriteProblemAsync(http, new RequestProblem(StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE",
                $"This endpoint answers with {ResponseMediaType.GraphQLResponse} or {ResponseMediaType.Json}."), ResponseMediaType.Json);
            return;
        }

        var (request, problem) = await reader.ReadAsync(http.Request, cancellationToken);
        if (problem is not null)
        {
            await WriteProblemAsync(http, problem, mediaType);
            return;
        }

        var known = validated.Find(request!.Query!);
        GraphQLDocument document;
        try
        {
            document = known?.Document ?? Parser.Parse(request.Query!, new ParserOptions { MaxDepth = 64 });
        }
        catch (GraphQLParserException e)
        {
            await WriteProblemAsync(http, RequestProblem.BadRequest("SYNTAX_ERROR", $"The query cannot be parsed: {e.Description} (line {e.Location.Line}, column {e.Location.Column})."), mediaType);
            return;
        }

        var operation = FindOperation(document, request.OperationName);
        diagnostics.Set("GraphQLOperation", operation?.Name?.StringValue ?? request.OperationName);
        if (HttpMethods.IsGet(http.Request.Method) && operation?.Operation is OperationType.Mutation or OperationType.Subscription)
        {
            http.Response.Headers.Allow = "POST";
            await WriteProblemAsync(http, new RequestProblem(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED",
                "Mutations must be sent with POST."), mediaType);
            return;
        }

        using var counting = SqlCommandCounter.BeginScope(out var commands);
        try
        {
            await ExecuteAsync(http, request, document, known?.Plan, operation, mediaType, commands);
        }
        catch (Exception e) when (DatabaseOutage.CauseOf(e) is { } cause && !http.Response.HasStarted)
        {
            await WriteDatabaseUnavailableAsync(http, cause, operation, mediaType);
        }
    }

    private async Task ExecuteAsync(HttpContext http, GraphQLRequest request, GraphQLDocument document, DocumentPlan? plan,
        GraphQLOperationDefinition? operation, string mediaType, SqlCommandCounter commands)
    {
        var cancellationToken = http.RequestAborted;
        var learning = plan is null ? new DocumentPlan.Builder() : null;
        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = request.Query,
                Document = document,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                RequestServices = http.RequestServices,
                User = http.User,
                UserContext = new Dictionary<string, object?>
                {
                    [SensitiveReadLog.UserContextKey] = sensitiveReads,
                    [DocumentPlan.Key] = (object?)plan ?? learning,
                },
                CancellationToken = cancellationToken,
                // The registered rules (field access, page size, purpose, complexity) are appended to this list as the
                // execution is configured; for a document that passed before, they are all that apply, and its plan judges
                // them unless it cannot vouch for this request (ValidatedDocuments, PlannedDocumentValidator).
                ValidationRules = plan is not null ? [] : null,
                Timeout = TimeSpan.FromSeconds(options.Value.ExecutionTimeoutSeconds),
                TimeoutAction = TimeoutAction.ReturnTimeoutError,
                UnhandledExceptionDelegate = context =>
                {
                    // An outage is answered (and logged once) as a whole below, not field by field.
                    if (!DatabaseOutage.IsCause(context.OriginalException))
                        logger.LogError(context.OriginalException, "Unhandled error in GraphQL field {Field} (correlation {CorrelationId})",
                            context.FieldContext?.FieldDefinition.Name, http.TraceIdentifier);
                    return Task.CompletedTask;
                },
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return; // The client went away: nobody is left to answer.
        }
        if (result.Executed && learning?.Build() is { } learned) validated.Remember(request.Query!, document, learned);

        // Whatever else resolved, an answer with a piece missing for want of the database is no answer: 503, try again.
        if (result.Errors?.Select(e => DatabaseOutage.CauseOf(e.InnerException)).FirstOrDefault(c => c is not null) is { } outage)
        {
            await WriteDatabaseUnavailableAsync(http, outage, operation, mediaType);
            return;
        }
        if (await RecordSensitiveReadsAsync(StatedPurpose.Of(operation, request.Variables)) is { } auditFailure)
        {
            if (DatabaseOutage.CauseOf(auditFailure) is { } cause)
                await WriteDatabaseUnavailableAsync(http, cause, operation, mediaType);
            else
                await WriteProblemAsync(http, new RequestProblem(StatusCodes.Status503ServiceUnavailable, "AUDIT_UNAVAILABLE",
                    "These records cannot be shown now because reading them could not be recorded. Try again in a moment."), mediaType);
            return;
        }
        if (options.Value.ExposeSqlCommandCount) http.Response.Headers["X-Sql-Commands"] = commands.Count.ToString();
        if (result.Errors?.Any(e => e.Code is FieldAccessValidationRule.Forbidden or FieldAccessValidationRule.Unauthenticated) == true)
            await audit.RecordAsync(new AuditEvent($"refused:{operation?.Name?.StringValue ?? "anonymous operation"}", AuditEvent.Refused), CancellationToken.None);
        http.Response.StatusCode = StatusFor(result);
        http.Response.ContentType = mediaType;
        await serializer.WriteAsync(http.Response.Body, result, cancellationToken);
    }

    private Task WriteDatabaseUnavailableAsync(HttpContext http, Exception cause, GraphQLOperationDefinition? operation, string mediaType)
    {
        DatabaseUnavailable.Prepare(http, cause, logger);
        var message = operation?.Operation == OperationType.Mutation ? DatabaseUnavailable.ChangeMessage : DatabaseUnavailable.Message;
        return WriteProblemAsync(http, new RequestProblem(StatusCodes.Status503ServiceUnavailable, DatabaseOutage.Code, message), mediaType);
    }

    // Special-category records are shown only once their reading is on the audit trail.
    // Returns why they could not be recorded, or null when they were.
    private async Task<Exception?> RecordSensitiveReadsAsync(string? purpose)
    {
        try
        {
            await audit.RecordAsync(
                [.. sensitiveReads.Drain().Select(read => new AuditEvent($"read:{read.TypeName}", AuditEvent.Succeeded, read.RecordIds, purpose))],
                CancellationToken.None);
            return null;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            if (!DatabaseOutage.IsCause(e)) logger.LogError(e, "Sensitive reads could not be audited; the answer was withheld");
            return e;
        }
    }

    private static GraphQLOperationDefinition? FindOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return string.IsNullOrEmpty(operationName)
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }

    // GraphQL over HTTP: a request that never executed (unparsable, invalid, bad variables) is a 400.
    private static int StatusFor(ExecutionResult result)
    {
        if (result.Errors?.Any(e => e is TimeoutError) == true) return StatusCodes.Status408RequestTimeout;
        if (result.Errors?.Any(e => e.Code == FieldAccessValidationRule.Unauthenticated) == true) return StatusCodes.Status401Unauthorized;
        if (result.Errors?.Any(e => e.Code == FieldAccessValidationRule.Forbidden) == true) return StatusCodes.Status403Forbidden;
        return result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
    }

    private async Task WriteProblemAsync(HttpContext http, RequestProblem problem, string mediaType)
    {
        http.Response.StatusCode = problem.StatusCode;
        http.Response.ContentType = mediaType;
        var error = new ExecutionError(problem.Message) { Code = problem.Code };
        await serializer.WriteAsync(http.Response.Body, new ExecutionResult { Errors = [error], Executed = false }, http.RequestAborted);
    }
}
