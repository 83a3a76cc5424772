using GraphQL.Validation.Complexity;

namespace RJCloud.Api.GraphQL;

/// <summary>
/// Introspection answers from the schema in memory and its lists are bounded by the schema's size,
/// so each item counts once. Weighing them like database lists (5 rows each, nested seven deep)
/// would refuse the explorers' and code generators' standard introspection query.
/// </summary>
internal static class IntrospectionAwareComplexity
{
    public static Func<FieldImpactContext, FieldComplexityResult> Around(Func<FieldImpactContext, FieldComplexityResult> standard) =>
        context => context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal) || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal)
            ? new FieldComplexityResult(1, 1)
            : standard(context);
}
