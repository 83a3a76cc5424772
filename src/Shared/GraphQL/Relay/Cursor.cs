using System.Buffers.Text;

namespace RJCloud.Shared.GraphQL.Relay;

/// <summary>Keyset cursors: the key of the edge, opaque to clients.</summary>
public static class Cursor
{
    public static string Encode(Guid key) => Base64Url.EncodeToString(key.ToByteArray(bigEndian: true));

    public static Guid? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length != 22) return null;
        Span<byte> bytes = stackalloc byte[16];
        return Base64Url.DecodeFromChars(cursor, bytes, out _, out var written) == System.Buffers.OperationStatus.Done && written == 16
            ? new Guid(bytes, bigEndian: true)
            : null;
    }
}
