using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;
using RJCloud.Tenancy.Audit.SensitiveReads;

namespace RJCloud.Api.GraphQL;

/// <summary>
/// A request that selects any field of a special-category type must say why, with @purpose on the
/// operation; without it nothing runs, so there is never a sensitive read without a stated purpose.
/// </summary>
internal sealed class PurposeValidationRule : ValidationRuleBase
{
    public const string PurposeRequired = "PURPOSE_REQUIRED";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (DirectiveOf(context.Operation) is not null) return default;
        var reported = false;
        return new(new MatchingNodeVisitor<GraphQLField>((node, validation) =>
        {
            if (reported || validation.TypeInfo.GetParentType()?.GetNamedType() is not { } parent || !parent.HoldsSpecialCategoryData()) return;
            reported = true;
            validation.ReportError(new ValidationError(validation.Document.Source, "rjcloud.purpose",
                $"'{parent.Name}' records hold special-category data: say why you are reading them with @purpose(reason: ...) on the operation.",
                node) { Code = PurposeRequired });
        }));
    }

    // After variables are known, so a detail sent as a variable is held to the same limit.
    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        if (DirectiveOf(context.Operation) is { } directive && DetailTooLong(directive, context.Variables))
            context.ReportError(new ValidationError(context.Document.Source, "rjcloud.purpose",
                $"The purpose's detail is limited to {PurposeDirective.MaxDetailLength} characters.", directive) { Code = "PURPOSE_DETAIL_TOO_LONG" });
        return default;
    }

    /// <summary>Whether the operation states a purpose whose detail is over the limit.</summary>
    public static bool DetailTooLong(GraphQLOperationDefinition operation, Inputs? variables) =>
        DirectiveOf(operation) is { } directive && DetailTooLong(directive, variables);

    private static bool DetailTooLong(GraphQLDirective directive, Inputs? variables) =>
        StatedPurpose.ValueOf(directive, "detail", variables) is { Length: > PurposeDirective.MaxDetailLength };

    private static GraphQLDirective? DirectiveOf(GraphQLOperationDefinition operation) =>
        operation.Directives?.Items.FirstOrDefault(d => d.Name.Value == PurposeDirective.DirectiveName);
}
