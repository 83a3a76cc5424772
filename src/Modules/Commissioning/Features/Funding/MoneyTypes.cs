using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Commissioning.Ledger;
using RJCloud.Modules.Commissioning.Money;
using RJCloud.Modules.Commissioning.Persistence;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.GraphQL.Scalars;
using RJCloud.Shared.Time;
using RJCloud.Tenancy.Authorization;
using Pounds = RJCloud.Shared.Money.Money;

namespace RJCloud.Modules.Commissioning.Features.Funding;

internal static class Amounts
{
    public static Pounds Of(long pence) => Pounds.FromPence(pence);

    /// <summary>Whole pence from a Money input (Money has at most two decimal places).</summary>
    public static long Pence(Pounds money) => (long)(money.Amount * 100);

    public static DateOnly On(IResolveFieldContext context) =>
        context.GetArgument<DateOnly?>("on") ?? context.RequestServices!.GetRequiredService<TimeProvider>().Today();
}

internal static class MoneyLoaders
{
    private static CommissioningDbContext Db(IServiceProvider services) => services.GetRequiredService<CommissioningDbContext>();

    private static BatchLoaders Loaders(IServiceProvider services) => services.GetRequiredService<BatchLoaders>();

    public static IDataLoaderResult<Budget?> Budget(IServiceProvider services, Guid id) =>
        Loaders(services).ForOne<Guid, Budget>("commissioning.budgetById", async (ids, ct) =>
            await Db(services).Budgets.AsNoTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => (Budget?)b, ct)).Load(id);

    public static IDataLoaderResult<BudgetLine?> Line(IServiceProvider services, Guid id) =>
        Loaders(services).ForOne<Guid, BudgetLine>("commissioning.lineById", async (ids, ct) =>
            await Db(services).BudgetLines.AsNoTracking().Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => (BudgetLine?)l, ct)).Load(id);

    public static IDataLoaderResult<Allocation?> Allocation(IServiceProvider services, Guid id) =>
        Loaders(services).ForOne<Guid, Allocation>("commissioning.allocationById", async (ids, ct) =>
            await Db(services).Allocations.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => (Allocation?)a, ct)).Load(id);

    public static IDataLoaderResult<FundingStream?> Stream(IServiceProvider services, Guid id) =>
        Loaders(services).ForOne<Guid, FundingStream>("commissioning.streamById", async (ids, ct) =>
            await Db(services).FundingStreams.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => (FundingStream?)s, ct)).Load(id);

    public static IDataLoaderResult<LedgerEntry?> Entry(IServiceProvider services, Guid id) =>
        Loaders(services).ForOne<Guid, LedgerEntry>("commissioning.entryById", async (ids, ct) =>
            await Db(services).Ledger.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => (LedgerEntry?)e, ct)).Load(id);

    public static IDataLoaderResult<IReadOnlyList<Allocation>> Allocations(IServiceProvider services, Guid streamId) =>
        Loaders(services).ForMany<Guid, Allocation>("commissioning.allocationsByStream", async (ids, ct) =>
            (await Db(services).Allocations.AsNoTracking().Where(a => ids.Contains(a.FundingStreamId)).OrderBy(a => a.YearStarting).ToListAsync(ct))
            .GroupBy(a => a.FundingStreamId).ToDictionary(g => g.Key, g => (IReadOnlyList<Allocation>)g.ToList())).Load(streamId);

    public static IDataLoaderResult<IReadOnlyList<BudgetLine>> Lines(IServiceProvider services, Guid budgetId) =>
        Loaders(services).ForMany<Guid, BudgetLine>("commissioning.linesByBudget", async (ids, ct) =>
            (await Db(services).BudgetLines.AsNoTracking().Where(l => ids.Contains(l.BudgetId)).OrderBy(l => l.Position).ToListAsync(ct))
            .GroupBy(l => l.BudgetId).ToDictionary(g => g.Key, g => (IReadOnlyList<BudgetLine>)g.ToList())).Load(budgetId);

    public static IDataLoaderResult<IReadOnlyList<BudgetFunding>> Funding(IServiceProvider services, Guid budgetId) =>
        Loaders(services).ForMany<Guid, BudgetFunding>("commissioning.fundingByBudget", async (ids, ct) =>
            (await Db(services).BudgetFunding.AsNoTracking().Where(f => ids.Contains(f.BudgetId)).OrderBy(f => f.Id).ToListAsync(ct))
            .GroupBy(f => f.BudgetId).ToDictionary(g => g.Key, g => (IReadOnlyList<BudgetFunding>)g.ToList())).Load(budgetId);

    public static IDataLoaderResult<IReadOnlyList<LedgerEntry>> Entries(IServiceProvider services, Guid budgetId) =>
        Loaders(services).ForMany<Guid, LedgerEntry>("commissioning.entriesByBudget", async (ids, ct) =>
        {
            var db = Db(services);
            var rows = await (from entry in db.Ledger.AsNoTracking()
                              join line in db.BudgetLines on entry.BudgetLineId equals line.Id
                              where ids.Contains(line.BudgetId)
                              orderby entry.On descending, entry.Id descending
                              select new { line.BudgetId, Entry = entry }).ToListAsync(ct);
            return rows.GroupBy(r => r.BudgetId).ToDictionary(g => g.Key, g => (IReadOnlyList<LedgerEntry>)[.. g.Select(r => r.Entry)]);
        }).Load(budgetId);

    public static IDataLoaderResult<Balance?> BudgetBalance(IServiceProvider services, Guid budgetId, DateOnly on) =>
        Loaders(services).ForOne<(Guid Id, DateOnly On), Balance>("commissioning.budgetBalance", async (keys, ct) =>
        {
            var result = new Dictionary<(Guid, DateOnly), Balance?>();
            foreach (var day in keys.GroupBy(k => k.On))
                foreach (var (id, balance) in await Balances.ByBudgetAsync(Db(services), [.. day.Select(k => k.Id)], day.Key, ct)) result[(id, day.Key)] = balance;
            return result;
        }).Load((budgetId, on));

    public static IDataLoaderResult<Balance?> LineBalance(IServiceProvider services, Guid lineId, DateOnly on) =>
        Loaders(services).ForOne<(Guid Id, DateOnly On), Balance>("commissioning.lineBalance", async (keys, ct) =>
        {
            var result = new Dictionary<(Guid, DateOnly), Balance?>();
            foreach (var day in keys.GroupBy(k => k.On))
                foreach (var (id, balance) in await Balances.ByLineAsync(Db(services), [.. day.Select(k => k.Id)], day.Key, ct)) result[(id, day.Key)] = balance;
            return result;
        }).Load((lineId, on));

    public static IDataLoaderResult<AllocationBalance?> AllocationBalance(IServiceProvider services, Guid allocationId, DateOnly on) =>
        Loaders(services).ForOne<(Guid Id, DateOnly On), AllocationBalance>("commissioning.allocationBalance", async (keys, ct) =>
        {
            var result = new Dictionary<(Guid, DateOnly), AllocationBalance?>();
            foreach (var day in keys.GroupBy(k => k.On))
                foreach (var (id, balance) in await Balances.ByAllocationAsync(Db(services), [.. day.Select(k => k.Id)], day.Key, ct)) result[(id, day.Key)] = balance;
            return result;
        }).Load((allocationId, on));
}

