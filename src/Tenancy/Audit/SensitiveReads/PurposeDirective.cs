using GraphQL.Types;
using GraphQLParser.AST;

namespace RJCloud.Tenancy.Audit.SensitiveReads;

/// <summary>
/// <c>query CaseFile @purpose(reason: CASE_WORK) { ... }</c>: the stated reason for reading
/// special-category records, kept with each read in the audit trail.
/// </summary>
public sealed class PurposeDirective : Directive
{
    public const string DirectiveName = "purpose";
    public const int MaxDetailLength = 200;

    public PurposeDirective() : base(DirectiveName, DirectiveLocation.Query, DirectiveLocation.Mutation)
    {
        Description = "Why this request reads records holding special-category data. Required whenever it does; kept in the audit trail.";
        Arguments = new QueryArguments(
            new QueryArgument<NonNullGraphType<EnumerationGraphType<AccessPurpose>>> { Name = "reason", Description = "The purpose of the access." },
            new QueryArgument<StringGraphType> { Name = "detail", Description = $"More about it, e.g. the complaint's reference (at most {MaxDetailLength} characters, no names)." });
    }
}
