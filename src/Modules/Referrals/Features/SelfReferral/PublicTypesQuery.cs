using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Referrals.GraphQL;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Time;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;

namespace RJCloud.Modules.Referrals.Features.SelfReferral;

/// <summary>selfReferralTypes: what the public may refer themselves for today, by the office's criteria in force, so the form offers only those.</summary>
internal sealed class PublicTypesQuery(TimeProvider clock) : ISchemaContributor
{
    public void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PublicTypeType>>>>("selfReferralTypes")
            .Description("The kinds of matter the office takes from the public form today, with the criteria in plain words. No sign-in: use the office's address.")
            .AllowAnonymous()
            .ResolveAsync(async context =>
            {
                if (context.RequestServices!.GetRequiredService<ITenantContext>().Current is null)
                    throw new ExecutionError("Ask at the office's own address, e.g. /t/essex/graphql.") { Code = "OFFICE_REQUIRED" };
                var policy = await context.RequestServices!.GetRequiredService<PoliciesInForce>().InForceOnAsync(clock.Today(), context.CancellationToken);
                return policy?.Policy.Types.Where(t => t.Accepted && t.Routes.Contains(ReferralRoute.SelfReferral)).ToList() ?? [];
            });
}

internal sealed class PublicTypeType : ObjectGraphType<ReferralTypeRules>
{
    public PublicTypeType()
    {
        Name = "SelfReferralType";
        Field<NonNullGraphType<ReferralTypeType>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("eligibility").Description("The criteria in plain words.").Resolve(c => c.Source.Eligibility);
    }
}
