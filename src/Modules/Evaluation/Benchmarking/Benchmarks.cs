using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Evaluation.Persistence;

namespace RJCloud.Modules.Evaluation.Benchmarking;

/// <summary>One office's count behind a figure: no office is named, and no record leaves its office.</summary>
internal sealed record OfficeFigure(bool Own, string Figure, long Numerator, long Denominator)
{
    public decimal? Percent => Denominator == 0 ? null : decimal.Round(100m * Numerator / Denominator, 1);

    /// <summary>
    /// Small numbers are never shown for another office: a figure is left out when fewer than 5 people are counted, or
    /// when between 1 and 4 are on either side of it (1 person in 20 reoffending could be recognised).
    /// </summary>
    public bool Disclosive => Denominator < Benchmarks.SmallNumber || Numerator is > 0 and < Benchmarks.SmallNumber
        || Denominator - Numerator is > 0 and < Benchmarks.SmallNumber;
}

/// <param name="Others">Other offices taking part whose figure can be shown.</param>
/// <param name="Suppressed">Other offices taking part whose figure is left out as too small.</param>
/// <param name="Lowest">The lowest of the others' figures, when at least two can be shown (one alone would be that office's figure).</param>
internal sealed record Benchmark(string Figure, string Label, string Definition, OfficeFigure? Own, int Others, int Suppressed, decimal? Lowest, decimal? Highest);

/// <summary>
/// Benchmarking between offices that opt in. The figures of every office are counted inside PostgreSQL by
/// evaluation.benchmark_figures, which visits each office under its own row-level security and returns only counts;
/// this side shows each figure beside the range of the others, leaving out small numbers.
/// </summary>
internal static class Benchmarks
{
    public const int SmallNumber = 5;

    public static readonly IReadOnlyList<(string Figure, string Label, string Definition)> Figures =
    [
        ("victimSatisfaction", "Victim satisfaction", Measures.Satisfaction.Definition),
        ("conversion", "Referrals completed", Measures.MeasureSet.ConversionDefinition),
        ("victimsCodeTimeliness", "Decided within the Victims' Code time", Measures.MeasureSet.VictimsCodeDefinition),
        ("wouldRecommend", "Would recommend restorative justice", Measures.MeasureSet.RecommendDefinition),
        ("reoffendingCompleted", "Reoffended after a completed case", Measures.MeasureSet.ReoffendingDefinition),
        ("reoffendingNotCompleted", "Reoffended when the referral did not go ahead", Measures.MeasureSet.ReoffendingDefinition),
    ];

    public static async Task<IReadOnlyList<Benchmark>> CompareAsync(EvaluationDbContext db, DateOnly from, DateOnly to, DateOnly today, CancellationToken cancellationToken)
    {
        // Through EF Core, so the command carries the caller's tenant like every other (TenantCommandInterceptor).
        var rows = await db.Database.SqlQuery<OfficeFigure>($"""
            SELECT own AS "Own", figure AS "Figure", numerator AS "Numerator", denominator AS "Denominator"
            FROM evaluation.benchmark_figures({from}, {to}, {today})
            """).ToListAsync(cancellationToken);

        return [.. Figures.Select(f =>
        {
            var own = rows.FirstOrDefault(r => r.Figure == f.Figure && r.Own);
            var others = rows.Where(r => r.Figure == f.Figure && !r.Own).ToList();
            var shown = others.Where(r => !r.Disclosive).Select(r => r.Percent!.Value).ToList();
            return new Benchmark(f.Figure, f.Label, f.Definition, own, shown.Count, others.Count - shown.Count,
                shown.Count >= 2 ? shown.Min() : null, shown.Count >= 2 ? shown.Max() : null);
        })];
    }

    /// <summary>The function behind benchmarking (created by a migration, owned by the schema's owner, run by the service).</summary>
    public const string FunctionSql = """
        CREATE OR REPLACE FUNCTION evaluation.benchmark_figures(p_from date, p_to date, p_today date)
        RETURNS TABLE(own boolean, figure text, numerator bigint, denominator bigint)
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
        DECLARE
          caller text := NULLIF(current_setting('app.tenant_id', true), '');
          office record;
        BEGIN
          -- Only an office that takes part sees anything, and each office is visited under its own row-level security.
          IF caller IS NULL OR NOT EXISTS (SELECT 1 FROM evaluation.settings s WHERE s.benchmarking) THEN
            RETURN;
          END IF;
          FOR office IN SELECT t.id FROM tenancy.tenants t WHERE t.kind = 'Office' ORDER BY t.id LOOP
            PERFORM set_config('app.tenant_id', office.id::text, true);
            CONTINUE WHEN NOT EXISTS (SELECT 1 FROM evaluation.settings s WHERE s.benchmarking);
            RETURN QUERY
              SELECT office.id::text = caller, 'victimSatisfaction'::text, count(*) FILTER (WHERE r.satisfaction >= 4), count(*)
              FROM evaluation.responses r
              JOIN evaluation.requests q ON q.id = r.request_id
              JOIN evaluation.referrals f ON f.id = r.referral_id
              WHERE q.role IN ('HarmedPerson', 'BothParties') AND NOT q.withdrew AND r.satisfaction IS NOT NULL AND f.closed_on BETWEEN p_from AND p_to;
            RETURN QUERY
              SELECT office.id::text = caller, 'conversion'::text, count(*) FILTER (WHERE f.outcome IN ('CompletedFaceToFace', 'CompletedIndirectly')), count(*)
              FROM evaluation.referrals f WHERE f.received_on BETWEEN p_from AND p_to;
            RETURN QUERY
              SELECT office.id::text = caller, 'victimsCodeTimeliness'::text, count(*) FILTER (WHERE f.decided_on <= f.victims_code_due_by), count(*)
              FROM evaluation.referrals f WHERE f.received_on BETWEEN p_from AND p_to AND (f.decided_on IS NOT NULL OR f.victims_code_due_by < p_today);
            RETURN QUERY
              SELECT office.id::text = caller, 'wouldRecommend'::text, count(*) FILTER (WHERE r.would_recommend), count(r.would_recommend)
              FROM evaluation.responses r JOIN evaluation.referrals f ON f.id = r.referral_id
              WHERE r.request_id IS NOT NULL AND f.closed_on BETWEEN p_from AND p_to;
            RETURN QUERY
              SELECT office.id::text = caller, CASE g."group" WHEN 'Completed' THEN 'reoffendingCompleted' ELSE 'reoffendingNotCompleted' END,
                     count(*) FILTER (WHERE c.reoffended), count(c.reoffended)
              FROM (VALUES ('Completed'), ('NotCompleted')) AS g("group")
              LEFT JOIN evaluation.reoffending_checks c ON c."group" = g."group" AND c.ended_on BETWEEN p_from AND p_to
              GROUP BY g."group";
          END LOOP;
          PERFORM set_config('app.tenant_id', caller, true);
        END
        $fn$;
        REVOKE ALL ON FUNCTION evaluation.benchmark_figures(date, date, date) FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION evaluation.benchmark_figures(date, date, date) TO rjcloud_service;
        """;
}
