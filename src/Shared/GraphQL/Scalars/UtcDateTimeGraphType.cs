using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace RJCloud.Shared.GraphQL.Scalars;

/// <summary>Instants are UTC: inputs must carry an offset, outputs are always written with Z.</summary>
public sealed class UtcDateTimeGraphType : ScalarGraphType
{
    public UtcDateTimeGraphType()
    {
        Name = "DateTime";
        Description = "An instant in ISO 8601 with an offset, e.g. \"2026-11-22T14:30:00Z\"; always returned in UTC.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s => Parse((string)s.Value) ?? ThrowLiteralConversionError(value, "A DateTime needs a date, a time and an offset, e.g. \"2026-11-22T14:30:00Z\"."),
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string s => Parse(s) ?? ThrowValueConversionError(value),
        DateTimeOffset d => d.ToUniversalTime(),
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        DateTime d when d.Kind == DateTimeKind.Utc => d.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        _ => ThrowSerializationError(value),
    };

    private static DateTimeOffset? Parse(string text) =>
        (text.EndsWith('Z') || text.Length > 19 && (text[^6] is '+' or '-')) &&
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed.ToUniversalTime()
            : null;
}
