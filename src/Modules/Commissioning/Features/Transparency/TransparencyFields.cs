using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Commissioning.Decisions;
using RJCloud.Modules.Commissioning.Features.Decisions;
using RJCloud.Modules.Commissioning.Features.Funding;
using RJCloud.Modules.Commissioning.Ledger;
using RJCloud.Modules.Commissioning.Persistence;
using RJCloud.Shared.GraphQL.Scalars;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;

namespace RJCloud.Modules.Commissioning.Features.Transparency;

/// <summary>
/// transparency: what the Elected Local Policing Bodies (Specified Information) Order requires the office
/// to publish, for anyone without signing in at the office's address: published decisions (redacted text
/// only), spending over £500 and contracts over £10,000. Nothing else of the module is reachable this way.
/// </summary>
internal sealed class TransparencyFields : ISchemaContributor
{
    public const long SpendingThresholdPence = 500_00;
    public const long ContractThresholdPence = 10_000_00;

    public void AddQueries(ObjectGraphType query) =>
        query.Field<TransparencyType>("transparency")
            .Description("The office's published decisions, spending over £500 and contracts over £10,000. No sign-in: use the office's address, e.g. /t/essex/graphql.")
            .AllowAnonymous()
            .ResolveAsync(async context =>
            {
                if (context.RequestServices!.GetRequiredService<ITenantContext>().Current is null)
                    throw new ExecutionError("Ask at the office's own address, e.g. /t/essex/graphql.") { Code = "OFFICE_REQUIRED" };
                var db = context.RequestServices!.GetRequiredService<CommissioningDbContext>();
                var decided = await db.Decisions.AsNoTracking()
                    .Where(d => (d.Status == DecisionStatus.Agreed || d.Status == DecisionStatus.NotAgreed) && d.ForPublication == true)
                    .ToListAsync(context.CancellationToken);
                var reversed = db.Ledger.Where(r => r.ReversesId != null).Select(r => r.ReversesId);
                var payments = await (from payment in db.Ledger.AsNoTracking()
                                      join line in db.BudgetLines on payment.BudgetLineId equals line.Id
                                      join budget in db.Budgets on line.BudgetId equals budget.Id
                                      where payment.Kind == EntryKind.Payment && payment.ReversesId == null && payment.AmountPence > SpendingThresholdPence
                                            && !reversed.Contains(payment.Id)
                                      orderby payment.On descending, payment.Id descending
                                      select new PublicPayment(payment.Payee, payment.AmountPence, payment.On, budget.Name)).ToListAsync(context.CancellationToken);
                var contracts = await (from contract in db.Contracts.AsNoTracking()
                                       join provider in db.Providers on contract.ProviderId equals provider.Id
                                       select new { contract, provider.Name }).ToListAsync(context.CancellationToken);
                return new Transparency(
                    [.. decided.Where(d => d.IsPublished).OrderByDescending(d => d.Decider!.At)
                        .Select(d => new PublicDecision(d.Reference, d.Content.Title, EnglandDay(d.Decider!.At), d.Status == DecisionStatus.Agreed, PublishedText.Of(d)))],
                    payments,
                    [.. contracts.Where(c => c.contract.ValuePence > ContractThresholdPence).OrderByDescending(c => c.contract.StartsOn)
                        .Select(c => new PublicContract(c.Name, c.contract.Service, c.contract.StartsOn, c.contract.EndsOn, c.contract.ValuePence))]);
            });

    private static DateOnly EnglandDay(DateTimeOffset at) => RJCloud.Shared.Time.EnglandClock.DayOf(at);
}

internal sealed record Transparency(IReadOnlyList<PublicDecision> Decisions, IReadOnlyList<PublicPayment> Spending, IReadOnlyList<PublicContract> Contracts);

internal sealed record PublicContract(string Provider, string Service, DateOnly StartsOn, DateOnly EndsOn, long ValuePence);

internal sealed class PublicContractType : ObjectGraphType<PublicContract>
{
    public PublicContractType()
    {
        Name = "PublicContract";
        Field(c => c.Provider);
        Field(c => c.Service);
        Field(c => c.StartsOn);
        Field(c => c.EndsOn);
        Field<NonNullGraphType<MoneyGraphType>>("value").Resolve(c => Amounts.Of(c.Source.ValuePence));
    }
}

internal sealed record PublicDecision(string Reference, string Title, DateOnly DecidedOn, bool Agreed, string Text);

internal sealed record PublicPayment(string Payee, long AmountPence, DateOnly PaidOn, string Budget);

internal sealed class TransparencyType : ObjectGraphType<Transparency>
{
    public TransparencyType()
    {
        Name = "Transparency";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PublicDecisionType>>>>("decisions").Description("Published decisions, newest first, redacted.")
            .Resolve(c => c.Source.Decisions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PublicPaymentType>>>>("spending").Description("Payments over £500, newest first.")
            .Resolve(c => c.Source.Spending);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PublicContractType>>>>("contracts").Description("Contracts over £10,000, newest first.")
            .Resolve(c => c.Source.Contracts);
    }
}

internal sealed class PublicDecisionType : ObjectGraphType<PublicDecision>
{
    public PublicDecisionType()
    {
        Name = "PublicDecision";
        Field(d => d.Reference);
        Field(d => d.Title);
        Field(d => d.DecidedOn);
        Field(d => d.Agreed);
        Field(d => d.Text).Description("The report's text with redacted passages removed.");
    }
}

internal sealed class PublicPaymentType : ObjectGraphType<PublicPayment>
{
    public PublicPaymentType()
    {
        Name = "PublicPayment";
        Field(p => p.Payee);
        Field<NonNullGraphType<MoneyGraphType>>("amount").Resolve(c => Amounts.Of(c.Source.AmountPence));
        Field(p => p.PaidOn);
        Field(p => p.Budget);
    }
}
