using System.Buffers.Text;
using System.Text;

namespace RJCloud.Shared.GraphQL.Relay;

/// <summary>
/// Opaque, type-tagged identifiers for every Node: clients must not build or parse them, and a
/// bad or foreign id is indistinguishable from one that does not exist.
/// </summary>
public static class GlobalId
{
    public static string Encode(string typeName, Guid id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{typeName}:{id:N}"));

    public static bool TryDecode(string? globalId, out string typeName, out Guid id)
    {
        typeName = "";
        id = Guid.Empty;
        if (string.IsNullOrEmpty(globalId) || globalId.Length > 128) return false;
        Span<byte> buffer = stackalloc byte[96];
        if (Base64Url.DecodeFromChars(globalId, buffer, out _, out var written) != System.Buffers.OperationStatus.Done)
            return false;
        var text = Encoding.UTF8.GetString(buffer[..written]);
        var separator = text.IndexOf(':');
        if (separator <= 0 || !Guid.TryParseExact(text[(separator + 1)..], "N", out id)) return false;
        typeName = text[..separator];
        return true;
    }

    /// <summary>The Guid behind a global id, but only when it names the expected type.</summary>
    public static Guid? DecodeFor(string typeName, string? globalId) =>
        TryDecode(globalId, out var actualType, out var id) && actualType == typeName ? id : null;
}
