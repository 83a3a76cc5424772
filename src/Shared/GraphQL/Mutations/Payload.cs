namespace RJCloud.Shared.GraphQL.Mutations;

/// <summary>
/// Every mutation returns a payload: the changed object when it succeeded, userErrors when it did
/// not (and then nothing was changed).
/// </summary>
public abstract record Payload
{
    public IReadOnlyList<UserError> UserErrors { get; init; } = [];

    /// <summary>The records the mutation created or changed, for the audit trail (ids only).</summary>
    public virtual IReadOnlyList<Guid> AuditRecordIds => [];
}
