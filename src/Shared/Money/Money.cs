using System.Globalization;

namespace RJCloud.Shared.Money;

/// <summary>
/// An amount of money: decimal pounds and pence, never floating point. RJCloud's offices are all in
/// England, so GBP is the only currency today; the currency is explicit so that is a choice, not an
/// accident.
/// </summary>
public readonly record struct Money
{
    public const string Gbp = "GBP";

    private Money(decimal amount, string currency)
    {
        Amount = amount;
        Currency = currency;
    }

    public decimal Amount { get; }

    public string Currency { get; }

    public static Money Pounds(decimal amount)
    {
        if (decimal.Round(amount, 2) != amount)
            throw new ArgumentException("An amount in pounds has at most two decimal places (pence).", nameof(amount));
        return new Money(amount, Gbp);
    }

    /// <summary>Whole pence, as the modules store money, in pounds.</summary>
    public static Money FromPence(long pence) => Pounds(pence / 100m);

    public static bool TryParse(string? text, out Money money)
    {
        money = default;
        if (text is null || text.Length > 32 ||
            !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) ||
            decimal.Round(amount, 2) != amount)
            return false;
        money = new Money(amount, Gbp);
        return true;
    }

    public Money Add(Money other) => Pounds(Amount + other.Amount);

    public Money Subtract(Money other) => Pounds(Amount - other.Amount);

    public override string ToString() => Amount.ToString("0.00", CultureInfo.InvariantCulture);
}