internal sealed class FundingStreamType : NodeGraphType<FundingStream>
{
    public new const string Name = "FundingStream";

    public FundingStreamType() : base(Name, s => s.Id)
    {
        Description = "Where money comes from: the MoJ Victims Grant, MoJ RJ funding, the PCC's core budget, a partner's contribution.";
        this.Authorize(CommissioningAccess.Readers);
        Field(s => s.Name);
        Field<NonNullGraphType<EnumerationGraphType<FundingKind>>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AllocationType>>>>("allocations").Description("By financial year.")
            .Resolve(c => MoneyLoaders.Allocations(c.RequestServices!, c.Source.Id));
    }
}

internal sealed class AllocationType : NodeGraphType<Allocation>
{
    public new const string Name = "Allocation";

    public AllocationType() : base(Name, a => a.Id)
    {
        Description = "What a funding stream gives the office in one financial year.";
        this.Authorize(CommissioningAccess.Readers);
        Field<NonNullGraphType<StringGraphType>>("financialYear").Resolve(c => c.Source.Year.Name);
        Field<NonNullGraphType<MoneyGraphType>>("amount").Resolve(c => Amounts.Of(c.Source.AmountPence));
        Field(a => a.Note, nullable: true);
        Field<NonNullGraphType<StringGraphType>>("fundingStreamName").Resolve(c => MoneyLoaders.Stream(c.RequestServices!, c.Source.FundingStreamId).Then(s => s?.Name));
        Field<NonNullGraphType<AllocationBalanceType>>("balance").Description("As it stood at the end of a day (today by default).")
            .Argument<DateOnlyGraphType>("on")
            .Resolve(c => MoneyLoaders.AllocationBalance(c.RequestServices!, c.Source.Id, Amounts.On(c)));
    }
}

