using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Commissioning.Money;
using RJCloud.Modules.Commissioning.Persistence;
using RJCloud.Shared.Contracts;

namespace RJCloud.Modules.Commissioning.Ledger;

/// <summary>
/// Money paid in a period, from the ledger: all payments (payments of invoices and of charged expense claims), and the
/// share of them funded by Ministry of Justice allocations (each budget spends from its allocations in proportion to
/// what each put in, as the allocation balances do).
/// </summary>
internal sealed class GrantSpendingReader(CommissioningDbContext db) : IGrantSpending
{
    private static readonly FundingKind[] Moj = [FundingKind.MojVictimsGrant, FundingKind.MojRjFunding];

    public async Task<GrantSpending> PaidBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var mojAllocations = await (from allocation in db.Allocations.AsNoTracking()
                                    join stream in db.FundingStreams on allocation.FundingStreamId equals stream.Id
                                    where Moj.Contains(stream.Kind)
                                    select allocation.Id).ToListAsync(cancellationToken);
        var paid = await db.Ledger.AsNoTracking().Where(e => e.Kind == EntryKind.Payment && e.On >= from && e.On <= to).SumAsync(e => e.AmountPence, cancellationToken);

        var before = await Balances.ByAllocationAsync(db, mojAllocations, from.AddDays(-1), cancellationToken);
        var after = await Balances.ByAllocationAsync(db, mojAllocations, to, cancellationToken);
        var mojPaid = mojAllocations.Sum(id => after[id].Spent.PaidPence - before[id].Spent.PaidPence);

        var years = Enumerable.Range(FinancialYear.Of(from).StartYear, FinancialYear.Of(to).StartYear - FinancialYear.Of(from).StartYear + 1).ToList();
        var inYears = await db.Allocations.AsNoTracking().CountAsync(a => mojAllocations.Contains(a.Id) && years.Contains(a.YearStarting), cancellationToken);
        return new GrantSpending(paid, mojPaid, inYears);
    }
}
