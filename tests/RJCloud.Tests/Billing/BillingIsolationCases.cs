using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Money;
using RJCloud.Tenancy.Billing.Invoices;
using RJCloud.Tenancy.Billing.Plans;
using RJCloud.Tenancy.Billing.Subscriptions;
using RJCloud.Tenancy.Persistence;
using RJCloud.Tests.Isolation.Matrix;

namespace RJCloud.Tests.Billing;

/// <summary>
/// Office A pays for a plan and has invoices; B's admin sees only B's billing, B's mutations reach
/// only B's own Stripe customer, and the operators' fields are closed to offices. The matrix runs
/// without a Stripe key, so B's billing mutations answer BILLING_NOT_CONFIGURED whatever they name.
/// </summary>
public sealed class BillingIsolationCases : IIsolationCases
{
    private const string Reason = "platform operators only, signed in to the platform realm";
    private const string Plan = "matrix-flat-2026";
    private const string Customer = "cus_officeA_matrix";
    private const string InvoiceNumber = "OFFICE-A-0001";
    private Guid officeA;

    public async Task SeedAsync(OfficeA a)
    {
        var now = DateTimeOffset.UtcNow;
        await a.App.InOfficeAsync(a.Identifier, async services =>
        {
            var db = services.GetRequiredService<TenancyDbContext>();
            var plan = BillingPlan.Create(Plan, "Flat fee 2026", PlanPricing.YearlyFlatFee, Money.Pounds(11_000m), "price_matrix_flat_2026", now);
            db.Add(plan);
            (await db.Tenants.SingleAsync(t => t.Id == a.Tenant.Id)).LinkBillingCustomer(Customer, now);
            var subscription = BillingSubscription.StartTrial(a.Tenant.Id, 30, now);
            subscription.Subscribed(plan.Id, "sub_officeA_matrix", now, now);
            subscription.Paid(11_000m, now.AddYears(1), now, now);
            db.Add(subscription);
            foreach (var (stripeId, number) in new[] { ("in_officeA_matrix1", InvoiceNumber), ("in_officeA_matrix2", "OFFICE-A-0002") })
            {
                var invoice = BillingInvoice.Issued(a.Tenant.Id, stripeId, now);
                invoice.Update("paid", number, 5_500m, 5_500m, now.AddYears(1), $"https://invoice.stripe.test/i/{stripeId}", now);
                db.Add(invoice);
            }
            await db.SaveChangesAsync();
            return true;
        });
        officeA = a.Tenant.Id;
        // Not the plan: the price list is the same for every office.
        a.Remember(Customer, InvoiceNumber, "OFFICE-A-0002", "in_officeA_matrix1", "sub_officeA_matrix");
    }

    public IEnumerable<IsolationCase> Cases =>
    [
        new Listing("Query.billingPlans"),
        new Listing("Query.billing"),
        new NodeCase("BillingInvoice", OwnerView.OfficeAdmin),
        new PlatformOnly("Query.officeBilling", Reason,
            () => new { first = 100, after = Cursor.Encode(officeA) }, () => new { first = 100, after = Cursor.Encode(Guid.CreateVersion7()) }),
        new PlatformOnly("Mutation.createBillingPlan", Reason,
            () => new { input = NewPlan(Plan) }, () => new { input = NewPlan("office-b-new") }),
        new Probe("Mutation.startBillingCheckout", "the plan A pays for",
            () => new { input = new { planCode = Plan } }, () => new { input = new { planCode = "no-such-plan" } })
        {
            UserError = "BILLING_NOT_CONFIGURED",
        },
        new Probe("Mutation.openBillingPortal", "only ever B's own Stripe customer, never A's",
            () => new { input = new { purpose = "UPDATE_PAYMENT_METHOD" } }, () => new { input = new { purpose = "UPDATE_PAYMENT_METHOD" } })
        {
            UserError = "BILLING_NOT_CONFIGURED",
        },
    ];

    private static object NewPlan(string code) =>
        new { code, name = "A plan", pricing = "YEARLY_FLAT_FEE", price = "100.00", stripePriceId = "price_new" };
}
