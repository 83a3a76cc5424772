using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RJCloud.Shared.Contracts;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Tenancy.Billing.Plans;
using RJCloud.Tenancy.Billing.Stripe;
using RJCloud.Tenancy.Billing.Subscriptions;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Persistence;
using RJCloud.Tenancy.Registry;
using StripeCheckout = Stripe.Checkout;
using StripePortal = Stripe.BillingPortal;

namespace RJCloud.Tenancy.Billing.Features.Checkout;

/// <summary>
/// Sends a tenant admin to Stripe: to its checkout to subscribe to a plan, or to its billing portal to
/// manage what they pay. Stripe's answer (paid or not) comes back later as webhook events.
/// </summary>
internal sealed class BillingCheckout(
    TenancyDbContext db, StripeGateway stripe, IOptions<BillingOptions> options, TimeProvider clock, IEnumerable<IPractitionerCount> practitioners)
{
    public static readonly UserError NotConfigured = UserError.For("BILLING_NOT_CONFIGURED",
        "Online payment is not set up for RJCloud yet. Contact the RJCloud platform team to arrange billing.");

    private static readonly UserError Unavailable = UserError.For("BILLING_UNAVAILABLE",
        "The payment provider did not answer in time. Nothing was charged: try again in a minute.");

    private static readonly UserError Refused = UserError.For("BILLING_REFUSED",
        "The payment provider refused the request. Nothing was charged: contact the RJCloud platform team.");

    public async Task<BillingLinkPayload> StartCheckoutAsync(CurrentTenant tenant, string planCode, CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured) return BillingLinkPayload.Refuse(NotConfigured);
        var plan = BillingPlan.IsValidCode(planCode)
            ? await db.Set<BillingPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.Code == planCode, cancellationToken)
            : null;
        if (plan is null) return BillingLinkPayload.Refuse(UserError.For("NOT_FOUND", "There is no plan with this code.", "input", "planCode"));
        var subscription = await db.Set<BillingSubscription>().AsNoTracking().FirstOrDefaultAsync(s => s.OfficeId == tenant.Id, cancellationToken);
        // A lapsed office with a subscription pays what it owes in the portal: a second subscription would charge twice.
        if (subscription is { StripeSubscriptionId: not null } && subscription.Standing != BillingStanding.Cancelled)
            return BillingLinkPayload.Refuse(UserError.For("ALREADY_SUBSCRIBED",
                "The office already has a subscription: pay, change its plan or payment details in the billing portal.", "input", "planCode"));

        try
        {
            var customer = await CustomerAsync(tenant.Id, cancellationToken);
            var quantity = plan.Pricing == PlanPricing.PerActivePractitioner ? await ActivePractitionersAsync(cancellationToken) : 1;
            var session = await stripe.CallAsync("checkout", $"rjcloud-checkout-{Guid.NewGuid():N}", (client, request, token) =>
                new StripeCheckout.SessionService(client).CreateAsync(new StripeCheckout.SessionCreateOptions
                {
                    Mode = "subscription",
                    Customer = customer,
                    ClientReferenceId = tenant.Id.ToString(),
                    LineItems = [new StripeCheckout.SessionLineItemOptions { Price = plan.StripePriceId, Quantity = quantity }],
                    SuccessUrl = options.Value.ReturnUrl,
                    CancelUrl = options.Value.ReturnUrl,
                    Metadata = new Dictionary<string, string> { ["tenant_id"] = tenant.Id.ToString(), ["plan_code"] = plan.Code },
                    SubscriptionData = new StripeCheckout.SessionSubscriptionDataOptions
                    {
                        Metadata = new Dictionary<string, string> { ["tenant_id"] = tenant.Id.ToString(), ["plan_code"] = plan.Code },
                        TrialEnd = RemainingTrial(subscription),
                    },
                }, request, token), cancellationToken);
            return new BillingLinkPayload { Url = session.Url };
        }
        catch (BillingProviderException e)
        {
            return BillingLinkPayload.Refuse(e.Refused ? Refused : Unavailable);
        }
    }

    public async Task<BillingLinkPayload> OpenPortalAsync(CurrentTenant tenant, bool updatePaymentMethod, CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured) return BillingLinkPayload.Refuse(NotConfigured);
        var customer = await db.Tenants.AsNoTracking().Where(t => t.Id == tenant.Id).Select(t => t.BillingCustomerId).FirstOrDefaultAsync(cancellationToken);
        if (customer is null)
            return BillingLinkPayload.Refuse(UserError.For("NO_SUBSCRIPTION", "The office has not subscribed yet: choose a plan and go through checkout first."));
        try
        {
            var session = await stripe.CallAsync("billing portal", $"rjcloud-portal-{Guid.NewGuid():N}", (client, request, token) =>
                new StripePortal.SessionService(client).CreateAsync(new StripePortal.SessionCreateOptions
                {
                    Customer = customer,
                    ReturnUrl = options.Value.ReturnUrl,
                    FlowData = updatePaymentMethod ? new StripePortal.SessionFlowDataOptions { Type = "payment_method_update" } : null,
                }, request, token), cancellationToken);
            return new BillingLinkPayload { Url = session.Url };
        }
        catch (BillingProviderException e)
        {
            return BillingLinkPayload.Refuse(e.Refused ? Refused : Unavailable);
        }
    }

    /// <summary>The office's Stripe customer, created once: the idempotency key is the office's, so two admins at once still make one.</summary>
    private async Task<string> CustomerAsync(Guid officeId, CancellationToken cancellationToken)
    {
        var office = await db.Tenants.FirstAsync(t => t.Id == officeId && t.Kind == TenantKind.Office, cancellationToken);
        if (office.BillingCustomerId is { } existing) return existing;
        var customer = await stripe.CallAsync("create customer", $"rjcloud-customer-{office.Id:N}", (client, request, token) =>
            new global::Stripe.CustomerService(client).CreateAsync(new global::Stripe.CustomerCreateOptions
            {
                // The office's name, an organisation's: no person's name or address goes to Stripe from here.
                Name = office.DisplayName,
                Metadata = new Dictionary<string, string> { ["tenant_id"] = office.Id.ToString(), ["identifier"] = office.Identifier },
            }, request, token), cancellationToken);
        office.LinkBillingCustomer(customer.Id, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return customer.Id;
    }

    private async Task<long> ActivePractitionersAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var source in practitioners) count += await source.ActiveAsync(cancellationToken);
        return Math.Max(1, count);
    }

    // Stripe wants a trial end at least two days ahead; a shorter remainder is simply charged now.
    private DateTime? RemainingTrial(BillingSubscription? subscription) =>
        subscription is { Standing: BillingStanding.Trial, TrialEndsAt: { } end } && end > clock.GetUtcNow().AddDays(2) ? end.UtcDateTime : null;
}

internal sealed record BillingLinkPayload : Payload
{
    /// <summary>Stripe's page to send the person to.</summary>
    public string? Url { get; init; }

    public static BillingLinkPayload Refuse(UserError error) => new() { UserErrors = [error] };
}
