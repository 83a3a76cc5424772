using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using RJCloud.Modules.Evaluation.Benchmarking;
using RJCloud.Modules.Evaluation.Measures;
using RJCloud.Modules.Evaluation.Reports;
using RJCloud.Shared.GraphQL.Scalars;

namespace RJCloud.Modules.Evaluation.Features;

internal sealed class MeasureFilterInputType : InputObjectGraphType
{
    public MeasureFilterInputType()
    {
        Name = "MeasureFilterInput";
        Description = "Which referrals to count. Each figure says which day of a referral the period applies to (received, decided or closed).";
        Field<DateOnlyGraphType>("from");
        Field<DateOnlyGraphType>("to");
        Field<StringGraphType>("area").Description("As the office names its areas, e.g. \"LPA West\".");
        Field<StringGraphType>("referralType").Description("e.g. NeighbourDispute, AntiSocialBehaviour.");
        Field<IdGraphType>("partnerOrganisationId");
        Field<StringGraphType>("route").Description("Partner, CommunityResolution, SelfReferral or Staff.");
    }
}

internal sealed class BreakdownType : ObjectGraphType<Breakdown>
{
    public BreakdownType()
    {
        Name = "MeasureBreakdown";
        Field(b => b.Key).Description("What is counted, as the API names it (for a partner, its organisation's id; empty when not given).");
        Field(b => b.Label);
        Field(b => b.Count);
        Field(b => b.Percent, nullable: true).Description("Of the referrals counted.");
    }
}

internal sealed class RateType : ObjectGraphType<Rate>
{
    public RateType()
    {
        Name = "MeasureRate";
        Field(r => r.Numerator);
        Field(r => r.Denominator);
        Field(r => r.Percent, nullable: true).Description("Null when nothing was counted.");
        Field(r => r.Definition);
    }
}

internal sealed class DurationType : ObjectGraphType<Duration>
{
    public DurationType()
    {
        Name = "MeasureDuration";
        Field(d => d.Count);
        Field(d => d.Median, nullable: true).Description("Days.");
        Field(d => d.Mean, nullable: true).Description("Days, to one decimal place.");
        Field(d => d.Definition);
    }
}

internal sealed class EmpathyChangeType : ObjectGraphType<EmpathyChange>
{
    public EmpathyChangeType()
    {
        Name = "EmpathyChange";
        Field(e => e.People);
        Field(e => e.MeanStart, nullable: true);
        Field(e => e.MeanEnd, nullable: true);
        Field(e => e.MeanChange, nullable: true).Description("A rise is more empathy.");
        Field(e => e.Definition);
    }
}

internal sealed class MeasuresType : ObjectGraphType<MeasureSet>
{
    public MeasuresType()
    {
        Name = "EvaluationMeasures";
        Description = "Figures computed from the records, never typed in; the definitions are the same in every office.";
        Field<DateOnlyGraphType>("from").Resolve(c => c.Source.Filter.From);
        Field<DateOnlyGraphType>("to").Resolve(c => c.Source.Filter.To);
        Field(m => m.Referrals);
        Field<NonNullGraphType<StringGraphType>>("referralsDefinition").Resolve(_ => MeasureSet.ReferralsDefinition);
        Breakdowns("byRoute", m => m.ByRoute);
        Breakdowns("byType", m => m.ByType);
        Breakdowns("byOutcome", m => m.ByOutcome);
        Breakdowns("byArea", m => m.ByArea);
        Breakdowns("byPartner", m => m.ByPartner);
        Breakdowns("byClosureReason", m => m.ByClosureReason).Description("Cases closed in the period by the office's own closure reasons.");
        Field<NonNullGraphType<RateType>>("conversion").Resolve(c => c.Source.Conversion);
        Field<NonNullGraphType<RateType>>("victimsCodeTimeliness").Resolve(c => c.Source.VictimsCodeTimeliness);
        Field<NonNullGraphType<DurationType>>("daysToFirstContact").Resolve(c => c.Source.DaysToFirstContact);
        Field<NonNullGraphType<DurationType>>("daysToClosure").Resolve(c => c.Source.DaysToClosure);
        Field<NonNullGraphType<SatisfactionType>>("victimSatisfaction").Resolve(c => c.Source.VictimSatisfaction);
        Field<NonNullGraphType<RateType>>("wouldRecommend").Resolve(c => c.Source.WouldRecommend);
        Field<NonNullGraphType<EmpathyChangeType>>("empathy").Resolve(c => c.Source.Empathy);
        Field<NonNullGraphType<RateType>>("reoffendingCompleted").Resolve(c => c.Source.Reoffending.Completed);
        Field<NonNullGraphType<RateType>>("reoffendingNotCompleted").Resolve(c => c.Source.Reoffending.NotCompleted);
        Field<NonNullGraphType<IntGraphType>>("reoffendingChecksOutstanding").Resolve(c => c.Source.Reoffending.Outstanding)
            .Description("Checks for referrals that ended in the period that are due and have no result yet.");
        Field(m => m.VictimsSupported);
        Field<NonNullGraphType<StringGraphType>>("victimsSupportedDefinition").Resolve(_ => MeasureSet.VictimsSupportedDefinition);
        Field(m => m.CasesOpened).Description("Cases opened (referrals accepted) in the period.");
    }

