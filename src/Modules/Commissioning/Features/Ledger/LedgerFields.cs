using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Commissioning.Decisions;
using RJCloud.Modules.Commissioning.Features.Funding;
using RJCloud.Modules.Commissioning.Ledger;
using RJCloud.Modules.Commissioning.Persistence;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.GraphQL.Scalars;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Time;
using RJCloud.Tenancy.Authorization;
using Pounds = RJCloud.Shared.Money.Money;

namespace RJCloud.Modules.Commissioning.Features.Ledger;

/// <summary>
/// recordCommitment, recordInvoice, recordPayment and reverseLedgerEntry: the ledger, in which nothing is
/// edited. A commitment beyond its budget's remaining money is refused unless an agreed decision covers it.
/// </summary>
internal sealed class LedgerFields(TimeProvider clock) : ISchemaContributor
{
    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Mutation<MoneyPayloadType, CommitmentInputType, MoneyPayload>("recordCommitment",
                "Commits money from a budget line to a payee. Refused beyond the budget's remaining money unless an agreed decision covers it.")
            .Authorize(CommissioningAccess.MoneyKeepers)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var db = Db(context);
                var errors = new List<UserError>();
                var (pence, on, payee, description) = Common(input, errors, needsPayee: true);
                var line = await FindLineAsync(db, input["budgetLineId"], errors, context.CancellationToken);
                DecisionReport? decision = null;
                if (input.GetValueOrDefault("decisionId") is { } named)
                {
                    var decisionId = GlobalId.DecodeFor("DecisionReport", named.ToString());
                    decision = decisionId is null ? null : await db.Decisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == decisionId, context.CancellationToken);
                    if (decision is null) errors.Add(UserError.For("NOT_FOUND", "There is no decision report with this id.", "input", "decisionId"));
                    else if (decision.Status != DecisionStatus.Agreed) errors.Add(UserError.For("NOT_AGREED", "Only an agreed decision can cover a commitment.", "input", "decisionId"));
                }
                Guid? contractId = null;
                if (input.GetValueOrDefault("contractId") is { } contractNamed)
                {
                    contractId = GlobalId.DecodeFor("Contract", contractNamed.ToString());
                    if (contractId is null || !await db.Contracts.AnyAsync(c => c.Id == contractId, context.CancellationToken))
                        errors.Add(UserError.For("NOT_FOUND", "There is no contract with this id.", "input", "contractId"));
                }
                if (errors.Count == 0 && decision is null)
                {
                    var balance = (await Balances.ByBudgetAsync(db, [line!.BudgetId], DateOnly.MaxValue, context.CancellationToken))[line.BudgetId];
                    if (pence > balance.RemainingPence)
                        errors.Add(UserError.For("OVER_BUDGET",
                            $"The budget has {Amounts.Of(balance.RemainingPence)} left to commit; an agreed decision must cover a larger commitment.", "input", "amount"));
                }
                if (errors.Count > 0) return new MoneyPayload { UserErrors = errors };
                return await SaveAsync(context, db, LedgerEntry.Record(EntryKind.Commitment, line!.Id, pence, on, payee, null, description, null, decision?.Id,
                    CommissioningAccess.UserId(context.RequestServices!), clock.GetUtcNow(), contractId));
            });

        mutation.Mutation<MoneyPayloadType, InvoiceInputType, MoneyPayload>("recordInvoice",
                "Records a payee's invoice against a commitment, up to what is still uninvoiced on it.")
            .Authorize(CommissioningAccess.Finance)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var db = Db(context);
                var errors = new List<UserError>();
                var (pence, on, _, description) = Common(input, errors, needsPayee: false);
                var number = ((string?)input["invoiceNumber"])?.Trim() ?? "";
                if (number.Length is 0 or > 100) errors.Add(UserError.For("REQUIRED", "Give the invoice number, at most 100 characters.", "input", "invoiceNumber"));
                var commitment = await FindEntryAsync(db, input["commitmentId"], EntryKind.Commitment, "commitmentId", errors, context.CancellationToken);
                if (commitment is not null && errors.Count == 0)
                {
                    var open = await OpenAsync(db, commitment, EntryKind.Invoice, context.CancellationToken);
                    if (pence > open)
                        errors.Add(UserError.For("OVER_COMMITMENT", $"Only {Amounts.Of(open)} of the commitment is not yet invoiced; commit more first.", "input", "amount"));
                }
                if (errors.Count > 0) return new MoneyPayload { UserErrors = errors };
                return await SaveAsync(context, db, LedgerEntry.Record(EntryKind.Invoice, commitment!.BudgetLineId, pence, on, commitment.Payee, number,
                    description, commitment.Id, commitment.DecisionId, CommissioningAccess.UserId(context.RequestServices!), clock.GetUtcNow(), commitment.ContractId));
            });

        mutation.Mutation<MoneyPayloadType, PaymentInputType, MoneyPayload>("recordPayment",
                "Records a payment of an invoice, up to what is still unpaid on it.")
            .Authorize(CommissioningAccess.Finance)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var db = Db(context);
                var errors = new List<UserError>();
                var (pence, on, _, description) = Common(input, errors, needsPayee: false);
                var reference = ((string?)input["paymentReference"])?.Trim() ?? "";
                if (reference.Length is 0 or > 100) errors.Add(UserError.For("REQUIRED", "Give the payment's reference, at most 100 characters.", "input", "paymentReference"));
                var invoice = await FindEntryAsync(db, input["invoiceId"], EntryKind.Invoice, "invoiceId", errors, context.CancellationToken);
                if (invoice is not null && errors.Count == 0)
                {
                    var open = await OpenAsync(db, invoice, EntryKind.Payment, context.CancellationToken);
                    if (pence > open) errors.Add(UserError.For("OVER_INVOICE", $"Only {Amounts.Of(open)} of the invoice is unpaid.", "input", "amount"));
                    if (on < invoice.On) errors.Add(UserError.For("BEFORE_INVOICE", "A payment is made on or after the invoice's date.", "input", "on"));
                }
                if (errors.Count > 0) return new MoneyPayload { UserErrors = errors };
                return await SaveAsync(context, db, LedgerEntry.Record(EntryKind.Payment, invoice!.BudgetLineId, pence, on, invoice.Payee, reference,
                    description, invoice.Id, invoice.DecisionId, CommissioningAccess.UserId(context.RequestServices!), clock.GetUtcNow()));
            });

        mutation.Mutation<MoneyPayloadType, ReverseInputType, MoneyPayload>("reverseLedgerEntry",
                "Puts a mistake right: a new entry for the negative amount, naming the entry it reverses. An entry is reversed once; a reversal is not reversed; an entry with invoices or payments against it is reversed after them.")
            .Authorize(CommissioningAccess.Finance)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var db = Db(context);
                var errors = new List<UserError>();
                var reason = ((string?)input["reason"])?.Trim() ?? "";
                if (reason.Length is 0 or > 1000) errors.Add(UserError.For("REQUIRED", "Give the reason, at most 1,000 characters.", "input", "reason"));
                var on = (DateOnly)input["on"]!;
                if (on > clock.Today()) errors.Add(UserError.For("IN_FUTURE", "A reversal is dated today or earlier.", "input", "on"));
                var id = GlobalId.DecodeFor(LedgerEntryType.Name, input["entryId"]?.ToString());
                var entry = id is null ? null : await db.Ledger.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, context.CancellationToken);
                if (entry is null) errors.Add(UserError.For("NOT_FOUND", "There is no ledger entry with this id.", "input", "entryId"));
                else if (entry.IsReversal) errors.Add(UserError.For("IS_REVERSAL", "A reversal is not reversed; record the entry again instead.", "input", "entryId"));
                else if (await db.Ledger.AnyAsync(e => e.ReversesId == entry.Id, context.CancellationToken))
                    errors.Add(UserError.For("ALREADY_REVERSED", "This entry has already been reversed.", "input", "entryId"));
                else if (await OpenAsync(db, entry, entry.Kind == EntryKind.Commitment ? EntryKind.Invoice : EntryKind.Payment, context.CancellationToken) != entry.AmountPence
                    && entry.Kind is EntryKind.Commitment or EntryKind.Invoice or EntryKind.ExpenseCharge)
                    errors.Add(UserError.For("HAS_DEPENDANTS", "Reverse the invoices or payments recorded against this entry first.", "input", "entryId"));
                if (errors.Count > 0) return new MoneyPayload { UserErrors = errors };
                return await SaveAsync(context, db, entry!.Reverse(on, reason, CommissioningAccess.UserId(context.RequestServices!), clock.GetUtcNow()));
            });
    }

    private static CommissioningDbContext Db(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<CommissioningDbContext>();

    private (long Pence, DateOnly On, string Payee, string Description) Common(Dictionary<string, object?> input, List<UserError> errors, bool needsPayee)
    {
        var pence = Amounts.Pence((Pounds)input["amount"]!);
        if (pence <= 0) errors.Add(UserError.For("INVALID_AMOUNT", "The amount is more than £0.", "input", "amount"));
        var on = (DateOnly)input["on"]!;
        if (on > clock.Today()) errors.Add(UserError.For("IN_FUTURE", "An entry is dated today or earlier.", "input", "on"));
        var payee = needsPayee ? ((string?)input["payee"])?.Trim() ?? "" : "";
        if (needsPayee && payee.Length is 0 or > 200) errors.Add(UserError.For("REQUIRED", "Name the payee, at most 200 characters.", "input", "payee"));
        var description = ((string?)input.GetValueOrDefault("description"))?.Trim() ?? "";
        if (description.Length > 1000) errors.Add(UserError.For("TOO_LONG", "A description is at most 1,000 characters.", "input", "description"));
        return (pence, on, payee, description);
    }

    private static async Task<Modules.Commissioning.Money.BudgetLine?> FindLineAsync(CommissioningDbContext db, object? named, List<UserError> errors, CancellationToken cancellationToken)
    {
        var id = GlobalId.DecodeFor(BudgetLineType.Name, named?.ToString());
        var line = id is null ? null : await db.BudgetLines.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (line is null) errors.Add(UserError.For("NOT_FOUND", "There is no budget line with this id.", "input", "budgetLineId"));
        return line;
    }

    private static async Task<LedgerEntry?> FindEntryAsync(CommissioningDbContext db, object? named, EntryKind kind, string field, List<UserError> errors,
        CancellationToken cancellationToken)
    {
        var id = GlobalId.DecodeFor(LedgerEntryType.Name, named?.ToString());
        var entry = id is null ? null : await db.Ledger.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.ReversesId == null, cancellationToken);
        if (entry is null || entry.Kind != kind) errors.Add(UserError.For("NOT_FOUND", $"There is no {kind.ToString().ToLowerInvariant()} with this id.", "input", field));
        else if (await db.Ledger.AnyAsync(e => e.ReversesId == entry.Id, cancellationToken))
            errors.Add(UserError.For("REVERSED", $"This {kind.ToString().ToLowerInvariant()} has been reversed.", "input", field));
        return entry is not null && entry.Kind == kind ? entry : null;
    }

    /// <summary>What of an entry is not yet followed by invoices (for a commitment) or payments (for an invoice), net of reversals.</summary>
    private static async Task<long> OpenAsync(CommissioningDbContext db, LedgerEntry entry, EntryKind following, CancellationToken cancellationToken) =>
        entry.AmountPence - await db.Ledger.Where(e => e.ParentId == entry.Id && e.Kind == following).SumAsync(e => e.AmountPence, cancellationToken);

    private static async Task<MoneyPayload> SaveAsync(IResolveFieldContext context, CommissioningDbContext db, LedgerEntry entry)
    {
        db.Ledger.Add(entry);
        await db.SaveChangesAsync(context.CancellationToken);
        return new MoneyPayload { EntryId = entry.Id };
    }
}

