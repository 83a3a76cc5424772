using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Api.GraphQL;

/// <summary>
/// Authorization before execution (GraphQL.Server's authorization package is not installable):
/// every selected field, and the type it is selected on, must permit the actor. A root field that
/// declares no access at all is refused to everyone, so forgetting to declare fails closed.
/// </summary>
internal sealed class FieldAccessValidationRule : ValidationRuleBase
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        // Read from the claims once per request, not once per selected field.
        var actor = Actor.From(context.User);
        var plan = DocumentPlan.In(context.UserContext) as DocumentPlan.Builder;
        return new(new MatchingNodeVisitor<GraphQLField>((node, validation) =>
        {
            var field = validation.TypeInfo.GetFieldDef();
            if (field is not null) plan?.Define(node, field);
            var parent = validation.TypeInfo.GetParentType()?.GetNamedType();
            if (field is null || parent is null || field.Name.StartsWith("__", StringComparison.Ordinal)) return;

            var isRoot = parent == validation.Schema.Query || parent == validation.Schema.Mutation;
            plan?.Select(field, parent, isRoot);
            if (Refusal(field, parent, isRoot, actor) is { } refusal) Report(validation, node, refusal.Code, refusal.Message);
        }));
    }

    /// <summary>Why the actor may not select the field on its parent type, or null when they may.</summary>
    public static (string Code, string Message)? Refusal(FieldType field, IGraphType parent, bool isRoot, Actor actor)
    {
        if (isRoot && !field.DeclaresAccess()) return (Forbidden, $"'{field.Name}' is not available.");
        if (field.Permits(actor) && parent.Permits(actor)) return null;
        return actor.IsAuthenticated
            ? (Forbidden, $"Your role does not allow '{field.Name}'.")
            : (Unauthenticated, $"Sign in to use '{field.Name}'.");
    }

    private static void Report(ValidationContext validation, GraphQLField node, string code, string message) =>
        validation.ReportError(new ValidationError(validation.Document.Source, "rjcloud.authorization", message, node) { Code = code });
}
