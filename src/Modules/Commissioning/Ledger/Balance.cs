namespace RJCloud.Modules.Commissioning.Ledger;

/// <summary>
/// Money as it stands on a day, in pence. Committed counts commitments and expense charges; invoiced
/// counts invoices and expense charges (an approved claim is its own invoice); paid counts payments,
/// of invoices and of charged claims. Remaining is what is budgeted less what is committed.
/// </summary>
internal sealed record Balance(long BudgetedPence, long CommittedPence, long InvoicedPence, long PaidPence)
{
    public static readonly Balance Zero = new(0, 0, 0, 0);

    public long RemainingPence => BudgetedPence - CommittedPence;

    public static Balance Of(long budgeted, IEnumerable<LedgerEntry> entries, DateOnly on)
    {
        long committed = 0, invoiced = 0, paid = 0;
        foreach (var entry in entries.Where(e => e.On <= on))
        {
            switch (entry.Kind)
            {
                case EntryKind.Commitment: committed += entry.AmountPence; break;
                case EntryKind.Invoice: invoiced += entry.AmountPence; break;
                case EntryKind.Payment: paid += entry.AmountPence; break;
                case EntryKind.ExpenseCharge:
                    committed += entry.AmountPence;
                    invoiced += entry.AmountPence;
                    break;
            }
        }
        return new Balance(budgeted, committed, invoiced, paid);
    }

    public static Balance operator +(Balance a, Balance b) =>
        new(a.BudgetedPence + b.BudgetedPence, a.CommittedPence + b.CommittedPence, a.InvoicedPence + b.InvoicedPence, a.PaidPence + b.PaidPence);
}
