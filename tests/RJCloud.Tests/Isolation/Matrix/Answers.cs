using System.Text.Json;
using System.Text.Json.Nodes;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Isolation.Matrix;

/// <summary>
/// Compares two answers as a client would see them: status and body. Only what legitimately
/// differs between the two requests is set aside: the arguments echoed back, and values each
/// call mints afresh (a new record's id, an invitation link).
/// </summary>
internal static class Answers
{
    public static string Normalise(GraphQLResponse response, IReadOnlyDictionary<string, string> echoes, IReadOnlyCollection<string> minted)
    {
        var body = JsonNode.Parse(response.Body);
        return $"{(int)response.Status} {Rewrite(body, null, echoes, minted)?.ToJsonString() ?? response.Body}";
    }

    /// <summary>The strings of these arguments that differ from the other request's, each with a placeholder naming where it was.</summary>
    public static IReadOnlyDictionary<string, string> Echoes(JsonElement arguments, JsonElement other)
    {
        var mine = Strings(arguments, "$");
        var theirs = Strings(other, "$").ToDictionary(s => s.Path, s => s.Value);
        return mine.Where(s => !theirs.TryGetValue(s.Path, out var value) || value != s.Value)
            .GroupBy(s => s.Value).ToDictionary(g => g.Key, g => $"<{g.First().Path}>");
    }

    public static IEnumerable<(string Path, string Value)> Strings(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value, $"{path}.{p.Name}")),
        JsonValueKind.Array => element.EnumerateArray().SelectMany((e, i) => Strings(e, $"{path}[{i}]")),
        JsonValueKind.String => [(path, element.GetString()!)],
        _ => [],
    };

    /// <summary>
    /// Which of these values (A's ids, names...) appear in the body, ignoring case, other than inside
    /// a value the caller itself sent or wrote: that one it knew already.
    /// </summary>
    public static IReadOnlyList<string> Mentions(string body, IEnumerable<string> values, IEnumerable<string> except)
    {
        var known = new bool[body.Length];
        foreach (var value in except)
            foreach (var at in Occurrences(body, value)) Array.Fill(known, true, at, value.Length);
        return [.. values.Where(v => Occurrences(body, v).Any(at => known.AsSpan(at, v.Length).Contains(false)))];
    }

    private static IEnumerable<int> Occurrences(string body, string value)
    {
        if (value.Length == 0) yield break;
        for (var at = body.IndexOf(value, StringComparison.OrdinalIgnoreCase); at >= 0; at = body.IndexOf(value, at + 1, StringComparison.OrdinalIgnoreCase))
            yield return at;
    }

    private static JsonNode? Rewrite(JsonNode? node, string? property, IReadOnlyDictionary<string, string> echoes, IReadOnlyCollection<string> minted)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList()) obj[name] = Rewrite(value?.DeepClone(), name, echoes, minted);
                return obj;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Rewrite(item?.DeepClone(), property, echoes, minted))]);
            case JsonValue value when property is not null && minted.Contains(property):
                return JsonValue.Create($"<minted {property}>");
            case JsonValue value when value.TryGetValue<string>(out var text):
                foreach (var (echo, placeholder) in echoes.OrderByDescending(e => e.Key.Length))
                    text = text.Replace(echo, placeholder, StringComparison.Ordinal);
                return JsonValue.Create(text);
            default:
                return node;
        }
    }
}
