using GraphQL.Types;
using GraphQLParser.AST;
using RJCloud.Shared.Money;

namespace RJCloud.Shared.GraphQL.Scalars;

/// <summary>Money travels as a decimal string ("35623.00") so that no client turns pence into a float.</summary>
public sealed class MoneyGraphType : ScalarGraphType
{
    public MoneyGraphType()
    {
        Name = "Money";
        Description = "An amount in pounds sterling (GBP) as a decimal string with at most two decimal places, e.g. \"35623.00\". Never a floating-point number.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s when Money.Money.TryParse((string)s.Value, out var money) => money,
        GraphQLIntValue i when Money.Money.TryParse((string)i.Value, out var money) => money,
        _ => ThrowLiteralConversionError(value, "Money is a decimal string in pounds with at most two decimal places, e.g. \"12.50\"."),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string s when Money.Money.TryParse(s, out var money) => money,
        int or long => Money.Money.Pounds(Convert.ToDecimal(value)),
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        Money.Money money => money.ToString(),
        _ => ThrowSerializationError(value),
    };
}
