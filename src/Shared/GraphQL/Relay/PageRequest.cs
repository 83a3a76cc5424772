namespace RJCloud.Shared.GraphQL.Relay;

/// <summary>The Relay paging arguments of one connection field, already range-checked by validation.</summary>
public sealed record PageRequest(int? First, string? After, int? Last, string? Before)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public bool Backwards => Last is not null && First is null;

    public int Size => Backwards ? Last!.Value : First ?? DefaultSize;
}
