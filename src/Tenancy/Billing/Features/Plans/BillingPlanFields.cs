using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Money;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Billing.Plans;
using RJCloud.Tenancy.Identity.Features;
using RJCloud.Tenancy.Persistence;
using RJCloud.Tenancy.Registry;

namespace RJCloud.Tenancy.Billing.Features.Plans;

/// <summary>The price list: platform operators add plans; offices' admins read it to choose one.</summary>
internal sealed class BillingPlanFields(TimeProvider clock) : ISchemaContributor
{
    public void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BillingPlanType>>>>("billingPlans")
            .Description("The plans offices can subscribe to, in the order they were added.")
            .Authorize(Roles.TenantAdmin, Roles.PlatformOperator)
            .ResolveAsync(async context => await context.Service<TenancyDbContext>().Set<BillingPlan>().AsNoTracking()
                .OrderBy(p => p.Id).ToListAsync(context.CancellationToken));

    public void AddMutations(ObjectGraphType mutation) =>
        mutation.Mutation<CreateBillingPlanPayloadType, CreateBillingPlanInputType, CreateBillingPlanPayload>("createBillingPlan",
                "Adds a plan to the price list. Create its price in Stripe first (GBP, monthly per unit or yearly) and give its id.")
            .Authorize(Roles.PlatformOperator)
            .ResolveAsync(async context =>
            {
                var tenant = context.RequireRole(Roles.PlatformOperator);
                if (tenant.Identifier != Tenant.PlatformIdentifier) throw new ExecutionError("You do not have permission to do this.") { Code = "FORBIDDEN" };
                var input = context.Input();
                var code = input["code"] as string ?? "";
                var name = (input["name"] as string ?? "").Trim();
                var price = input["price"] is Money money ? money : default;
                var stripePriceId = (input["stripePriceId"] as string ?? "").Trim();
                if (!BillingPlan.IsValidCode(code))
                    return CreateBillingPlanPayload.Refuse(UserError.For("INVALID_CODE", "Use 2 to 32 lower-case letters, digits or hyphens, starting with a letter.", "input", "code"));
                if (name.Length is 0 or > 100)
                    return CreateBillingPlanPayload.Refuse(UserError.For("INVALID_NAME", "Give the plan a name of at most 100 characters.", "input", "name"));
                if (price.Amount <= 0 || price.Amount > 1_000_000)
                    return CreateBillingPlanPayload.Refuse(UserError.For("INVALID_PRICE", "The price is more than £0 and at most £1,000,000.", "input", "price"));
                if (!stripePriceId.StartsWith("price_", StringComparison.Ordinal) || stripePriceId.Length > 64)
                    return CreateBillingPlanPayload.Refuse(UserError.For("INVALID_STRIPE_PRICE", "Give the id of the plan's price in Stripe, e.g. price_1Q....", "input", "stripePriceId"));

                var db = context.Service<TenancyDbContext>();
                if (await db.Set<BillingPlan>().AnyAsync(p => p.Code == code, context.CancellationToken))
                    return CreateBillingPlanPayload.Refuse(UserError.For("DUPLICATE_CODE", "Another plan already has this code.", "input", "code"));
                var plan = BillingPlan.Create(code, name, (PlanPricing)input["pricing"]!, price, stripePriceId, clock.GetUtcNow());
                db.Add(plan);
                try
                {
                    await db.SaveChangesAsync(context.CancellationToken);
                }
                catch (DbUpdateException e) when (!DatabaseOutage.IsCause(e)) // an outage is a 503, not this user error
                {
                    return CreateBillingPlanPayload.Refuse(UserError.For("DUPLICATE_CODE", "Another plan already has this code.", "input", "code"));
                }
                return new CreateBillingPlanPayload { Plan = plan };
            });
}

internal sealed record CreateBillingPlanPayload : Payload
{
    public BillingPlan? Plan { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => Plan is null ? [] : [Plan.Id];

    public static CreateBillingPlanPayload Refuse(UserError error) => new() { UserErrors = [error] };
}

internal sealed class CreateBillingPlanPayloadType : PayloadGraphType<CreateBillingPlanPayload>
{
    public CreateBillingPlanPayloadType() : base("CreateBillingPlanPayload") =>
        Field<BillingPlanType>("plan").Description("The new plan.").Resolve(c => c.Source.Plan);
}

internal sealed class CreateBillingPlanInputType : InputObjectGraphType
{
    public CreateBillingPlanInputType()
    {
        Name = "CreateBillingPlanInput";
        Field<NonNullGraphType<StringGraphType>>("code").Description("Short code offices choose the plan by, e.g. \"flat-2026\".");
        Field<NonNullGraphType<StringGraphType>>("name").Description("The plan's name as offices see it.");
        Field<NonNullGraphType<PlanPricingType>>("pricing").Description("How the price is counted.");
        Field<NonNullGraphType<RJCloud.Shared.GraphQL.Scalars.MoneyGraphType>>("price").Description("Per active practitioner a month, or the yearly fee, in pounds.");
        Field<NonNullGraphType<StringGraphType>>("stripePriceId").Description("The id of the plan's price in Stripe (price_...).");
    }
}
