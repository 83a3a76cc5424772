using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.GraphQL.Scalars;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Money;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Billing.Features.OfficeBilling;
using RJCloud.Tenancy.Billing.Features.Plans;
using RJCloud.Tenancy.Billing.Plans;
using RJCloud.Tenancy.Billing.Subscriptions;
using RJCloud.Tenancy.Identity.Features;
using RJCloud.Tenancy.Identity.Features.Tenants;
using RJCloud.Tenancy.Persistence;
using RJCloud.Tenancy.Registry;
using GraphQL;

namespace RJCloud.Tenancy.Billing.Features.Overview;

/// <summary>The platform operators' view of billing: every office with its plan, where it stands and what it has paid, in one query.</summary>
internal sealed class BillingOverviewFields : ISchemaContributor
{
    public void AddQueries(ObjectGraphType query) =>
        query.ConnectionField<object?, OfficeBillingSummaryType>("officeBilling")
            .Description("Every office with its plan, billing status and revenue, oldest office first.")
            .Authorize(Roles.PlatformOperator)
            .ResolveAsync(async context =>
            {
                var tenant = context.RequireRole(Roles.PlatformOperator);
                if (tenant.Identifier != Tenant.PlatformIdentifier) throw new ExecutionError("You do not have permission to do this.") { Code = "FORBIDDEN" };
                var db = context.Service<TenancyDbContext>();
                var rows =
                    from office in db.Tenants.AsNoTracking().Where(t => t.Kind == TenantKind.Office)
                    join subscription in db.Set<BillingSubscription>().AsNoTracking() on office.Id equals subscription.OfficeId into subscriptions
                    from subscription in subscriptions.DefaultIfEmpty()
                    join plan in db.Set<BillingPlan>().AsNoTracking() on subscription!.PlanId equals (Guid?)plan.Id into plans
                    from plan in plans.DefaultIfEmpty()
                    select new OfficeBillingSummary { Tenant = office, Subscription = subscription, Plan = plan };
                return await rows.ToConnectionAsync(r => r.Tenant.Id, context.GetPage(), context.CancellationToken);
            });
}

internal sealed record OfficeBillingSummary
{
    public required Tenant Tenant { get; init; }

    public BillingSubscription? Subscription { get; init; }

    public BillingPlan? Plan { get; init; }
}

internal sealed class OfficeBillingSummaryType : ObjectGraphType<OfficeBillingSummary>
{
    public OfficeBillingSummaryType()
    {
        Name = "OfficeBillingSummary";
        Description = "An office's billing as the platform operators see it.";
        Field<NonNullGraphType<OfficeTenantType>>("office").Description("The office, with its status.").Resolve(c => new Office { Tenant = c.Source.Tenant });
        Field<BillingPlanType>("plan").Description("The plan it pays for; null before it subscribes.").Resolve(c => c.Source.Plan);
        Field<NonNullGraphType<BillingStatusType>>("status").Description("Where it stands with billing.")
            .Resolve(c => c.Source.Subscription?.Standing ?? BillingStanding.Trial);
        Field<NonNullGraphType<MoneyGraphType>, Money>("revenue").Description("Everything it has paid, in pounds.")
            .Resolve(c => Money.Pounds(c.Source.Subscription?.Revenue ?? 0m));
        Field<UtcDateTimeGraphType, DateTimeOffset?>("nextInvoiceAt").Description("When Stripe next invoices it.").Resolve(c => c.Source.Subscription?.NextInvoiceAt);
    }
}
