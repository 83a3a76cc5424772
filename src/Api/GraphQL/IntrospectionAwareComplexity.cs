using GraphQL.Validation.Complexity;

namespace RJCloud.Api.GraphQL;

/// <summary>
/// Introspection answers from the schema in memory and its lists are bounded by the schema's size,
/// so it costs nothing against the complexity budget (depth is still limited). Weighing it like
/// database lists would refuse the explorers' standard introspection query; even counting each
/// field once did, as soon as the schema grew (8,844 with the identity module, limit 5,000).
/// </summary>
internal static class IntrospectionAwareComplexity
{
    public static Func<FieldImpactContext, FieldComplexityResult> Around(Func<FieldImpactContext, FieldComplexityResult> standard) =>
        context => context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal) || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal)
            ? new FieldComplexityResult(0, 1)
            : standard(context);
}
