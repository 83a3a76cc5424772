using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;
using RJCloud.Shared.GraphQL.Relay;

namespace RJCloud.Api.GraphQL;

/// <summary>first/last must be 1 to 100 on every connection: refused during validation, so no SQL runs.</summary>
internal sealed class PageSizeValidationRule : ValidationRuleBase
{
    private static readonly string[] PageArguments = ["first", "last"];

    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLField>((field, validation) =>
        {
            if (validation.ArgumentValues is null || !validation.ArgumentValues.TryGetValue(field, out var arguments)) return;
            foreach (var (name, size) in OutOfRange(arguments))
                validation.ReportError(new ValidationError(validation.Document.Source, "5.6.1",
                    $"'{name}' on field '{field.Name.StringValue}' must be between 1 and {PageRequest.MaxSize}; it was {size}.", field)
                { Code = "PAGE_SIZE" });
        }));

    /// <summary>The page arguments of one field that are outside 1 to 100.</summary>
    public static IEnumerable<(string Name, int Size)> OutOfRange(IDictionary<string, ArgumentValue> arguments)
    {
        foreach (var name in PageArguments)
            if (arguments.TryGetValue(name, out var argument) && argument.Value is int size && size is < 1 or > PageRequest.MaxSize)
                yield return (name, size);
    }
}