internal sealed class CommitmentInputType : InputObjectGraphType
{
    public CommitmentInputType()
    {
        Name = "RecordCommitmentInput";
        Field<NonNullGraphType<IdGraphType>>("budgetLineId");
        Field<NonNullGraphType<MoneyGraphType>>("amount");
        Field<NonNullGraphType<DateOnlyGraphType>>("on");
        Field<NonNullGraphType<StringGraphType>>("payee").Description("The organisation paid, e.g. \"Kiwi Communities\".");
        Field<StringGraphType>("description");
        Field<IdGraphType>("decisionId").Description("The agreed decision behind it; needed beyond the budget's remaining money.");
        Field<IdGraphType>("contractId").Description("The contract it commits money to, when there is one (e.g. this year's payments of a commissioned service).");
    }
}

internal sealed class InvoiceInputType : InputObjectGraphType
{
    public InvoiceInputType()
    {
        Name = "RecordInvoiceInput";
        Field<NonNullGraphType<IdGraphType>>("commitmentId");
        Field<NonNullGraphType<MoneyGraphType>>("amount");
        Field<NonNullGraphType<DateOnlyGraphType>>("on");
        Field<NonNullGraphType<StringGraphType>>("invoiceNumber");
        Field<StringGraphType>("description");
    }
}

internal sealed class PaymentInputType : InputObjectGraphType
{
    public PaymentInputType()
    {
        Name = "RecordPaymentInput";
        Field<NonNullGraphType<IdGraphType>>("invoiceId");
        Field<NonNullGraphType<MoneyGraphType>>("amount");
        Field<NonNullGraphType<DateOnlyGraphType>>("on");
        Field<NonNullGraphType<StringGraphType>>("paymentReference");
        Field<StringGraphType>("description");
    }
}

internal sealed class ReverseInputType : InputObjectGraphType
{
    public ReverseInputType()
    {
        Name = "ReverseLedgerEntryInput";
        Field<NonNullGraphType<IdGraphType>>("entryId");
        Field<NonNullGraphType<DateOnlyGraphType>>("on");
        Field<NonNullGraphType<StringGraphType>>("reason");
    }
}
