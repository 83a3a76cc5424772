using GraphQLParser.AST;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.GraphQL.Scalars;
using RJCloud.Shared.Money;

namespace RJCloud.Tests.Conventions;

public sealed class ScalarAndIdTests
{
    [Fact]
    public void Given_a_global_id_Then_it_decodes_to_its_type_and_key_and_hides_both()
    {
        var key = Guid.CreateVersion7();
        var id = GlobalId.Encode("Referral", key);

        Assert.True(GlobalId.TryDecode(id, out var type, out var decoded));
        Assert.Equal(("Referral", key), (type, decoded));
        Assert.DoesNotContain("Referral", id);
        Assert.Null(GlobalId.DecodeFor("Case", id));
        Assert.False(GlobalId.TryDecode("%%%", out _, out _));
    }

    [Theory]
    [InlineData("35623.00", "35623.00")]
    [InlineData("7", "7.00")]
    [InlineData("-12.5", "-12.50")]
    public void Given_money_as_a_decimal_string_Then_it_round_trips_in_pounds_and_pence(string input, string output)
    {
        var scalar = new MoneyGraphType();

        var money = (Money)scalar.ParseValue(input)!;

        Assert.Equal(Money.Gbp, money.Currency);
        Assert.Equal(output, scalar.Serialize(money));
    }

    [Theory]
    [InlineData("12.345")]
    [InlineData("twelve")]
    [InlineData("1e3")]
    public void Given_money_with_fractions_of_a_penny_or_not_a_number_Then_it_is_refused(string input) =>
        Assert.ThrowsAny<Exception>(() => new MoneyGraphType().ParseValue(input));

    [Fact]
    public void Given_money_as_a_float_literal_Then_it_is_refused() =>
        Assert.ThrowsAny<Exception>(() => new MoneyGraphType().ParseLiteral(new GraphQLFloatValue(12.5)));

    [Fact]
    public void Given_an_instant_with_an_offset_Then_it_is_returned_in_utc()
    {
        var scalar = new UtcDateTimeGraphType();

        var parsed = scalar.ParseValue("2026-11-22T14:30:00+01:00");

        Assert.Equal("2026-11-22T13:30:00Z", scalar.Serialize(parsed));
    }

    [Fact]
    public void Given_an_instant_without_an_offset_Then_it_is_refused_as_ambiguous() =>
        Assert.ThrowsAny<Exception>(() => new UtcDateTimeGraphType().ParseValue("2026-11-22T14:30:00"));
}
