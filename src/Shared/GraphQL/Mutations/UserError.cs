namespace RJCloud.Shared.GraphQL.Mutations;

/// <summary>
/// A business failure the user can act on, returned in a mutation's payload. Field is the path of
/// the input field at fault (e.g. ["input", "dateOfBirth"]), empty when no single field is.
/// </summary>
public sealed record UserError(string Code, string Message, IReadOnlyList<string> Field)
{
    public static UserError For(string code, string message, params string[] field) => new(code, message, field);
}