    private FieldBuilder<MeasureSet, IReadOnlyList<Breakdown>> Breakdowns(string name, Func<MeasureSet, IReadOnlyList<Breakdown>> of) =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BreakdownType>>>, IReadOnlyList<Breakdown>>(name).Resolve(c => of(c.Source)).WithComplexityImpact(1, 10);
}

internal sealed class ReportType : ObjectGraphType<ReportTable>
{
    public ReportType()
    {
        Name = "EvaluationReport";
        Field(r => r.Title);
        Field(r => r.Subtitle);
        Field<NonNullGraphType<StringGraphType>>("csv").Resolve(c => c.Source.ToCsv()).Description("RFC 4180 CSV for a spreadsheet.");
        Field<NonNullGraphType<StringGraphType>>("html").Resolve(c => c.Source.ToHtml()).Description("A self-contained page to print or save.");
    }
}

internal sealed class ReturnIssueType : ObjectGraphType<ReturnIssue>
{
    public ReturnIssueType()
    {
        Name = "ReturnIssue";
        Field(i => i.Code);
        Field(i => i.Message);
        Field(i => i.Blocking).Description("Must be put right before the return is submitted.");
    }
}

internal sealed class MojReturnType : ObjectGraphType<MojReturn>
{
    public MojReturnType()
    {
        Name = "MojReturn";
        Field<NonNullGraphType<StringGraphType>>("financialYear").Resolve(c => c.Source.FinancialYear);
        Field<NonNullGraphType<EnumerationGraphType<HalfYear>>>("half").Resolve(c => c.Source.Half);
        Field<NonNullGraphType<DateOnlyGraphType>>("from").Resolve(c => c.Source.From);
        Field<NonNullGraphType<DateOnlyGraphType>>("to").Resolve(c => c.Source.To);
        Field<NonNullGraphType<IntGraphType>>("referrals").Resolve(c => c.Source.Measures.Referrals);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BreakdownType>>>>("referralsByRoute").Resolve(c => c.Source.Measures.ByRoute).WithComplexityImpact(1, 5);
        Field<NonNullGraphType<IntGraphType>>("casesOpened").Resolve(c => c.Source.Measures.CasesOpened);
        Field<NonNullGraphType<IntGraphType>>("victimsSupported").Resolve(c => c.Source.Measures.VictimsSupported);
        Field<NonNullGraphType<IntGraphType>>("completedFaceToFace").Resolve(c => c.Source.CompletedFaceToFace);
        Field<NonNullGraphType<IntGraphType>>("completedIndirectly").Resolve(c => c.Source.CompletedIndirectly);
        Field<NonNullGraphType<SatisfactionType>>("victimSatisfaction").Resolve(c => c.Source.Measures.VictimSatisfaction);
        Field<NonNullGraphType<MoneyGraphType>>("moneyInvested").Resolve(c => RJCloud.Shared.Money.Money.FromPence(c.Source.Spending.MojFundedPaidPence))
            .Description("Paid in the period from budgets funded by Ministry of Justice allocations (their share).");
        Field<NonNullGraphType<MoneyGraphType>>("totalPaid").Resolve(c => RJCloud.Shared.Money.Money.FromPence(c.Source.Spending.PaidPence));
        Field<NonNullGraphType<StringGraphType>>("moneyDefinition").Resolve(_ => MojReturn.MoneyDefinition);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReturnIssueType>>>>("issues").Resolve(c => c.Source.Issues).WithComplexityImpact(1, 5);
        Field<NonNullGraphType<BooleanGraphType>>("readyToSubmit").Resolve(c => c.Source.ReadyToSubmit);
        Field<NonNullGraphType<ReportType>>("report").Resolve(c => c.Source.ToTable()).Description("The return as CSV and as a printable page.");
    }
}

internal sealed record Benchmarking(bool TakingPart, IReadOnlyList<Benchmark> Figures);

internal sealed class BenchmarkType : ObjectGraphType<Benchmark>
{
    public BenchmarkType()
    {
        Name = "Benchmark";
        Field(b => b.Figure);
        Field(b => b.Label);
        Field(b => b.Definition);
        Field<DecimalGraphType>("percent").Resolve(c => c.Source.Own?.Percent).Description("The office's own figure.");
        Field<IntGraphType>("numerator").Resolve(c => (int?)c.Source.Own?.Numerator);
        Field<IntGraphType>("denominator").Resolve(c => (int?)c.Source.Own?.Denominator);
        Field(b => b.Others).Description("Other offices taking part whose figure is in the range.");
        Field(b => b.Suppressed).Description("Other offices taking part whose figure is left out because it counts too few people (under 5 on either side).");
        Field(b => b.Lowest, nullable: true).Description("The lowest of the others' figures; null unless at least two can be shown.");
        Field(b => b.Highest, nullable: true);
    }
}

internal sealed class BenchmarkingType : ObjectGraphType<Benchmarking>
{
    public BenchmarkingType()
    {
        Name = "Benchmarking";
        Field(b => b.TakingPart).Description("Whether the office takes part (evaluation settings). Offices that do not take part see no one's figures.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BenchmarkType>>>>("figures").Resolve(c => c.Source.Figures).WithComplexityImpact(1, 6);
        Field<NonNullGraphType<StringGraphType>>("method").Resolve(_ =>
            "Each office's figures are counted inside the database, one office at a time under its own isolation, and only counts come back; no office is named. "
            + "An office's figure is left out when it counts fewer than 5 people or has between 1 and 4 on either side, and a range needs at least two offices.");
    }
}
