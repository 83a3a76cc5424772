using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Commissioning.Money;
using RJCloud.Modules.Commissioning.Persistence;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.GraphQL.Scalars;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;
using Pounds = RJCloud.Shared.Money.Money;

namespace RJCloud.Modules.Commissioning.Features.Funding;

/// <summary>fundingStreams, budgets; addFundingStream, recordAllocation, createBudget.</summary>
internal sealed class FundingFields(TimeProvider clock) : ISchemaContributor
{
    public void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FundingStreamType>>>>("fundingStreams")
            .Description("The office's funding streams, with their allocations by financial year.")
            .Authorize(CommissioningAccess.Readers)
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<CommissioningDbContext>().FundingStreams.AsNoTracking()
                .OrderBy(s => s.Name).ToListAsync(c.CancellationToken));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BudgetType>>>>("budgets")
            .Description("The office's budgets, by name; only one financial year's when given (e.g. \"2021-22\").")
            .Argument<StringGraphType>("financialYear")
            .Authorize(CommissioningAccess.Readers)
            .ResolveAsync(async c =>
            {
                var budgets = c.RequestServices!.GetRequiredService<CommissioningDbContext>().Budgets.AsNoTracking();
                if (c.GetArgument<string?>("financialYear") is { } named)
                {
                    if (!FinancialYear.TryParse(named, out var year)) throw new ExecutionError("financialYear is written like \"2021-22\".") { Code = "INVALID_ARGUMENT" };
                    budgets = budgets.Where(b => b.YearStarting == year.StartYear);
                }
                return await budgets.OrderBy(b => b.Name).ToListAsync(c.CancellationToken);
            });
    }

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Mutation<MoneyPayloadType, AddStreamInputType, MoneyPayload>("addFundingStream", "Adds a funding stream, e.g. the MoJ Victims Grant.")
            .Authorize(CommissioningAccess.MoneyKeepers)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var name = ((string?)input["name"])?.Trim() ?? "";
                if (name.Length is 0 or > 200) return MoneyPayload.Refuse(UserError.For("REQUIRED", "Name the funding stream, at most 200 characters.", "input", "name"));
                var db = context.RequestServices!.GetRequiredService<CommissioningDbContext>();
                if (await db.FundingStreams.AnyAsync(s => s.Name == name, context.CancellationToken))
                    return MoneyPayload.Refuse(UserError.For("DUPLICATE", "There is already a funding stream with this name.", "input", "name"));
                var stream = FundingStream.Add(name, (FundingKind)input["kind"]!, clock.GetUtcNow());
                db.FundingStreams.Add(stream);
                await db.SaveChangesAsync(context.CancellationToken);
                return new MoneyPayload { StreamId = stream.Id };
            });

        mutation.Mutation<MoneyPayloadType, RecordAllocationInputType, MoneyPayload>("recordAllocation",
                "Records what a funding stream gives the office in a financial year (once per stream and year).")
            .Authorize(CommissioningAccess.MoneyKeepers)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var errors = new List<UserError>();
                if (!FinancialYear.TryParse((string?)input["financialYear"], out var year))
                    errors.Add(UserError.For("INVALID_YEAR", "Write the financial year like \"2021-22\".", "input", "financialYear"));
                var amount = (Pounds)input["amount"]!;
                if (amount.Amount <= 0) errors.Add(UserError.For("INVALID_AMOUNT", "An allocation is more than £0.", "input", "amount"));
                var note = ((string?)input.GetValueOrDefault("note"))?.Trim();
                if (note is { Length: > 500 }) errors.Add(UserError.For("TOO_LONG", "A note is at most 500 characters.", "input", "note"));
                var db = context.RequestServices!.GetRequiredService<CommissioningDbContext>();
                var streamId = GlobalId.DecodeFor(FundingStreamType.Name, input["fundingStreamId"]?.ToString());
                if (streamId is null || !await db.FundingStreams.AnyAsync(s => s.Id == streamId, context.CancellationToken))
                    errors.Add(UserError.For("NOT_FOUND", "There is no funding stream with this id.", "input", "fundingStreamId"));
                else if (errors.Count == 0 && await db.Allocations.AnyAsync(a => a.FundingStreamId == streamId && a.YearStarting == year.StartYear, context.CancellationToken))
                    errors.Add(UserError.For("DUPLICATE", $"This stream already has its {year.Name} allocation.", "input", "financialYear"));
                if (errors.Count > 0) return new MoneyPayload { UserErrors = errors };
                var allocation = Allocation.Record(streamId!.Value, year, Amounts.Pence(amount), string.IsNullOrEmpty(note) ? null : note, clock.GetUtcNow());
                db.Allocations.Add(allocation);
                await db.SaveChangesAsync(context.CancellationToken);
                return new MoneyPayload { StreamId = streamId, AllocationId = allocation.Id };
            });

        mutation.Mutation<MoneyPayloadType, CreateBudgetInputType, MoneyPayload>("createBudget",
                "Creates a budget for a financial year with its lines, funded from that year's allocations. Its lines must add up to its funding, and no allocation can fund more than it has left.")
            .Authorize(CommissioningAccess.MoneyKeepers)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var db = context.RequestServices!.GetRequiredService<CommissioningDbContext>();
                var errors = new List<UserError>();
                var name = ((string?)input["name"])?.Trim() ?? "";
                if (name.Length is 0 or > 200) errors.Add(UserError.For("REQUIRED", "Name the budget, at most 200 characters.", "input", "name"));
                else if (await db.Budgets.AnyAsync(b => b.Name == name, context.CancellationToken))
                    errors.Add(UserError.For("DUPLICATE", "There is already a budget with this name.", "input", "name"));
                if (!FinancialYear.TryParse((string?)input["financialYear"], out var year))
                    errors.Add(UserError.For("INVALID_YEAR", "Write the financial year like \"2021-22\".", "input", "financialYear"));

                var lines = ((IEnumerable<object?>)input["lines"]!).Cast<Dictionary<string, object?>>().ToList();
                if (lines.Count is 0 or > 50) errors.Add(UserError.For("REQUIRED", "A budget has between one and 50 lines.", "input", "lines"));
                for (var i = 0; i < lines.Count; i++)
                {
                    var lineName = ((string?)lines[i]["name"])?.Trim() ?? "";
                    if (lineName.Length is 0 or > 200) errors.Add(UserError.For("REQUIRED", "Name the line, at most 200 characters.", "input", "lines", i.ToString(), "name"));
                    if (((Pounds)lines[i]["amount"]!).Amount < 0) errors.Add(UserError.For("INVALID_AMOUNT", "A line is £0 or more.", "input", "lines", i.ToString(), "amount"));
                }
                var sources = ((IEnumerable<object?>)input["funding"]!).Cast<Dictionary<string, object?>>().ToList();
                if (sources.Count is 0 or > 10) errors.Add(UserError.For("REQUIRED", "A budget is funded from between one and ten allocations.", "input", "funding"));
                var funding = new List<(Guid Allocation, long Pence)>();
                for (var i = 0; i < sources.Count; i++)
                {
                    var pence = Amounts.Pence((Pounds)sources[i]["amount"]!);
                    var allocationId = GlobalId.DecodeFor(AllocationType.Name, sources[i]["allocationId"]?.ToString());
                    var allocation = allocationId is null ? null : await db.Allocations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == allocationId, context.CancellationToken);
                    if (allocation is null) { errors.Add(UserError.For("NOT_FOUND", "There is no allocation with this id.", "input", "funding", i.ToString(), "allocationId")); continue; }
                    if (year != default && allocation.YearStarting != year.StartYear)
                        errors.Add(UserError.For("WRONG_YEAR", $"This allocation is for {allocation.Year.Name}, not {year.Name}.", "input", "funding", i.ToString(), "allocationId"));
                    var used = await db.BudgetFunding.Where(f => f.AllocationId == allocation.Id).SumAsync(f => f.AmountPence, context.CancellationToken)
                        + funding.Where(f => f.Allocation == allocation.Id).Sum(f => f.Pence);
                    if (pence <= 0) errors.Add(UserError.For("INVALID_AMOUNT", "Funding is more than £0.", "input", "funding", i.ToString(), "amount"));
                    else if (used + pence > allocation.AmountPence)
                        errors.Add(UserError.For("OVER_ALLOCATION", $"The allocation has {Amounts.Of(allocation.AmountPence - used)} left to budget.", "input", "funding", i.ToString(), "amount"));
                    funding.Add((allocation.Id, pence));
                }
                var linesTotal = lines.Sum(l => Amounts.Pence((Pounds)l["amount"]!));
                if (errors.Count == 0 && linesTotal != funding.Sum(f => f.Pence))
                    errors.Add(UserError.For("UNBALANCED", $"The lines add up to {Amounts.Of(linesTotal)} but the funding to {Amounts.Of(funding.Sum(f => f.Pence))}.", "input", "lines"));
                if (errors.Count > 0) return new MoneyPayload { UserErrors = errors };

                var now = clock.GetUtcNow();
                var budget = Budget.Create(name, year, now);
                db.Budgets.Add(budget);
                for (var i = 0; i < lines.Count; i++)
                    db.BudgetLines.Add(BudgetLine.Add(budget.Id, (LineCategory)lines[i]["category"]!, ((string)lines[i]["name"]!).Trim(), Amounts.Pence((Pounds)lines[i]["amount"]!), i, now));
                foreach (var (allocation, pence) in funding) db.BudgetFunding.Add(BudgetFunding.From(budget.Id, allocation, pence, now));
                await db.SaveChangesAsync(context.CancellationToken);
                return new MoneyPayload { BudgetId = budget.Id };
            });
    }
}

