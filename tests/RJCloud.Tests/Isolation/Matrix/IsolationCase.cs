namespace RJCloud.Tests.Isolation.Matrix;

/// <summary>One row of the matrix, keyed by schema coordinate: "Query.users", "Mutation.assignRole", "Node.User".</summary>
public abstract record IsolationCase(string Coordinate, string Description)
{
    public string Name => $"{Coordinate}: {Description}";

    public override string ToString() => Name;
}

/// <summary>
/// Office B sends the field A's ids or values (Foreign), then the same request naming nothing that
/// exists (Missing): the two answers must be the same, byte for byte, once the arguments echoed
/// back and the values each call mints afresh are set aside. A mutation must also leave A unchanged.
/// </summary>
/// <param name="Foreign">The field's arguments naming A's records, e.g. new { input = new { userId } }.</param>
/// <param name="Missing">The same arguments naming nothing, e.g. a fresh id of the same type.</param>
public sealed record Probe(string Coordinate, string Description, Func<object> Foreign, Func<object> Missing)
    : IsolationCase(Coordinate, Description)
{
    /// <summary>Names of response properties whose values every call makes anew (a new record's id, a link).</summary>
    public IReadOnlyList<string> Minted { get; init; } = [];

    /// <summary>For a mutation, the userError code both answers must carry, e.g. NOT_FOUND; null when both succeed.</summary>
    public string? UserError { get; init; }
}

/// <summary>A field B reads without naming anything (a list, "me"): nothing of A's may appear in its answer.</summary>
public sealed record Listing(string Coordinate) : IsolationCase(Coordinate, "shows nothing of A's");

/// <summary>
/// A field outside every office (the platform operators'): B's office token, whatever roles it
/// holds, is refused before anything runs, the same way for A's ids as for ids that do not exist.
/// </summary>
public sealed record PlatformOnly(string Coordinate, string Reason, Func<object> Foreign, Func<object> Missing)
    : IsolationCase(Coordinate, $"refused to offices: {Reason}");

/// <summary>A Node type: each of A's objects, fetched by B with node(id:) and nodes(ids:), is null like a random id of the type.</summary>
/// <param name="SeenBy">Who of A's side can fetch it, to show the probe is not empty-handed.</param>
public sealed record NodeCase(string TypeName, OwnerView SeenBy) : IsolationCase($"Node.{TypeName}", $"A's objects are null to B (seen by {SeenBy})");

/// <summary>Who on A's side sees A's objects of a Node type through node(id:).</summary>
public enum OwnerView
{
    OfficeAdmin,
    PlatformOperator,

    /// <summary>Nobody: the type has no node resolver (yet), so only B's side of the probe is meaningful.</summary>
    Nobody,
}

/// <summary>Not isolated, by design; the reason is part of the matrix and read in review.</summary>
public sealed record Exemption(string Coordinate, string Reason) : IsolationCase(Coordinate, $"exempt: {Reason}");
