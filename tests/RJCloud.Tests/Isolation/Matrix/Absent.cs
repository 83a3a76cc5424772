using RJCloud.Shared.GraphQL.Relay;

namespace RJCloud.Tests.Isolation.Matrix;

/// <summary>Ids of records that do not exist, minted the way real ones are.</summary>
public static class Absent
{
    public static string Id(string typeName) => GlobalId.Encode(typeName, Guid.CreateVersion7());

    /// <summary>
    /// A key that does not exist, next to this one in key order: keyset pages are ordered by key, so
    /// it answers the very page the given key answers if that key's record is truly invisible.
    /// </summary>
    public static Guid NextTo(Guid key)
    {
        var bytes = key.ToByteArray(bigEndian: true);
        bytes[15] ^= 1;
        return new Guid(bytes, bigEndian: true);
    }
}
