using GraphQL;
using GraphQLParser.AST;
using RJCloud.Tenancy.Audit.SensitiveReads;

namespace RJCloud.Api.GraphQL;

/// <summary>The purpose an operation states with @purpose, as the audit trail keeps it: "CASE_WORK" or "COMPLAINT: CMP-2026-014".</summary>
internal static class StatedPurpose
{
    public static string? Of(GraphQLOperationDefinition? operation, Inputs? variables)
    {
        var directive = operation?.Directives?.Items.FirstOrDefault(d => d.Name.Value == PurposeDirective.DirectiveName);
        if (directive is null) return null;
        var reason = ValueOf(directive, "reason", variables);
        var detail = ValueOf(directive, "detail", variables);
        return string.IsNullOrWhiteSpace(detail) ? reason : $"{reason}: {detail.Trim()}";
    }

    public static string? ValueOf(GraphQLDirective directive, string argument, Inputs? variables) =>
        directive.Arguments?.Items.FirstOrDefault(a => a.Name.Value == argument)?.Value switch
        {
            GraphQLEnumValue value => value.Name.StringValue,
            GraphQLStringValue value => value.Value.ToString(),
            GraphQLVariable variable when variables?.TryGetValue(variable.Name.StringValue, out var value) == true => value?.ToString(),
            _ => null,
        };
}
