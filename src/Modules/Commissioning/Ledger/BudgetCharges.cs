using Microsoft.EntityFrameworkCore;
using Npgsql;
using RJCloud.Modules.Commissioning.Persistence;
using RJCloud.Shared.Contracts;
using RJCloud.Shared.GraphQL.Relay;

namespace RJCloud.Modules.Commissioning.Ledger;

/// <summary>
/// Volunteer expense claims in the ledger: an approved claim is an ExpenseCharge on its budget line (committed
/// and invoiced at once), its payment a Payment against it. The claim's id is the entry's reference, unique
/// among charges, so a repeated call never charges twice. The payee is never a volunteer's name: the ledger's
/// payments over £500 are published.
/// </summary>
internal sealed class BudgetCharges(CommissioningDbContext db, TimeProvider clock) : IBudgetCharges
{
    public const string Payee = "Volunteer expense claim";

    public async Task<ChargeResult> ChargeAsync(ExpenseCharge charge, CancellationToken cancellationToken)
    {
        var reference = charge.ClaimId.ToString();
        if (await ChargeOfAsync(reference, cancellationToken) is not null) return ChargeResult.Charged;
        var lineId = GlobalId.DecodeFor("BudgetLine", charge.BudgetLineId);
        var line = lineId is null ? null : await db.BudgetLines.AsNoTracking().FirstOrDefaultAsync(l => l.Id == lineId, cancellationToken);
        if (line is null) return ChargeResult.UnknownBudgetLine;
        var balance = (await Balances.ByBudgetAsync(db, [line.BudgetId], DateOnly.MaxValue, cancellationToken))[line.BudgetId];
        if (charge.AmountPence > balance.RemainingPence) return ChargeResult.OverBudget;
        db.Ledger.Add(LedgerEntry.Record(EntryKind.ExpenseCharge, line.Id, charge.AmountPence, charge.On, Payee, reference, "Approved volunteer expense claim",
            null, null, null, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
        }
        return ChargeResult.Charged;
    }

    public async Task RecordPaidAsync(Guid claimId, DateOnly paidOn, string paymentReference, CancellationToken cancellationToken)
    {
        if (await ChargeOfAsync(claimId.ToString(), cancellationToken) is not { } charge) return;
        if (await db.Ledger.AnyAsync(e => e.ParentId == charge.Id && e.Kind == EntryKind.Payment && e.ReversesId == null, cancellationToken)) return;
        db.Ledger.Add(LedgerEntry.Record(EntryKind.Payment, charge.BudgetLineId, charge.AmountPence, paidOn, Payee, paymentReference, "Expense claim paid",
            charge.Id, null, null, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task CancelAsync(Guid claimId, DateOnly on, CancellationToken cancellationToken)
    {
        if (await ChargeOfAsync(claimId.ToString(), cancellationToken) is not { } charge
            || await db.Ledger.AnyAsync(e => e.ReversesId == charge.Id, cancellationToken)) return;
        db.Ledger.Add(charge.Reverse(on, "The claim's approval did not stand", null, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    private Task<LedgerEntry?> ChargeOfAsync(string reference, CancellationToken cancellationToken) =>
        db.Ledger.AsNoTracking().FirstOrDefaultAsync(e => e.Kind == EntryKind.ExpenseCharge && e.Reference == reference && e.ReversesId == null, cancellationToken);
}