internal sealed class FundingNodes : INodeResolver
{
    public string TypeName => FundingStreamType.Name;

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services) =>
        Actor.Of(services).IsInAnyRole(CommissioningAccess.Readers) ? MoneyLoaders.Stream(services, id).AsObject() : DataLoaderResults.Nothing;
}

internal sealed class AllocationNodes : INodeResolver
{
    public string TypeName => AllocationType.Name;

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services) =>
        Actor.Of(services).IsInAnyRole(CommissioningAccess.Readers) ? MoneyLoaders.Allocation(services, id).AsObject() : DataLoaderResults.Nothing;
}

internal sealed class BudgetNodes : INodeResolver
{
    public string TypeName => BudgetType.Name;

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services) =>
        Actor.Of(services).IsInAnyRole(CommissioningAccess.Readers) ? MoneyLoaders.Budget(services, id).AsObject() : DataLoaderResults.Nothing;
}

internal sealed class BudgetLineNodes : INodeResolver
{
    public string TypeName => BudgetLineType.Name;

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services) =>
        Actor.Of(services).IsInAnyRole(CommissioningAccess.Readers) ? MoneyLoaders.Line(services, id).AsObject() : DataLoaderResults.Nothing;
}

internal sealed class LedgerEntryNodes : INodeResolver
{
    public string TypeName => LedgerEntryType.Name;

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services) =>
        Actor.Of(services).IsInAnyRole(CommissioningAccess.Readers) ? MoneyLoaders.Entry(services, id).AsObject() : DataLoaderResults.Nothing;
}

