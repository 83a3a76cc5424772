using GraphQL.Validation;

namespace RJCloud.Api.GraphQL;

/// <summary>
/// GraphQL.NET's validator, with a shortcut for documents that have passed before (<see cref="DocumentPlan"/>): the plan
/// reads and checks the request's variables and arguments with GraphQL.NET's own coercion, at the places the first run
/// found (or, when it cannot, the validator does so without rules), and then judges it. If the plan cannot vouch for it,
/// it is validated again with the rules, so every refusal is the rules' own.
/// </summary>
internal sealed class PlannedDocumentValidator : IDocumentValidator
{
    private readonly DocumentValidator validator = new();

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options) =>
        DocumentPlan.In(options.UserContext) switch
        {
            DocumentPlan plan => ShortcutAsync(options, plan),
            DocumentPlan.Builder builder => LearnAsync(options, builder),
            _ => validator.ValidateAsync(options),
        };

    private async Task<IValidationResult> ShortcutAsync(ValidationOptions options, DocumentPlan plan)
    {
        var read = await plan.ReadAsync(options) ?? await validator.ValidateAsync(options with { Rules = [] });
        return plan.Admits(options, read) ? read : await validator.ValidateAsync(options);
    }

    private async Task<IValidationResult> LearnAsync(ValidationOptions options, DocumentPlan.Builder builder)
    {
        var result = await validator.ValidateAsync(options);
        if (result.IsValid && options.Operation is { } operation) builder.Passed(operation, result);
        return result;
    }
}
