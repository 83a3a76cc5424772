using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Commissioning.Features.Funding;
using RJCloud.Modules.Commissioning.Ledger;
using RJCloud.Modules.Commissioning.Money;
using RJCloud.Modules.Commissioning.Persistence;
using RJCloud.Shared.GraphQL.Scalars;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Reports;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Commissioning.Features.Reports;

/// <summary>spendReport: spend against allocation for a financial year, by funding stream, as rows and as CSV.</summary>
internal sealed class SpendReportFields : ISchemaContributor
{
    public void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<SpendReportType>>("spendReport")
            .Description("Each funding stream's allocation for a financial year against what was budgeted, committed, invoiced and paid from it by a day (today by default).")
            .Argument<NonNullGraphType<StringGraphType>>("financialYear", "Like \"2021-22\".")
            .Argument<DateOnlyGraphType>("on")
            .Authorize(CommissioningAccess.Readers)
            .ResolveAsync(async context =>
            {
                if (!FinancialYear.TryParse(context.GetArgument<string>("financialYear"), out var year))
                    throw new ExecutionError("financialYear is written like \"2021-22\".") { Code = "INVALID_ARGUMENT" };
                var on = Amounts.On(context);
                var db = context.RequestServices!.GetRequiredService<CommissioningDbContext>();
                var allocations = await (from allocation in db.Allocations.AsNoTracking()
                                         join stream in db.FundingStreams on allocation.FundingStreamId equals stream.Id
                                         where allocation.YearStarting == year.StartYear
                                         orderby stream.Name
                                         select new { allocation.Id, stream.Name, stream.Kind }).ToListAsync(context.CancellationToken);
                var balances = await Balances.ByAllocationAsync(db, [.. allocations.Select(a => a.Id)], on, context.CancellationToken);
                return new SpendReport(year.Name, on, [.. allocations.Select(a => new SpendRow(a.Name, a.Kind, balances[a.Id]))]);
            });
}

internal sealed record SpendRow(string FundingStream, FundingKind Kind, AllocationBalance Balance);

internal sealed record SpendReport(string FinancialYear, DateOnly On, IReadOnlyList<SpendRow> Rows)
{
    public AllocationBalance Total => new(Rows.Sum(r => r.Balance.AllocatedPence), Rows.Aggregate(Balance.Zero, (sum, r) => sum + r.Balance.Spent));

    private static readonly string[] Header = ["financial_year", "on", "funding_stream", "kind", "allocated", "budgeted", "committed", "invoiced", "paid", "remaining"];

    /// <summary>RFC 4180 CSV, one row per funding stream and a total, amounts in pounds with two decimals.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder().Append(string.Join(',', Header)).Append("\r\n");
        foreach (var (name, kind, balance) in Rows.Select(r => (r.FundingStream, r.Kind.ToString(), r.Balance)).Append(("Total", "", Total)))
            csv.Append(string.Join(',', new[]
            {
                FinancialYear, On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Csv.Quote(name), kind,
                Pounds(balance.AllocatedPence), Pounds(balance.Spent.BudgetedPence), Pounds(balance.Spent.CommittedPence),
                Pounds(balance.Spent.InvoicedPence), Pounds(balance.Spent.PaidPence), Pounds(balance.RemainingPence),
            })).Append("\r\n");
        return csv.ToString();
    }

    private static string Pounds(long pence) => (pence / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}

internal sealed class SpendReportType : ObjectGraphType<SpendReport>
{
    public SpendReportType()
    {
        Name = "SpendReport";
        Field(r => r.FinancialYear);
        Field(r => r.On);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SpendRowType>>>>("rows").Resolve(c => c.Source.Rows);
        Field<NonNullGraphType<AllocationBalanceType>>("total").Resolve(c => c.Source.Total);
        Field<NonNullGraphType<StringGraphType>>("csv").Description("The same figures as CSV (RFC 4180), for a spreadsheet.").Resolve(c => c.Source.ToCsv());
    }
}

internal sealed class SpendRowType : ObjectGraphType<SpendRow>
{
    public SpendRowType()
    {
        Name = "SpendRow";
        Field(r => r.FundingStream);
        Field<NonNullGraphType<EnumerationGraphType<FundingKind>>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<AllocationBalanceType>>("balance").Resolve(c => c.Source.Balance);
    }
}
