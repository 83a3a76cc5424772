using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Billing.Features.Checkout;
using RJCloud.Tenancy.Billing.Invoices;
using RJCloud.Tenancy.Billing.Plans;
using RJCloud.Tenancy.Billing.Subscriptions;
using RJCloud.Tenancy.Identity.Features;
using RJCloud.Tenancy.Persistence;

namespace RJCloud.Tenancy.Billing.Features.OfficeBilling;

/// <summary>
/// A tenant admin's billing: where the office stands, its invoices, and the way to Stripe to subscribe
/// or manage payment. Both mutations work while the office is read-only: paying is how it gets out.
/// </summary>
internal sealed class OfficeBillingFields : ISchemaContributor, INodeResolver
{
    public string TypeName => BillingInvoiceType.Name;

    public void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<BillingType>>("billing")
            .Description("What the office pays RJCloud, where it stands and its invoices.")
            .Authorize(Roles.TenantAdmin)
            .ResolveAsync(async context =>
            {
                var tenant = context.RequireRole(Roles.TenantAdmin);
                var db = context.Service<TenancyDbContext>();
                // Not tenant-owned (ADR 0010): the office's own row, by the tenant the request works for, is the only one read.
                var subscription = await db.Set<BillingSubscription>().AsNoTracking().FirstOrDefaultAsync(s => s.OfficeId == tenant.Id, context.CancellationToken);
                var plan = subscription?.PlanId is { } planId
                    ? await db.Set<BillingPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, context.CancellationToken)
                    : null;
                return new OfficeBillingView(tenant.Id, subscription, plan);
            });

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Mutation<StartBillingCheckoutPayloadType, StartBillingCheckoutInputType, BillingLinkPayload>("startBillingCheckout",
                "Starts Stripe's checkout for a plan; send the person to checkoutUrl. The office's billing changes once Stripe confirms payment.")
            .Authorize(Roles.TenantAdmin)
            .AllowWhileReadOnly()
            .ResolveAsync(async context =>
            {
                var tenant = context.RequireRole(Roles.TenantAdmin);
                return await context.Service<BillingCheckout>().StartCheckoutAsync(tenant, context.Input()["planCode"] as string ?? "", context.CancellationToken);
            });

        mutation.Mutation<OpenBillingPortalPayloadType, OpenBillingPortalInputType, BillingLinkPayload>("openBillingPortal",
                "Opens Stripe's billing portal for the office: invoices, payment details, plan; send the person to portalUrl.")
            .Authorize(Roles.TenantAdmin)
            .AllowWhileReadOnly()
            .ResolveAsync(async context =>
            {
                var tenant = context.RequireRole(Roles.TenantAdmin);
                var purpose = context.Input().GetValueOrDefault("purpose") as BillingPortalPurpose? ?? BillingPortalPurpose.ManageSubscription;
                return await context.Service<BillingCheckout>().OpenPortalAsync(tenant, purpose == BillingPortalPurpose.UpdatePaymentMethod, context.CancellationToken);
            });
    }

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services) =>
        services.GetRequiredService<BatchLoaders>().ForOne<Guid, BillingInvoice>("billing.invoiceById", async (ids, ct) =>
                await services.GetRequiredService<TenancyDbContext>().Set<BillingInvoice>().AsNoTracking().Where(i => ids.Contains(i.Id))
                    .ToDictionaryAsync(i => i.Id, i => (BillingInvoice?)i, ct))
            .Load(id).AsObject();
}

internal enum BillingPortalPurpose
{
    ManageSubscription,
    UpdatePaymentMethod,
}

internal sealed class BillingPortalPurposeType : EnumerationGraphType<BillingPortalPurpose>
{
    public BillingPortalPurposeType()
    {
        Name = "BillingPortalPurpose";
        Description = "MANAGE_SUBSCRIPTION: the portal's home (invoices, plan, cancellation). UPDATE_PAYMENT_METHOD: straight to new card or bank details.";
    }
}

internal sealed class StartBillingCheckoutInputType : InputObjectGraphType
{
    public StartBillingCheckoutInputType()
    {
        Name = "StartBillingCheckoutInput";
        Field<NonNullGraphType<StringGraphType>>("planCode").Description("The code of the plan to subscribe to (see billingPlans).");
    }
}

internal sealed class StartBillingCheckoutPayloadType : PayloadGraphType<BillingLinkPayload>
{
    public StartBillingCheckoutPayloadType() : base("StartBillingCheckoutPayload") =>
        Field<StringGraphType>("checkoutUrl").Description("Stripe's checkout page for the office; valid for a day.").Resolve(c => c.Source.Url);
}

internal sealed class OpenBillingPortalInputType : InputObjectGraphType
{
    public OpenBillingPortalInputType()
    {
        Name = "OpenBillingPortalInput";
        Field<BillingPortalPurposeType>("purpose").Description("Where in the portal to start; MANAGE_SUBSCRIPTION when not given.");
    }
}

internal sealed class OpenBillingPortalPayloadType : PayloadGraphType<BillingLinkPayload>
{
    public OpenBillingPortalPayloadType() : base("OpenBillingPortalPayload") =>
        Field<StringGraphType>("portalUrl").Description("Stripe's billing portal for the office; valid for a few minutes.").Resolve(c => c.Source.Url);
}
