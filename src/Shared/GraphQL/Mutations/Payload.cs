namespace RJCloud.Shared.GraphQL.Mutations;

/// <summary>
/// Every mutation returns a payload: the changed object when it succeeded, userErrors when it did
/// not (and then nothing was changed).
/// </summary>
public abstract record Payload
{
    public IReadOnlyList<UserError> UserErrors { get; init; } = [];
}
