using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using GraphQL.Types;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.GraphQL.Scalars;
using RJCloud.Shared.Money;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Billing.Features.Plans;
using RJCloud.Tenancy.Billing.Invoices;
using RJCloud.Tenancy.Billing.Plans;
using RJCloud.Tenancy.Billing.Subscriptions;

namespace RJCloud.Tenancy.Billing.Features.OfficeBilling;

/// <summary>The office's billing as its admin sees it; a subscription of null means billing has not met the office yet.</summary>
internal sealed record OfficeBillingView(Guid OfficeId, BillingSubscription? Subscription, BillingPlan? Plan);

internal sealed class BillingStatusType : EnumerationGraphType<BillingStanding>
{
    public BillingStatusType()
    {
        Name = "BillingStatus";
        Description = "TRIAL: trying the service. ACTIVE: paid up. PAYMENT_FAILED: a payment failed; everything works until the grace period ends. " +
            "LAPSED: the trial or grace period ended unpaid, so the office is read-only until it pays. CANCELLED: the subscription ended and the office is suspended; its records are kept.";
    }
}

internal sealed class BillingType : ObjectGraphType<OfficeBillingView>
{
    public BillingType()
    {
        Name = "Billing";
        Description = "What the office pays RJCloud, and where it stands.";
        Field<BillingPlanType>("plan").Description("The plan the office pays for; null before it subscribes.").Resolve(c => c.Source.Plan);
        Field<NonNullGraphType<BillingStatusType>>("status").Description("Where the office stands.")
            .Resolve(c => c.Source.Subscription?.Standing ?? BillingStanding.Trial);
        Field<UtcDateTimeGraphType, DateTimeOffset?>("trialEndsAt").Description("When the trial ends; null when the office is not on trial or its trial has not started yet.")
            .Resolve(c => c.Source.Subscription is { Standing: BillingStanding.Trial } s ? s.TrialEndsAt : null);
        Field<UtcDateTimeGraphType, DateTimeOffset?>("graceEndsAt").Description("After a failed payment, when the office becomes read-only unless it pays.")
            .Resolve(c => c.Source.Subscription?.GraceEndsAt);
        Field<UtcDateTimeGraphType, DateTimeOffset?>("nextInvoiceAt").Description("When Stripe next invoices the office.")
            .Resolve(c => c.Source.Subscription?.NextInvoiceAt);
        this.ConnectionField<OfficeBillingView, BillingInvoiceType>("invoices")
            .Description("The office's invoices, newest first, as Stripe last reported them.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<Persistence.TenancyDbContext>()
                .Set<BillingInvoice>().AsNoTracking()
                .ToConnectionAsync(i => i.Id, context.GetPage(), context.CancellationToken, newestFirst: true));
    }
}

internal sealed class BillingInvoiceType : NodeGraphType<BillingInvoice>
{
    public new const string Name = "BillingInvoice";

    public BillingInvoiceType() : base(Name, i => i.Id)
    {
        this.Authorize(Roles.TenantAdmin);
        Description = "An invoice from RJCloud to the office, issued through Stripe.";
        Field(i => i.Number, nullable: true).Description("The invoice number, once Stripe has finalised it.");
        Field(i => i.Status).Description("draft, open, paid, uncollectible or void.");
        Field<NonNullGraphType<MoneyGraphType>, Money>("amountDue").Description("What the invoice asks for.").Resolve(c => Money.Pounds(c.Source.AmountDue));
        Field<NonNullGraphType<MoneyGraphType>, Money>("amountPaid").Description("What has been paid of it.").Resolve(c => Money.Pounds(c.Source.AmountPaid));
        Field(i => i.IssuedAt).Description("When it was issued.");
        Field(i => i.PeriodEnd, nullable: true).Description("The end of the period it charges for.");
        Field(i => i.HostedInvoiceUrl, nullable: true).Description("Stripe's page for the invoice, to view, download or pay it.");
    }
}