internal sealed class BudgetType : NodeGraphType<Budget>
{
    public new const string Name = "Budget";

    public BudgetType() : base(Name, b => b.Id)
    {
        Description = "A budget for one financial year (e.g. \"ERMS 2021-22\"), funded from allocations, spent through its lines.";
        this.Authorize(CommissioningAccess.Readers);
        Field(b => b.Name);
        Field<NonNullGraphType<StringGraphType>>("financialYear").Resolve(c => c.Source.Year.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BudgetLineType>>>>("lines").Resolve(c => MoneyLoaders.Lines(c.RequestServices!, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BudgetFundingType>>>>("funding").Resolve(c => MoneyLoaders.Funding(c.RequestServices!, c.Source.Id));
        Field<NonNullGraphType<BalanceType>>("balance").Description("As it stood at the end of a day (today by default).")
            .Argument<DateOnlyGraphType>("on")
            .Resolve(c => MoneyLoaders.BudgetBalance(c.RequestServices!, c.Source.Id, Amounts.On(c)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LedgerEntryType>>>>("entries").Description("The ledger of its lines, newest first.")
            .Resolve(c => MoneyLoaders.Entries(c.RequestServices!, c.Source.Id));
    }
}

internal sealed class BudgetFundingType : ObjectGraphType<BudgetFunding>
{
    public BudgetFundingType()
    {
        Name = "BudgetFunding";
        Field<NonNullGraphType<IdGraphType>>("allocationId").Resolve(c => GlobalId.Encode(AllocationType.Name, c.Source.AllocationId));
        Field<NonNullGraphType<StringGraphType>>("allocationName").Description("The funding stream and year, e.g. \"MoJ Victims Grant 2021-22\".")
            .Resolve(c => MoneyLoaders.Allocation(c.RequestServices!, c.Source.AllocationId)
                .Then(a => a is null ? null : MoneyLoaders.Stream(c.RequestServices!, a.FundingStreamId).Then(s => $"{s?.Name} {a.Year.Name}")));
        Field<NonNullGraphType<MoneyGraphType>>("amount").Resolve(c => Amounts.Of(c.Source.AmountPence));
    }
}

internal sealed class BudgetLineType : NodeGraphType<BudgetLine>
{
    public new const string Name = "BudgetLine";

    public BudgetLineType() : base(Name, l => l.Id)
    {
        Description = "One line of a budget.";
        this.Authorize(CommissioningAccess.Readers);
        Field<NonNullGraphType<EnumerationGraphType<LineCategory>>>("category").Resolve(c => c.Source.Category);
        Field(l => l.Name);
        Field<NonNullGraphType<MoneyGraphType>>("amount").Resolve(c => Amounts.Of(c.Source.AmountPence));
        Field<NonNullGraphType<IdGraphType>>("budgetId").Resolve(c => GlobalId.Encode(BudgetType.Name, c.Source.BudgetId));
        Field<NonNullGraphType<StringGraphType>>("budgetName").Resolve(c => MoneyLoaders.Budget(c.RequestServices!, c.Source.BudgetId).Then(b => b?.Name));
        Field<NonNullGraphType<BalanceType>>("balance").Argument<DateOnlyGraphType>("on")
            .Resolve(c => MoneyLoaders.LineBalance(c.RequestServices!, c.Source.Id, Amounts.On(c)));
    }
}

internal sealed class LedgerEntryType : NodeGraphType<LedgerEntry>
{
    public new const string Name = "LedgerEntry";

    public LedgerEntryType() : base(Name, e => e.Id)
    {
        Description = "One entry of the ledger. Never edited; a reversal puts a mistake right.";
        this.Authorize(CommissioningAccess.Readers);
        Field<NonNullGraphType<EnumerationGraphType<EntryKind>>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<MoneyGraphType>>("amount").Description("Negative for a reversal.").Resolve(c => Amounts.Of(c.Source.AmountPence));
        Field(e => e.On);
        Field(e => e.Payee);
        Field(e => e.Reference, nullable: true);
        Field(e => e.Description);
        Field<NonNullGraphType<BudgetLineType>>("budgetLine").Resolve(c => MoneyLoaders.Line(c.RequestServices!, c.Source.BudgetLineId));
        Field<IdGraphType>("againstId").Description("An invoice's commitment, a payment's invoice.")
            .Resolve(c => c.Source.ParentId is { } id ? GlobalId.Encode(Name, id) : null);
        Field<IdGraphType>("reversesId").Description("The entry this one reverses.").Resolve(c => c.Source.ReversesId is { } id ? GlobalId.Encode(Name, id) : null);
        Field<IdGraphType>("decisionId").Resolve(c => c.Source.DecisionId is { } id ? GlobalId.Encode("DecisionReport", id) : null);
        Field<IdGraphType>("contractId").Resolve(c => c.Source.ContractId is { } id ? GlobalId.Encode("Contract", id) : null);
        Field(e => e.RecordedAt);
    }
}

internal sealed class BalanceType : ObjectGraphType<Balance>
{
    public BalanceType()
    {
        Name = "Balance";
        Description = "Money on a day: budgeted, committed, invoiced, paid, and remaining (budgeted less committed).";
        Field<NonNullGraphType<MoneyGraphType>>("budgeted").Resolve(c => Amounts.Of(c.Source.BudgetedPence));
        Field<NonNullGraphType<MoneyGraphType>>("committed").Resolve(c => Amounts.Of(c.Source.CommittedPence));
        Field<NonNullGraphType<MoneyGraphType>>("invoiced").Resolve(c => Amounts.Of(c.Source.InvoicedPence));
        Field<NonNullGraphType<MoneyGraphType>>("paid").Resolve(c => Amounts.Of(c.Source.PaidPence));
        Field<NonNullGraphType<MoneyGraphType>>("remaining").Resolve(c => Amounts.Of(c.Source.RemainingPence));
    }
}

internal sealed class AllocationBalanceType : ObjectGraphType<AllocationBalance>
{
    public AllocationBalanceType()
    {
        Name = "AllocationBalance";
        Description = "An allocation on a day: what it gave, what of it is in budgets, and its share of their spending.";
        Field<NonNullGraphType<MoneyGraphType>>("allocated").Resolve(c => Amounts.Of(c.Source.AllocatedPence));
        Field<NonNullGraphType<MoneyGraphType>>("budgeted").Resolve(c => Amounts.Of(c.Source.Spent.BudgetedPence));
        Field<NonNullGraphType<MoneyGraphType>>("unbudgeted").Resolve(c => Amounts.Of(c.Source.UnbudgetedPence));
        Field<NonNullGraphType<MoneyGraphType>>("committed").Resolve(c => Amounts.Of(c.Source.Spent.CommittedPence));
        Field<NonNullGraphType<MoneyGraphType>>("invoiced").Resolve(c => Amounts.Of(c.Source.Spent.InvoicedPence));
        Field<NonNullGraphType<MoneyGraphType>>("paid").Resolve(c => Amounts.Of(c.Source.Spent.PaidPence));
        Field<NonNullGraphType<MoneyGraphType>>("remaining").Description("Allocated less committed.").Resolve(c => Amounts.Of(c.Source.RemainingPence));
    }
}
