namespace RJCloud.Api.GraphQL;

/// <summary>A request refused before execution: the HTTP status and a message the client can act on.</summary>
internal sealed record RequestProblem(int StatusCode, string Code, string Message)
{
    public static RequestProblem BadRequest(string code, string message) => new(StatusCodes.Status400BadRequest, code, message);
}
