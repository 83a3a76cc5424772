using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Evaluation.Measures;
using RJCloud.Modules.Evaluation.Persistence;
using RJCloud.Modules.Evaluation.Requests;
using RJCloud.Shared.Contracts;
using RJCloud.Shared.Time;

namespace RJCloud.Modules.Evaluation.Reports;

public enum HalfYear { First, Second }

/// <summary>Something missing or doubtful in a return; a blocking one must be put right before the return is submitted.</summary>
internal sealed record ReturnIssue(string Code, string Message, bool Blocking);

/// <summary>
/// The Ministry of Justice Victims Grant six-monthly restorative justice return: referrals, victims supported, cases
/// completed, victim satisfaction and the money invested (from the commissioning ledger), with the checks that flag
/// missing data before it is submitted.
/// </summary>
internal sealed record MojReturn(string Office, string FinancialYear, HalfYear Half, DateOnly From, DateOnly To, MeasureSet Measures, GrantSpending Spending, IReadOnlyList<ReturnIssue> Issues)
{
    public bool ReadyToSubmit => Issues.All(i => !i.Blocking);

    public int CompletedFaceToFace => Measures.ByOutcome.FirstOrDefault(b => b.Key == nameof(Progress.ReferralOutcome.CompletedFaceToFace))?.Count ?? 0;

    public int CompletedIndirectly => Measures.ByOutcome.FirstOrDefault(b => b.Key == nameof(Progress.ReferralOutcome.CompletedIndirectly))?.Count ?? 0;

    public const string MoneyDefinition =
        "Payments recorded in the commissioning ledger in the period (payments of invoices and of volunteers' expense claims); the Ministry of Justice "
        + "share is what budgets funded from Ministry of Justice allocations paid, split between a budget's allocations in proportion to what each put in.";

    public static (DateOnly From, DateOnly To) Period(int yearStarting, HalfYear half) => half == HalfYear.First
        ? (new DateOnly(yearStarting, 4, 1), new DateOnly(yearStarting, 9, 30))
        : (new DateOnly(yearStarting, 10, 1), new DateOnly(yearStarting + 1, 3, 31));

    public static async Task<MojReturn> BuildAsync(string office, EvaluationDbContext db, MeasureCalculator measures, IGrantSpending grants, TimeProvider clock,
        int yearStarting, HalfYear half, CancellationToken cancellationToken)
    {
        var (start, end) = Period(yearStarting, half);
        var set = await measures.ComputeAsync(new MeasureFilter(start, end), cancellationToken);
        var spending = await grants.PaidBetweenAsync(start, end, cancellationToken);
        var name = $"{yearStarting}-{(yearStarting + 1) % 100:00}";
        var issues = new List<ReturnIssue>();
        if (clock.Today() <= end)
            issues.Add(new("PERIOD_NOT_ENDED", $"The period ends on {end:d MMMM yyyy}: the return can be prepared but not submitted before then.", true));
        if (spending.MojAllocations == 0)
            issues.Add(new("NO_MOJ_ALLOCATION", $"No Ministry of Justice allocation is recorded for {name}: record it in commissioning so the money invested can be reported.", true));
        else if (spending.MojFundedPaidPence == 0)
            issues.Add(new("NO_SPEND_RECORDED", "No payment funded by a Ministry of Justice allocation is recorded in the period: record payments in commissioning, or confirm none was made.", true));
        if (set.Referrals == 0)
            issues.Add(new("NO_REFERRALS", "No referrals were received in the period. Check that none are missing before submitting.", false));
        var withoutArea = await db.Referrals.AsNoTracking().CountAsync(r => r.ReceivedOn >= start && r.ReceivedOn <= end && r.Area == null, cancellationToken);
        if (withoutArea > 0)
            issues.Add(new("REFERRALS_WITHOUT_AREA", $"{withoutArea} referral(s) received in the period have no area, so they cannot be counted by area.", false));
        var waiting = await (from request in db.Requests.AsNoTracking()
                             join referral in db.Referrals on request.ReferralId equals referral.Id
                             where request.Status == RequestStatus.Pending && (request.Role == "HarmedPerson" || request.Role == "BothParties") && !request.Withdrew
                                   && referral.ClosedOn >= start && referral.ClosedOn <= end
                             select request.Id).CountAsync(cancellationToken);
        if (waiting > 0)
            issues.Add(new("FEEDBACK_OUTSTANDING", $"{waiting} victim(s) of cases closed in the period have not yet been asked or have not answered: satisfaction counts only those who answered.", false));
        if (set.VictimSatisfaction.Responses == 0 && set.DaysToClosure.Count > 0)
            issues.Add(new("NO_SATISFACTION", "Cases closed in the period but no victim has answered the satisfaction question, so there is no satisfaction figure.", false));
        return new MojReturn(office, name, half, start, end, set, spending, issues);
    }

    public ReportTable ToTable() => new(
        $"{Office}: Ministry of Justice Victims Grant restorative justice return, {FinancialYear} {(Half == HalfYear.First ? "first" : "second")} half",
        $"{From:d MMMM yyyy} to {To:d MMMM yyyy}. {(ReadyToSubmit ? "No blocking issues." : "Not ready to submit: " + string.Join(" ", Issues.Where(i => i.Blocking).Select(i => i.Message)))}",
        ["Figure"],
        [
            new("Referrals", "Referrals received", [ReportTable.Number(Measures.Referrals)]),
            .. Measures.ByRoute.Select(b => new ReportLine("Referrals", $"Referrals received: {b.Label}", [ReportTable.Number(b.Count)])),
            new("Referrals", "Cases opened (referrals accepted)", [ReportTable.Number(Measures.CasesOpened)]),
            new("Victims", "Victims supported", [ReportTable.Number(Measures.VictimsSupported)]),
            new("Outcomes", "Completed face to face", [ReportTable.Number(CompletedFaceToFace)]),
            new("Outcomes", "Completed indirectly", [ReportTable.Number(CompletedIndirectly)]),
            new("Victims", "Victim satisfaction", [Measures.VictimSatisfaction.Responses == 0 ? "No figure"
                : $"{ReportTable.Percent(Measures.VictimSatisfaction.Percent)} ({Measures.VictimSatisfaction.Satisfied} of {Measures.VictimSatisfaction.Responses})"]),
            new("Money", "Invested from Ministry of Justice grant", [ReportTable.Pounds(Spending.MojFundedPaidPence)]),
            new("Money", "Paid in all", [ReportTable.Pounds(Spending.PaidPence)]),
        ],
        [
            ("Referrals received", MeasureSet.ReferralsDefinition), ("Victims supported", MeasureSet.VictimsSupportedDefinition),
            ("Completed", MeasureSet.ConversionDefinition), ("Victim satisfaction", Satisfaction.Definition), ("Money invested", MoneyDefinition),
        ]);
}
