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

    /// <param name="totals">The line's ledger up to the day, summed by kind of entry.</param>
    public static Balance Of(long budgeted, IEnumerable<(EntryKind Kind, long Pence)> totals)
    {
        long committed = 0, invoiced = 0, paid = 0;
        foreach (var (kind, pence) in totals)
        {
            switch (kind)
            {
                case EntryKind.Commitment: committed += pence; break;
                case EntryKind.Invoice: invoiced += pence; break;
                case EntryKind.Payment: paid += pence; break;
                case EntryKind.ExpenseCharge:
                    committed += pence;
                    invoiced += pence;
                    break;
            }
        }
        return new Balance(budgeted, committed, invoiced, paid);
    }

    public static Balance operator +(Balance a, Balance b) =>
        new(a.BudgetedPence + b.BudgetedPence, a.CommittedPence + b.CommittedPence, a.InvoicedPence + b.InvoicedPence, a.PaidPence + b.PaidPence);
}
