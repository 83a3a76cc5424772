using GraphQL.Types;

namespace RJCloud.Shared.GraphQL.Mutations;

public sealed class UserErrorType : ObjectGraphType<UserError>
{
    public UserErrorType()
    {
        Name = "UserError";
        Description = "A reason the mutation did not change anything, worded for the person using the service.";
        Field(e => e.Code).Description("A stable machine-readable code, e.g. CONSENT_REQUIRED.");
        Field(e => e.Message).Description("What went wrong and what to do about it.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("field")
            .Description("Path to the input field at fault, e.g. [\"input\", \"dateOfBirth\"]; empty when no single field is.")
            .Resolve(context => context.Source.Field);
    }
}
