namespace RJCloud.Tenancy.Audit.SensitiveReads;

/// <summary>
/// The special-category records one request has read, by GraphQL type, gathered while it executes
/// and written to the audit trail before the answer is sent.
/// </summary>
public sealed class SensitiveReadLog
{
    /// <summary>Where a GraphQL execution carries its request's log, so a field need not ask the container for it.</summary>
    public const string UserContextKey = "rjcloud.sensitiveReads";

    private readonly Lock gate = new();
    private readonly Dictionary<string, HashSet<Guid>> reads = new(StringComparer.Ordinal);

    public void Add(string typeName, Guid recordId)
    {
        lock (gate)
        {
            if (!reads.TryGetValue(typeName, out var ids)) reads[typeName] = ids = [];
            ids.Add(recordId);
        }
    }

    public IReadOnlyList<(string TypeName, IReadOnlyList<Guid> RecordIds)> Drain()
    {
        lock (gate)
        {
            var drained = reads.OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => (r.Key, (IReadOnlyList<Guid>)[.. r.Value.Order()])).ToList();
            reads.Clear();
            return drained;
        }
    }
}
