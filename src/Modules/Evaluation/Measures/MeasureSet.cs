using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Evaluation.Persistence;
using RJCloud.Modules.Evaluation.Progress;
using RJCloud.Modules.Evaluation.Questionnaires;
using RJCloud.Modules.Evaluation.Reoffending;
using RJCloud.Modules.Evaluation.Requests;
using RJCloud.Modules.Evaluation.Settings;
using RJCloud.Tenancy.Identity.Partners;

namespace RJCloud.Modules.Evaluation.Measures;

/// <summary>Which referrals a figure counts: a period (inclusive days, open at either end) and any of the cuts.</summary>
internal sealed record MeasureFilter(DateOnly? From, DateOnly? To, string? Area = null, string? Type = null, Guid? PartnerOrganisationId = null, string? Route = null)
{
    public bool InPeriod(DateOnly? day) => day is { } d && (From is null || d >= From) && (To is null || d <= To);
}

internal sealed record Breakdown(string Key, string Label, int Count, decimal? Percent);

internal sealed record Rate(int Numerator, int Denominator, string Definition)
{
    public decimal? Percent => Denominator == 0 ? null : decimal.Round(100m * Numerator / Denominator, 1);
}

internal sealed record Duration(int Count, decimal? Median, decimal? Mean, string Definition);

internal sealed record EmpathyChange(int People, decimal? MeanStart, decimal? MeanEnd, decimal? MeanChange, string Definition);

internal sealed record ReoffendingRates(Rate Completed, Rate NotCompleted, int Due, int Outstanding);

internal sealed record Satisfaction(int Responses, int Satisfied, decimal TargetPercent)
{
    public decimal? Percent => Responses == 0 ? null : decimal.Round(100m * Satisfied / Responses, 1);

    public const string Definition =
        "Victims (harmed persons, and people both harmed and responsible) of cases closed in the period who did not withdraw and answered the "
        + "satisfaction question of their questionnaire; satisfied means 4 or 5 on its five-point scale. Supporters and persons responsible are "
        + "not counted. No answers gives no figure.";
}

/// <summary>Every figure for one filter, each with how it was counted.</summary>
internal sealed record MeasureSet(
    MeasureFilter Filter, int Referrals, IReadOnlyList<Breakdown> ByRoute, IReadOnlyList<Breakdown> ByType, IReadOnlyList<Breakdown> ByOutcome,
    IReadOnlyList<Breakdown> ByArea, IReadOnlyList<Breakdown> ByPartner, IReadOnlyList<Breakdown> ByClosureReason, Rate Conversion, Rate VictimsCodeTimeliness,
    Duration DaysToFirstContact, Duration DaysToClosure, Satisfaction VictimSatisfaction, Rate WouldRecommend, EmpathyChange Empathy, ReoffendingRates Reoffending,
    int VictimsSupported, int CasesOpened)
{
    public const string ReferralsDefinition = "Referrals received in the period (the day each was received in England), whatever happened to them since.";
    public const string ConversionDefinition =
        "Of the referrals received in the period, those whose restorative communication was completed (face to face or indirectly): the case was "
        + "closed after outcome monitoring.";
    public const string VictimsCodeDefinition =
        "Of the referrals received in the period that have been decided (accepted, rejected or redirected) or are past their Victims' Code day, those "
        + "decided on or before it: 2 working days for victims with enhanced rights, 5 otherwise (England and Wales bank holidays excluded). "
        + "Referrals waiting and not yet due are not counted.";
    public const string FirstContactDefinition = "Calendar days from receiving a referral to the first contact or visit with any participant of its case, for referrals received in the period that have had one.";
    public const string ClosureDefinition = "Calendar days from receiving a referral to closing its case, for cases closed in the period.";
    public const string RecommendDefinition = "Of everyone (supporters included) who answered the recommendation question about a case closed in the period, those who said yes.";
    public const string EmpathyDefinition =
        "People responsible with an empathy questionnaire at both the start and the end of a case closed in the period: their mean scores, and the mean of "
        + "each person's end score less their start score (a rise is more empathy).";
    public const string ReoffendingDefinition =
        "Of the people responsible whose referral ended in the period and whose reoffending check has a result, those who reoffended; completed means the "
        + "restorative communication was completed, not completed means rejected or redirected at screening or closed before communication was completed.";
    public const string VictimsSupportedDefinition = "Harmed persons (and people both harmed and responsible) in referrals accepted in the period: the victims the service took on.";
}

