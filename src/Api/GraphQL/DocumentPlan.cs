using System.Collections.Concurrent;
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
/// A repeat's variables and arguments are read by the plan (<see cref="ReadAsync"/>), with GraphQL.NET's own coercion at
/// the places the first run found, rather than by the validator walking the document twice more (ADR 0031).
/// </para>
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
    private readonly Sites? sites;

    // Contexts that have read this operation's variables before. GraphQL.NET's context keeps, until it is reset, where each
    // variable is used in the operation; a new context finds that out by walking the whole operation again (more than
    // half of reading a request's variables, scale-findings "Eleventh step"). One context serves one request at a time, and
    // only while its values are read, which does not wait on anything: no more are in use at once than there are cores.
    private readonly ConcurrentBag<ValidationContext> readers = [];
    private static readonly int ReadersKept = Math.Max(2, Environment.ProcessorCount);

    private DocumentPlan(GraphQLOperationDefinition operation, (FieldType, IGraphType, bool)[] selections, Dictionary<GraphQLField, Sizes> sizes, Sites? sites) =>
        (this.operation, this.selections, this.sizes, this.sites) = (operation, selections, sizes, sites);

    /// <summary>
    /// Where this operation passes arguments: the fields with arguments (and their definitions) and the nodes with
    /// directives, as GraphQL.NET's validator found them on the document's first run. Which they are depends on the
    /// document alone; their values depend on each request's variables.
    /// </summary>
    private sealed record Sites((GraphQLField Node, QueryArguments? Definitions)[] Fields, ASTNode[] Directives);

    /// <summary>
    /// This request's variables, and the values of every field's and directive's arguments, read as GraphQL.NET's validator
    /// reads them without rules (its own coercion: <see cref="ValidationContext.GetVariablesValuesAsync"/>,
    /// <see cref="ExecutionHelper.GetArguments"/>, <see cref="ExecutionHelper.GetDirectives"/>), but at the places the
    /// first run found rather than by walking the document again. Null when the plan cannot read this request (another
    /// operation, or any error): the validator then reads it, and reports the error exactly as always.
    /// </summary>
    public async ValueTask<IValidationResult?> ReadAsync(ValidationOptions options)
    {
        if (sites is null || !ReferenceEquals(options.Operation, operation)) return null;
        var context = readers.TryTake(out var kept) ? kept : new ValidationContext();
        context.Schema = options.Schema;
        context.Document = options.Document;
        context.Operation = operation;
        context.Variables = options.Variables ?? Inputs.Empty;
        context.Extensions = options.Extensions ?? Inputs.Empty;
        context.UserContext = options.UserContext;
        context.User = options.User;
        context.RequestServices = options.RequestServices;
        context.Metrics = options.Metrics;
        context.CancellationToken = options.CancellationToken;
        try
        {
            var (variables, errors) = await context.GetVariablesValuesAsync();
            if (errors is not null || context.HasErrors) return null;
            Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>? arguments = null;
            foreach (var (node, definitions) in sites.Fields)
                if (ExecutionHelper.GetArguments(definitions, node.Arguments, variables, options.Document, node, null) is { } values)
                    (arguments ??= []).Add(node, values);
            Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>? directives = null;
            foreach (var node in sites.Directives)
                if (ExecutionHelper.GetDirectives((IHasDirectivesNode)node, variables, options.Schema, options.Document) is { } values)
                    (directives ??= []).Add(node, values);
            var read = new ValidationResult([]) { Variables = variables, ArgumentValues = arguments, DirectiveValues = directives };
            Keep(context);
            return read;
        }
        catch (ValidationError)
        {
            return null;
        }
    }

    // Back for the next request, without this one's values; a context that saw an error is left to the collector.
    private void Keep(ValidationContext context)
    {
        if (context.HasErrors || readers.Count >= ReadersKept) return;
        context.Variables = Inputs.Empty;
        context.Extensions = Inputs.Empty;
        context.UserContext = null!;
        context.User = null;
        context.RequestServices = null;
        context.Metrics = null!;
        context.CancellationToken = default;
        readers.Add(context);
    }

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
        private readonly Dictionary<GraphQLField, FieldType> definitions = [];
        private DocumentPlan? plan;

        /// <summary>A field the field-access rule judged, on the type it was selected on.</summary>
        public void Select(FieldType field, IGraphType parent, bool isRoot) => selections.Add((field, parent, isRoot));

        /// <summary>What a field of the document is, as the validator's type information resolved it (meta fields too).</summary>
        public void Define(GraphQLField node, FieldType field) => definitions[node] = field;

        /// <summary>The document passed every rule: these are the arguments it passed with.</summary>
        public void Passed(GraphQLOperationDefinition operation, IValidationResult result)
        {
            var sizes = new Dictionary<GraphQLField, Sizes>();
            foreach (var (field, arguments) in result.ArgumentValues ?? new Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>())
                if (Sizes.Of(arguments) is { } of) sizes[field] = of;
            plan = new DocumentPlan(operation, [.. selections], sizes, SitesOf(result));
        }

        // Every field the validator read arguments for must have been defined here, or the plan leaves reading to the validator.
        private Sites? SitesOf(IValidationResult result)
        {
            var fields = new List<(GraphQLField, QueryArguments?)>();
            foreach (var node in result.ArgumentValues?.Keys ?? [])
            {
                if (!definitions.TryGetValue(node, out var field)) return null;
                fields.Add((node, field.Arguments));
            }
            return new Sites([.. fields], [.. result.DirectiveValues?.Keys ?? []]);
        }

        public DocumentPlan? Build() => plan;
    }
}
