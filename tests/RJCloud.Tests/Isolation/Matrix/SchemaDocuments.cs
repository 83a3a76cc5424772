using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Tests.Isolation.Matrix;

/// <summary>
/// Requests written from the live schema: a root field called with the given arguments and
/// selecting everything the caller may see, a few levels deep, so that a leak in any field of any
/// type shows in the answer. A field added to a type tomorrow is selected tomorrow.
/// </summary>
public sealed class SchemaDocuments(ISchema schema)
{
    private const int MaxDepth = 4;

    public ISchema Schema => schema;

    public FieldType FieldAt(string coordinate)
    {
        var (root, name) = Split(coordinate);
        return root.GetField(name) ?? throw new ArgumentException($"{coordinate} is not in the schema.");
    }

    public IObjectGraphType Root(string coordinate) => Split(coordinate).Root;

    /// <summary>Whether the validation rule lets this caller use the field at all.</summary>
    public bool Permits(string coordinate, Actor actor) => FieldAt(coordinate).Permits(actor) && Root(coordinate).Permits(actor);

    public string Request(string coordinate, JsonElement arguments, Actor actor)
    {
        var (root, name) = Split(coordinate);
        var field = FieldAt(coordinate);
        var names = arguments.EnumerateObject().Select(a => a.Name).ToList();
        var declarations = string.Join(", ", names.Select(n =>
            $"${n}: {Print((field.Arguments?.Find(n) ?? throw new ArgumentException($"{coordinate} has no argument {n}.")).ResolvedType!)}"));
        var call = names.Count == 0 ? name : $"{name}({string.Join(", ", names.Select(n => $"{n}: ${n}"))})";
        var operation = root == schema.Mutation ? "mutation" : "query";
        // A purpose is stated on every probe: selections reach special-category types, which refuse a request without one.
        return $"{operation} IsolationProbe{(names.Count == 0 ? "" : $"({declarations})")} @purpose(reason: CASE_WORK) {{ {call} {Selection(field.ResolvedType!, actor, 0)} }}";
    }

    /// <summary>Everything the actor may select on the type, or "" for a scalar or enum.</summary>
    public string Selection(IGraphType type, Actor actor, int depth)
    {
        var named = type.GetNamedType();
        if (named is ScalarGraphType) return "";
        var text = new StringBuilder("{ __typename");
        if (named is IComplexGraphType complex) AppendFields(text, complex, actor, depth, alias: false);
        if (named is IInterfaceGraphType @interface)
            foreach (var possible in @interface.PossibleTypes.Where(t => t.Permits(actor)))
            {
                text.Append($" ... on {possible.Name} {{");
                AppendFields(text, possible, actor, depth, alias: true);
                text.Append(" }");
            }
        return text.Append(" }").ToString();
    }

    // Two types' fields of one name may differ in type (User.partnerOrganisation is nullable,
    // PartnerClient.partnerOrganisation is not), which GraphQL refuses side by side: alias them by type.
    private void AppendFields(StringBuilder text, IComplexGraphType type, Actor actor, int depth, bool alias)
    {
        foreach (var field in type.Fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal) && f.Permits(actor)))
        {
            if (field.Arguments?.Any(a => a.ResolvedType is NonNullGraphType) == true) continue;
            var named = field.ResolvedType!.GetNamedType();
            var name = alias ? $"{type.Name}_{field.Name}: {field.Name}" : field.Name;
            if (named is ScalarGraphType) text.Append(' ').Append(name);
            else if (depth < MaxDepth && named.Permits(actor)) text.Append(' ').Append(name).Append(' ').Append(Selection(named, actor, depth + 1));
        }
    }

    public IEnumerable<string> RootFields() =>
        new[] { schema.Query, schema.Mutation }.Where(root => root is not null)
            .SelectMany(root => root!.Fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal)).Select(f => $"{root!.Name}.{f.Name}"));

    public IEnumerable<string> NodeTypes() =>
        schema.AllTypes.OfType<IObjectGraphType>().Where(t => t.ResolvedInterfaces.Any(i => i.Name == "Node")).Select(t => t.Name);

    /// <summary>The type of a connection's nodes: UserConnection.edges.node is a User.</summary>
    public string NodeTypeOf(FieldType connection)
    {
        var edge = ((IComplexGraphType)connection.ResolvedType!.GetNamedType()).GetField("edges")!.ResolvedType!.GetNamedType();
        return ((IComplexGraphType)edge).GetField("node")!.ResolvedType!.GetNamedType().Name;
    }

    public static string Print(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Print(nonNull.ResolvedType!) + "!",
        ListGraphType list => $"[{Print(list.ResolvedType!)}]",
        _ => type.Name,
    };

    private (IObjectGraphType Root, string Name) Split(string coordinate)
    {
        var parts = coordinate.Split('.');
        var root = parts[0] switch
        {
            "Query" => schema.Query,
            "Mutation" => schema.Mutation,
            _ => null,
        };
        return (root ?? throw new ArgumentException($"{coordinate} is not a Query or Mutation field."), parts[1]);
    }
}
