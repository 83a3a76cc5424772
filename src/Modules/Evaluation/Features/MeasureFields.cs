using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Evaluation.Benchmarking;
using RJCloud.Modules.Evaluation.Measures;
using RJCloud.Modules.Evaluation.Persistence;
using RJCloud.Modules.Evaluation.Reports;
using RJCloud.Shared.Contracts;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Time;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Resolution;

namespace RJCloud.Modules.Evaluation.Features;

/// <summary>The measures with their cuts, the monthly partner report, the Ministry of Justice return and benchmarking between offices.</summary>
internal sealed class MeasureFields(TimeProvider clock) : ISchemaContributor
{
    public void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<MeasuresType>>("evaluationMeasures")
            .Description("Every evaluation figure for a period (all time by default), cut by area, referral type, partner or route, each with how it was counted.")
            .Argument<MeasureFilterInputType>("filter")
            .Authorize(EvaluationFields.MeasureReaders)
            .ResolveAsync(async context =>
            {
                var filter = Filter(context.GetArgument<Dictionary<string, object?>?>("filter"));
                return await context.RequestServices!.GetRequiredService<MeasureCalculator>().ComputeAsync(filter, context.CancellationToken);
            });

        query.Field<NonNullGraphType<ReportType>>("monthlyPartnerReport")
            .Description("The monthly update to partners: each figure for the month and the financial year to date, as CSV and as a printable page.")
            .Argument<NonNullGraphType<StringGraphType>>("month", "The month, written like \"2026-10\".")
            .Argument<IdGraphType>("partnerOrganisationId", "Only this partner's referrals (for the partner's own copy).")
            .Authorize(EvaluationFields.MeasureReaders)
            .ResolveAsync(async context =>
            {
                if (!DateOnly.TryParseExact(context.GetArgument<string>("month") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
                    throw new ExecutionError("month is written like \"2026-10\".") { Code = "INVALID_ARGUMENT" };
                var partner = PartnerOf(context.GetArgument<string?>("partnerOrganisationId"));
                var calculator = context.RequestServices!.GetRequiredService<MeasureCalculator>();
                var yearStart = new DateOnly(first.Month >= 4 ? first.Year : first.Year - 1, 4, 1);
                var last = first.AddMonths(1).AddDays(-1);
                var month = await calculator.ComputeAsync(new MeasureFilter(first, last, PartnerOrganisationId: partner), context.CancellationToken);
                var year = await calculator.ComputeAsync(new MeasureFilter(yearStart, last, PartnerOrganisationId: partner), context.CancellationToken);
                return MonthlyReport.Build(await OfficeNameAsync(context), first, month, year);
            });

        query.Field<NonNullGraphType<MojReturnType>>("mojReturn")
            .Description("The Ministry of Justice Victims Grant six-monthly restorative justice return, with the checks that flag missing data before it is submitted.")
            .Argument<NonNullGraphType<StringGraphType>>("financialYear", "Written like \"2026-27\".")
            .Argument<NonNullGraphType<EnumerationGraphType<HalfYear>>>("half", "FIRST is April to September, SECOND October to March.")
            .Authorize([.. EvaluationFields.MeasureReaders, Roles.ChiefFinanceOfficer])
            .ResolveAsync(async context =>
            {
                var year = context.GetArgument<string>("financialYear");
                if (year.Length != 7 || !int.TryParse(year[..4], CultureInfo.InvariantCulture, out var starting) || year[4] != '-'
                    || year[5..] != ((starting + 1) % 100).ToString("00", CultureInfo.InvariantCulture))
                    throw new ExecutionError("financialYear is written like \"2026-27\".") { Code = "INVALID_ARGUMENT" };
                var services = context.RequestServices!;
                return await MojReturn.BuildAsync(await OfficeNameAsync(context), services.GetRequiredService<EvaluationDbContext>(), services.GetRequiredService<MeasureCalculator>(),
                    services.GetRequiredService<IGrantSpending>(), clock, starting, context.GetArgument<HalfYear>("half"), context.CancellationToken);
            });

        query.Field<NonNullGraphType<BenchmarkingType>>("benchmarks")
            .Description("The office's figures beside the range of the other offices that take part (anonymised, small numbers left out). Only for offices that take part.")
            .Argument<NonNullGraphType<DateOnlyGraphType>>("from").Argument<NonNullGraphType<DateOnlyGraphType>>("to")
            .Authorize(EvaluationFields.MeasureReaders)
            .ResolveAsync(async context =>
            {
                var (from, to) = (context.GetArgument<DateOnly>("from"), context.GetArgument<DateOnly>("to"));
                if (from > to) throw new ExecutionError("from is on or before to.") { Code = "INVALID_ARGUMENT" };
                var db = context.RequestServices!.GetRequiredService<EvaluationDbContext>();
                var taking = await db.Settings.AsNoTracking().AnyAsync(s => s.Benchmarking, context.CancellationToken);
                return new Benchmarking(taking, taking ? await Benchmarks.CompareAsync(db, from, to, clock.Today(), context.CancellationToken) : []);
            });
    }

    private static MeasureFilter Filter(Dictionary<string, object?>? input)
    {
        if (input is null) return new MeasureFilter(null, null);
        var from = input.GetValueOrDefault("from") as DateOnly?;
        var to = input.GetValueOrDefault("to") as DateOnly?;
        if (from > to) throw new ExecutionError("filter.from is on or before filter.to.") { Code = "INVALID_ARGUMENT" };
        static string? Text(Dictionary<string, object?> input, string key) => ((string?)input.GetValueOrDefault(key))?.Trim() is { Length: > 0 } text ? text : null;
        return new MeasureFilter(from, to, Text(input, "area"), Text(input, "referralType"), PartnerOf(input.GetValueOrDefault("partnerOrganisationId")?.ToString()), Text(input, "route"));
    }

    private static Guid? PartnerOf(string? id) => id is null ? null
        : GlobalId.DecodeFor("PartnerOrganisation", id) ?? throw new ExecutionError("partnerOrganisationId is not a partner organisation's id.") { Code = "INVALID_ARGUMENT" };

    private static async Task<string> OfficeNameAsync(IResolveFieldContext context)
    {
        var services = context.RequestServices!;
        var office = services.GetRequiredService<ITenantContext>().Current!;
        return await services.GetRequiredService<ITenantDirectory>().DisplayNameAsync(office.Id, context.CancellationToken) ?? office.Identifier;
    }
}
