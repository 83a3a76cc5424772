using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.Options;

namespace RJCloud.Api.GraphQL;

/// <summary>
/// Outside Development, errors carry no exception types, stack traces, SQL or "did you mean"
/// hints (which would let a stranger map the schema field by field).
/// </summary>
internal sealed partial class SafeErrorInfoProvider(IHostEnvironment environment, IHttpContextAccessor http, IOptions<GraphQLOptions> options)
    : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = environment.IsDevelopment(), ExposeData = false })
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        var extensions = info.Extensions ?? new Dictionary<string, object?>();
        if (executionError is UnhandledError)
        {
            var correlationId = http.HttpContext?.TraceIdentifier;
            extensions["code"] = "INTERNAL_ERROR";
            extensions["correlationId"] = correlationId;
            extensions.Remove("codes");
            return new ErrorInfo
            {
                Message = $"Something went wrong on our side and nothing was changed. If it keeps happening, quote reference {correlationId}.",
                Extensions = environment.IsDevelopment() ? info.Extensions : extensions,
            };
        }
        if (executionError is TimeoutError)
            return new ErrorInfo
            {
                Message = $"The request took longer than the {options.Value.ExecutionTimeoutSeconds} seconds allowed and was stopped. Ask for fewer records, or try again later.",
                Extensions = info.Extensions,
            };
        var message = environment.IsDevelopment() ? info.Message : DidYouMean().Replace(info.Message, "");
        return new ErrorInfo { Message = message, Extensions = info.Extensions };
    }

    [GeneratedRegex(@"\s*Did you mean .*$", RegexOptions.Singleline)]
    private static partial Regex DidYouMean();
}
