using RJCloud.Shared.Persistence;
using RJCloud.Shared.Time;
using System.Text.Json;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Referrals.Features.ReferralCriteria;

/// <summary>
/// The office's referral criteria: staff read the versions, everyone signed in reads the Community
/// Remedy menu on offer, and tenant admins publish a new version from a date.
/// </summary>
internal sealed class ReferralCriteriaFields(TimeProvider clock) : ISchemaContributor, INodeResolver
{
    public string TypeName => PolicyVersionType.Name;

    public void AddQueries(ObjectGraphType query)
    {
        query.ConnectionField<object?, PolicyVersionType>("referralPolicies")
            .Description("Every version of the office's referral criteria, newest first.")
            .Authorize(Roles.OfficeStaff)
            .ResolveAsync(async context => await Db(context.RequestServices!).Policies.AsNoTracking()
                .ToConnectionAsync(p => p.Id, context.GetPage(), context.CancellationToken, newestFirst: true));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RemedyOptionType>>>>("communityRemedyMenu")
            .Description("The Community Remedy options a victim can choose from today, in the office's order; in an area, only those offered there.")
            .Argument<StringGraphType>("area", "e.g. \"LPA West\"")
            .AuthorizeAnyMember()
            .ResolveAsync(async context =>
            {
                var services = context.RequestServices!;
                var policy = await services.GetRequiredService<PoliciesInForce>().InForceOnAsync(clock.Today(), context.CancellationToken);
                return policy is null ? [] : policy.Policy.MenuIn(context.GetArgument<string?>("area"))
                    .Select(o => new RemedyOption { Code = o.Code, Label = o.Label, Restorative = o.IsRestorative }).ToList();
            });
    }

    public void AddMutations(ObjectGraphType mutation) =>
        mutation.Mutation<PublishPolicyPayloadType, PublishPolicyInputType, PublishPolicyPayload>("publishReferralPolicy",
                "Publishes a new version of the office's referral criteria, in force from its effective date. Earlier versions stay as they were.")
            .Authorize(Roles.TenantAdmin)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var effectiveFrom = (DateOnly)input["effectiveFrom"]!;
                if (effectiveFrom < clock.Today())
                    return PublishPolicyPayload.Refuse(UserError.For("EFFECTIVE_DATE_IN_PAST",
                        "A new version can only take effect from today or later: referrals already received keep the criteria they were judged by.",
                        "input", "effectiveFrom"));
                ReferralPolicy policy;
                try
                {
                    policy = ReferralPolicyJson.Deserialize(input["document"] as string ?? "");
                }
                catch (JsonException e)
                {
                    return PublishPolicyPayload.Refuse(UserError.For("INVALID_POLICY_DOCUMENT",
                        $"The criteria could not be read: {e.Message.Split(". Path:")[0]}.", "input", "document"));
                }
                policy = policy with { EffectiveFrom = effectiveFrom };
                var problems = policy.Validate();
                if (problems.Count > 0)
                    return PublishPolicyPayload.Refuse([.. problems.Select(p => UserError.For("INVALID_POLICY", p.Message, ["input", "document", .. p.Path.Split('.')]))]);

                var db = Db(context.RequestServices!);
                if (await db.Policies.AnyAsync(p => p.EffectiveFrom == effectiveFrom, context.CancellationToken))
                    return PublishPolicyPayload.Refuse(UserError.For("DUPLICATE_EFFECTIVE_DATE", "A version already takes effect on that day.", "input", "effectiveFrom"));
                var version = (await db.Policies.MaxAsync(p => (int?)p.Version, context.CancellationToken) ?? 0) + 1;
                var published = PolicyVersion.Publish(version, effectiveFrom, policy.Name, ReferralPolicyJson.Serialize(policy),
                    Actor.From(context.User).Subject, clock.GetUtcNow());
                db.Policies.Add(published);
                try
                {
                    await db.SaveChangesAsync(context.CancellationToken);
                }
                catch (DbUpdateException e) when (!DatabaseOutage.IsCause(e)) // an outage is a 503, not this user error
                {
                    return PublishPolicyPayload.Refuse(UserError.For("CONCURRENT_PUBLICATION",
                        "Someone else published a version at the same moment. Look at the versions and publish again if still needed."));
                }
                return new PublishPolicyPayload { Policy = published };
            });

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services) =>
        services.GetRequiredService<BatchLoaders>().ForOne<Guid, PolicyVersion>("referrals.policyById", async (ids, ct) =>
                await Db(services).Policies.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => (PolicyVersion?)p, ct))
            .Load(id).AsObject();

    private static ReferralsDbContext Db(IServiceProvider services) => services.GetRequiredService<ReferralsDbContext>();
}

internal sealed record PublishPolicyPayload : Payload
{
    public PolicyVersion? Policy { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => Policy is null ? [] : [Policy.Id];

    public static PublishPolicyPayload Refuse(params UserError[] errors) => new() { UserErrors = errors };
}

internal sealed class PublishPolicyPayloadType : PayloadGraphType<PublishPolicyPayload>
{
    public PublishPolicyPayloadType() : base("PublishReferralPolicyPayload") =>
        Field<PolicyVersionType>("policy").Description("The new version.").Resolve(c => c.Source.Policy);
}

internal sealed class PublishPolicyInputType : InputObjectGraphType
{
    public PublishPolicyInputType()
    {
        Name = "PublishReferralPolicyInput";
        Field<NonNullGraphType<DateOnlyGraphType>>("effectiveFrom").Description("The first day it applies: today or later.");
        Field<NonNullGraphType<StringGraphType>>("document").Description("The criteria as JSON, in the shape of ReferralPolicyVersion.document.");
    }
}