/// <summary>What a money mutation changed; the one payload for funding, budgets and the ledger.</summary>
internal sealed record MoneyPayload : Payload
{
    public Guid? StreamId { get; init; }

    public Guid? AllocationId { get; init; }

    public Guid? BudgetId { get; init; }

    public Guid? EntryId { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => new[] { StreamId, AllocationId, BudgetId, EntryId }.OfType<Guid>().ToList();

    public static MoneyPayload Refuse(UserError error) => new() { UserErrors = [error] };
}

internal sealed class MoneyPayloadType : PayloadGraphType<MoneyPayload>
{
    public MoneyPayloadType() : base("CommissioningPayload")
    {
        Field<FundingStreamType>("fundingStream").Resolve(c => c.Source.StreamId is { } id ? MoneyLoaders.Stream(c.RequestServices!, id) : null);
        Field<AllocationType>("allocation").Resolve(c => c.Source.AllocationId is { } id ? MoneyLoaders.Allocation(c.RequestServices!, id) : null);
        Field<BudgetType>("budget").Resolve(c => c.Source.BudgetId is { } id ? MoneyLoaders.Budget(c.RequestServices!, id) : null);
        Field<LedgerEntryType>("entry").Resolve(c => c.Source.EntryId is { } id ? MoneyLoaders.Entry(c.RequestServices!, id) : null);
    }
}

internal sealed class AddStreamInputType : InputObjectGraphType
{
    public AddStreamInputType()
    {
        Name = "AddFundingStreamInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<EnumerationGraphType<FundingKind>>>("kind");
    }
}

internal sealed class RecordAllocationInputType : InputObjectGraphType
{
    public RecordAllocationInputType()
    {
        Name = "RecordAllocationInput";
        Field<NonNullGraphType<IdGraphType>>("fundingStreamId");
        Field<NonNullGraphType<StringGraphType>>("financialYear").Description("Like \"2021-22\": 1 April 2021 to 31 March 2022.");
        Field<NonNullGraphType<MoneyGraphType>>("amount");
        Field<StringGraphType>("note");
    }
}

internal sealed class CreateBudgetInputType : InputObjectGraphType
{
    public CreateBudgetInputType()
    {
        Name = "CreateBudgetInput";
        Field<NonNullGraphType<StringGraphType>>("name").Description("e.g. \"ERMS 2021-22\".");
        Field<NonNullGraphType<StringGraphType>>("financialYear");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BudgetLineInputType>>>>("lines");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BudgetFundingInputType>>>>("funding");
    }
}

internal sealed class BudgetLineInputType : InputObjectGraphType
{
    public BudgetLineInputType()
    {
        Name = "BudgetLineInput";
        Field<NonNullGraphType<EnumerationGraphType<LineCategory>>>("category");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<MoneyGraphType>>("amount");
    }
}

internal sealed class BudgetFundingInputType : InputObjectGraphType
{
    public BudgetFundingInputType()
    {
        Name = "BudgetFundingInput";
        Field<NonNullGraphType<IdGraphType>>("allocationId");
        Field<NonNullGraphType<MoneyGraphType>>("amount");
    }
}