/// <summary>Computes measures from evaluation's records; definitions are fixed, so a figure means the same in every office.</summary>
internal sealed class MeasureCalculator(EvaluationDbContext db, IPartnerDirectory partners, TimeProvider clock)
{
    private static readonly string[] VictimRoles = ["HarmedPerson", "BothParties"];

    public async Task<decimal> TargetAsync(CancellationToken cancellationToken) =>
        EvaluationSettings.Normal(await db.Settings.AsNoTracking().Select(s => (decimal?)s.SatisfactionTargetPercent).SingleOrDefaultAsync(cancellationToken)
            ?? EvaluationSettings.DefaultTargetPercent);

    private IQueryable<ReferralRecord> Cut(MeasureFilter filter)
    {
        var referrals = db.Referrals.AsNoTracking();
        if (filter.Area is { } area) referrals = referrals.Where(r => r.Area == area);
        if (filter.Type is { } type) referrals = referrals.Where(r => r.Type == type);
        if (filter.Route is { } route) referrals = referrals.Where(r => r.Route == route);
        if (filter.PartnerOrganisationId is { } partner) referrals = referrals.Where(r => r.PartnerOrganisationId == partner);
        return referrals;
    }

    public async Task<Satisfaction> SatisfactionAsync(MeasureFilter filter, CancellationToken cancellationToken)
    {
        var answers = await (from referral in Cut(filter)
                             join response in db.Responses on referral.Id equals response.ReferralId
                             join request in db.Requests on response.RequestId equals request.Id
                             where VictimRoles.Contains(request.Role) && !request.Withdrew && response.Satisfaction != null
                                   && (filter.From == null || referral.ClosedOn >= filter.From) && (filter.To == null || referral.ClosedOn <= filter.To)
                             group response by 1 into all
                             select new { Count = all.Count(), Satisfied = all.Count(r => r.Satisfaction >= 4) }).ToListAsync(cancellationToken);
        return new Satisfaction(answers.Sum(a => a.Count), answers.Sum(a => a.Satisfied), await TargetAsync(cancellationToken));
    }

