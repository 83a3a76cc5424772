using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Api.GraphQL;

/// <summary>
/// What the per-request rules need to know of a document that has passed them once, so that a repeat of it can be judged
/// without walking it again (ADR 0023): the fields it selects on which types (field access), and for each field with
/// first, last or id arguments the values it passed with (the complexity limit). Walking the document with the schema's
/// type information, twice, was measured at about a tenth of the service's CPU on the referral inbox under load.
/// <para>
/// A plan only ever says "passes as before". Anything it cannot vouch for (a field the actor may not select, a page size
/// out of range or larger than before, a purpose detail over the limit, another operation) sends the request through the
/// full rules, which then report the error exactly as they always do.
/// </para>
/// </summary>
internal sealed class DocumentPlan
{
    /// <summary>
    /// Where the endpoint hands the validator a known document's plan, or for a new document the
    /// <see cref="Builder"/> that the rules and the validator fill in.
    /// </summary>
    public const string Key = "rjcloud.documentPlan";

    /// <summary>The plan or builder an execution carries, if any.</summary>
    public static object? In(IDictionary<string, object?> userContext) => userContext.TryGetValue(Key, out var carried) ? carried : null;

    private readonly GraphQLOperationDefinition operation;
    private readonly (FieldType Field, IGraphType Parent, bool IsRoot)[] selections;
    private readonly Dictionary<GraphQLField, Sizes> sizes;

    private DocumentPlan(GraphQLOperationDefinition operation, (FieldType, IGraphType, bool)[] selections, Dictionary<GraphQLField, Sizes> sizes) =>
        (this.operation, this.selections, this.sizes) = (operation, selections, sizes);

    /// <summary>
    /// Whether this request, validated without rules (its variables and arguments read), is sure to pass the rules as the
    /// document's first run did: the same operation, every field permitted to this actor, page sizes in range and no larger
    /// than before (complexity grows with them), an id wherever there was one, and the purpose's detail within its limit.
    /// </summary>
    public bool Admits(in ValidationOptions options, IValidationResult read)
    {
        if (!read.IsValid || !ReferenceEquals(options.Operation, operation)) return false;
        var actor = Actor.From(options.User);
        foreach (var (field, parent, isRoot) in selections)
            if (FieldAccessValidationRule.Refusal(field, parent, isRoot, actor) is not null) return false;
        if (PurposeValidationRule.DetailTooLong(operation, options.Variables)) return false;

        var matched = 0;
        foreach (var (field, arguments) in read.ArgumentValues ?? new Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>())
        {
            if (Sizes.Of(arguments) is not { } now) continue;
            if (PageSizeValidationRule.OutOfRange(arguments).Any()) return false;
            if (!sizes.TryGetValue(field, out var then) || !now.NoLargerThan(then)) return false;
            matched++;
        }
        return matched == sizes.Count;
    }

    /// <summary>The page and id arguments of one field, as the default complexity estimate reads them.</summary>
    private readonly record struct Sizes(int? First, int? Last, bool Id)
    {
        public static Sizes? Of(IDictionary<string, ArgumentValue> arguments)
        {
            int? Size(string name) => arguments.TryGetValue(name, out var value) && value.Value is int size ? size : null;
            var sizes = new Sizes(Size("first"), Size("last"), arguments.TryGetValue("id", out var id) && id.Value is not null);
            return sizes == default ? null : sizes;
        }

        public bool NoLargerThan(Sizes then) =>
            Id == then.Id && First is null == then.First is null && Last is null == then.Last is null
            && First.GetValueOrDefault() <= then.First.GetValueOrDefault() && Last.GetValueOrDefault() <= then.Last.GetValueOrDefault();
    }

    /// <summary>Gathers a plan while a new document goes through the full rules; it is kept only if the request executes.</summary>
    public sealed class Builder
    {
        private readonly List<(FieldType, IGraphType, bool)> selections = [];
        private DocumentPlan? plan;

        /// <summary>A field the field-access rule judged, on the type it was selected on.</summary>
        public void Select(FieldType field, IGraphType parent, bool isRoot) => selections.Add((field, parent, isRoot));

        /// <summary>The document passed every rule: these are the arguments it passed with.</summary>
        public void Passed(GraphQLOperationDefinition operation, IValidationResult result)
        {
            var sizes = new Dictionary<GraphQLField, Sizes>();
            foreach (var (field, arguments) in result.ArgumentValues ?? new Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>())
                if (Sizes.Of(arguments) is { } of) sizes[field] = of;
            plan = new DocumentPlan(operation, [.. selections], sizes);
        }

        public DocumentPlan? Build() => plan;
    }
}
