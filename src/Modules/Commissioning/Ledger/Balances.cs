using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Commissioning.Money;
using RJCloud.Modules.Commissioning.Persistence;

namespace RJCloud.Modules.Commissioning.Ledger;

/// <summary>Balances on a day per budget line, budget and allocation, each in a constant number of queries.</summary>
internal static class Balances
{
    public static async Task<Dictionary<Guid, Balance>> ByLineAsync(CommissioningDbContext db, IReadOnlyCollection<Guid> lineIds, DateOnly on, CancellationToken cancellationToken)
    {
        var lines = await db.BudgetLines.AsNoTracking().Where(l => lineIds.Contains(l.Id)).ToListAsync(cancellationToken);
        // Summed in PostgreSQL: the largest office's year is 12,576 entries, which read as entities were most of the
        // spend report's time and allocations (a longer tail at p95), for a handful of totals per line.
        var totals = (await db.Ledger.AsNoTracking()
                .Where(e => lineIds.Contains(e.BudgetLineId) && e.On <= on)
                .GroupBy(e => new { e.BudgetLineId, e.Kind })
                .Select(g => new { g.Key.BudgetLineId, g.Key.Kind, Pence = g.Sum(e => e.AmountPence) })
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.BudgetLineId, t => (t.Kind, t.Pence));
        return lines.ToDictionary(l => l.Id, l => Balance.Of(l.AmountPence, totals[l.Id]));
    }

    public static async Task<Dictionary<Guid, Balance>> ByBudgetAsync(CommissioningDbContext db, IReadOnlyCollection<Guid> budgetIds, DateOnly on, CancellationToken cancellationToken)
    {
        var lines = await db.BudgetLines.AsNoTracking().Where(l => budgetIds.Contains(l.BudgetId)).Select(l => new { l.Id, l.BudgetId }).ToListAsync(cancellationToken);
        var byLine = await ByLineAsync(db, [.. lines.Select(l => l.Id)], on, cancellationToken);
        return budgetIds.ToDictionary(id => id, id => lines.Where(l => l.BudgetId == id).Aggregate(Balance.Zero, (sum, l) => sum + byLine[l.Id]));
    }

    /// <summary>
    /// An allocation's share of what its budgets committed, invoiced and paid: a budget funded from several
    /// allocations spends from each in proportion to what each put in (largest remainder to the penny, so
    /// the allocations of a budget always add up to the budget).
    /// </summary>
    public static async Task<Dictionary<Guid, AllocationBalance>> ByAllocationAsync(CommissioningDbContext db, IReadOnlyCollection<Guid> allocationIds, DateOnly on,
        CancellationToken cancellationToken)
    {
        var allocations = await db.Allocations.AsNoTracking().Where(a => allocationIds.Contains(a.Id)).ToListAsync(cancellationToken);
        var funding = await db.BudgetFunding.AsNoTracking().Where(f => allocationIds.Contains(f.AllocationId)).ToListAsync(cancellationToken);
        var budgetIds = funding.Select(f => f.BudgetId).Distinct().ToList();
        var allFunding = (await db.BudgetFunding.AsNoTracking().Where(f => budgetIds.Contains(f.BudgetId)).ToListAsync(cancellationToken)).ToLookup(f => f.BudgetId);
        var budgets = await ByBudgetAsync(db, budgetIds, on, cancellationToken);

        var shares = new Dictionary<Guid, Balance>();
        foreach (var budgetId in budgetIds)
        {
            var sources = allFunding[budgetId].OrderBy(f => f.Id).ToList();
            var total = sources.Sum(f => f.AmountPence);
            var balance = budgets[budgetId];
            var committed = Split(balance.CommittedPence, sources.Select(s => s.AmountPence).ToList(), total);
            var invoiced = Split(balance.InvoicedPence, sources.Select(s => s.AmountPence).ToList(), total);
            var paid = Split(balance.PaidPence, sources.Select(s => s.AmountPence).ToList(), total);
            for (var i = 0; i < sources.Count; i++)
                shares[sources[i].AllocationId] = shares.GetValueOrDefault(sources[i].AllocationId, Balance.Zero)
                    + new Balance(sources[i].AmountPence, committed[i], invoiced[i], paid[i]);
        }
        return allocations.ToDictionary(a => a.Id, a => new AllocationBalance(a.AmountPence, shares.GetValueOrDefault(a.Id, Balance.Zero)));
    }

    /// <summary>Splits an amount in proportion to weights, to the penny, largest remainders first.</summary>
    public static long[] Split(long amount, IReadOnlyList<long> weights, long total)
    {
        var parts = new long[weights.Count];
        if (total == 0 || weights.Count == 0) return parts;
        var remainders = new decimal[weights.Count];
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = (decimal)amount * weights[i] / total;
            parts[i] = (long)decimal.Truncate(exact);
            remainders[i] = exact - parts[i];
        }
        var left = amount - parts.Sum();
        foreach (var i in Enumerable.Range(0, weights.Count).OrderByDescending(i => Math.Abs(remainders[i])).ThenBy(i => i).Take((int)Math.Abs(left)))
            parts[i] += Math.Sign(left);
        return parts;
    }
}

/// <param name="Spent">Budgeted is what the allocation put into budgets; committed, invoiced and paid are its share of their spending.</param>
internal sealed record AllocationBalance(long AllocatedPence, Balance Spent)
{
    public long UnbudgetedPence => AllocatedPence - Spent.BudgetedPence;

    public long RemainingPence => AllocatedPence - Spent.CommittedPence;
}