    public async Task<MeasureSet> ComputeAsync(MeasureFilter filter, CancellationToken cancellationToken)
    {
        var start = filter.From;
        var end = filter.To;
        var rows = await Cut(filter)
            .Where(r => (start == null || r.ReceivedOn >= start || r.ClosedOn >= start || r.DecidedOn >= start) && (end == null || r.ReceivedOn <= end))
            .Select(r => new Row(r.Id, r.Route, r.Type, r.Area, r.PartnerOrganisationId, r.ReceivedOn, r.VictimsCodeDueBy, r.DecidedOn, r.CaseOpenedOn, r.FirstContactOn,
                r.ClosedOn, r.ClosureReason, r.Outcome, r.Victims))
            .ToListAsync(cancellationToken);
        var received = rows.Where(r => filter.InPeriod(r.ReceivedOn)).ToList();
        var closed = rows.Where(r => filter.InPeriod(r.ClosedOn)).ToList();
        var today = RJCloud.Shared.Time.EnglandClock.Today(clock);

        var names = await partners.FindAsync([.. received.Where(r => r.Partner is not null).Select(r => r.Partner!.Value).Distinct()], cancellationToken);
        var completed = received.Count(r => r.Outcome is ReferralOutcome.CompletedFaceToFace or ReferralOutcome.CompletedIndirectly);
        var timed = received.Where(r => r.DecidedOn is not null || r.DueBy < today).ToList();

        var recommend = await (from referral in Cut(filter)
                               join response in db.Responses on referral.Id equals response.ReferralId
                               where response.RequestId != null && response.WouldRecommend != null
                                     && (start == null || referral.ClosedOn >= start) && (end == null || referral.ClosedOn <= end)
                               group response by 1 into all
                               select new { Yes = all.Count(r => r.WouldRecommend == true), Answered = all.Count() }).ToListAsync(cancellationToken);
        // Each person responsible's start and end scores side by side; only people with both count.
        var pairs = await (from referral in Cut(filter)
                           join response in db.Responses on referral.Id equals response.ReferralId
                           where response.Stage != null && response.Score != null && (start == null || referral.ClosedOn >= start) && (end == null || referral.ClosedOn <= end)
                           group response by response.ParticipantId into person
                           select new
                           {
                               Start = person.Max(r => r.Stage == EmpathyStage.Start ? r.Score : null),
                               End = person.Max(r => r.Stage == EmpathyStage.End ? r.Score : null),
                           } into scores
                           where scores.Start != null && scores.End != null
                           select new { Start = scores.Start!.Value, End = scores.End!.Value }).ToListAsync(cancellationToken);

        var checks = await (from referral in Cut(filter)
                            join check in db.ReoffendingChecks on referral.Id equals check.ReferralId
                            where (start == null || check.EndedOn >= start) && (end == null || check.EndedOn <= end)
                            group check by check.Group into g
                            select new
                            {
                                Group = g.Key,
                                Reoffended = g.Count(c => c.Reoffended == true),
                                Checked = g.Count(c => c.Reoffended != null),
                                Due = g.Count(c => c.DueOn <= today),
                                Outstanding = g.Count(c => c.DueOn <= today && c.Reoffended == null),
                            }).ToListAsync(cancellationToken);
        Rate Reoffended(ReoffendingGroup group) => checks.FirstOrDefault(c => c.Group == group) is { } g
            ? new Rate(g.Reoffended, g.Checked, MeasureSet.ReoffendingDefinition)
            : new Rate(0, 0, MeasureSet.ReoffendingDefinition);

        return new MeasureSet(
            filter, received.Count,
            Breakdown(received, r => r.Route, Words),
            Breakdown(received, r => r.Type, Words),
            Breakdown(received, r => r.Outcome.ToString(), Words),
            Breakdown(received, r => r.Area ?? "", key => key == "" ? "Not given" : key),
            Breakdown(received, r => r.Partner?.ToString() ?? "", key => key == "" ? "No partner (self, public or staff)" : names.TryGetValue(Guid.Parse(key), out var p) ? p.Name : "Former partner"),
            Breakdown(closed, r => r.ClosureReason ?? "", key => key),
            new Rate(completed, received.Count, MeasureSet.ConversionDefinition),
            new Rate(timed.Count(r => r.DecidedOn is { } d && d <= r.DueBy), timed.Count, MeasureSet.VictimsCodeDefinition),
            Days(received.Where(r => r.FirstContactOn is not null).Select(r => r.FirstContactOn!.Value.DayNumber - r.ReceivedOn.DayNumber), MeasureSet.FirstContactDefinition),
            Days(closed.Select(r => r.ClosedOn!.Value.DayNumber - r.ReceivedOn.DayNumber), MeasureSet.ClosureDefinition),
            await SatisfactionAsync(filter, cancellationToken),
            new Rate(recommend.Sum(r => r.Yes), recommend.Sum(r => r.Answered), MeasureSet.RecommendDefinition),
            pairs.Count == 0
                ? new EmpathyChange(0, null, null, null, MeasureSet.EmpathyDefinition)
                : new EmpathyChange(pairs.Count, Mean(pairs.Select(p => p.Start)), Mean(pairs.Select(p => p.End)), Mean(pairs.Select(p => p.End - p.Start)), MeasureSet.EmpathyDefinition),
            new ReoffendingRates(Reoffended(ReoffendingGroup.Completed), Reoffended(ReoffendingGroup.NotCompleted),
                checks.Sum(c => c.Due), checks.Sum(c => c.Outstanding)),
            rows.Where(r => filter.InPeriod(r.DecidedOn) && r.CaseOpenedOn is not null).Sum(r => r.Victims),
            rows.Count(r => filter.InPeriod(r.CaseOpenedOn)));
    }

    private static List<Breakdown> Breakdown(List<Row> rows, Func<Row, string> key, Func<string, string> label) =>
        [.. rows.GroupBy(key).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Breakdown(g.Key, label(g.Key), g.Count(), rows.Count == 0 ? null : decimal.Round(100m * g.Count() / rows.Count, 1)))];

    private static Duration Days(IEnumerable<int> days, string definition)
    {
        var sorted = days.Order().ToList();
        if (sorted.Count == 0) return new Duration(0, null, null, definition);
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
        return new Duration(sorted.Count, median, Mean(sorted), definition);
    }

    private static decimal? Mean(IEnumerable<int> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : decimal.Round((decimal)list.Sum() / list.Count, 1);
    }

    /// <summary>"NeighbourDispute" as "Neighbour dispute".</summary>
    public static string Words(string value) =>
        string.Concat(value.Select((ch, i) => i > 0 && char.IsUpper(ch) ? " " + char.ToLower(ch, CultureInfo.InvariantCulture) : ch.ToString()));

    private sealed record Row(Guid Id, string Route, string Type, string? Area, Guid? Partner, DateOnly ReceivedOn, DateOnly DueBy, DateOnly? DecidedOn, DateOnly? CaseOpenedOn,
        DateOnly? FirstContactOn, DateOnly? ClosedOn, string? ClosureReason, ReferralOutcome Outcome, int Victims);
}
