using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace RJCloud.Benchmarks;

/// <summary>
/// The evaluation reports over an office with 100,000 referrals and cases (issue 8's figure): its evaluation records are
/// written straight into the evaluation schema (the read model the reports read), in realistic proportions, then each
/// report is asked for through /graphql with the office coordinator's access token, sequentially, and timed.
/// </summary>
internal static class EvaluationReports
{
    public const string Option = "--evaluation";
    public const int Cases = 100_000;
    private const int WarmUp = 3;
    private const int Measured = 20;

    private static readonly (string Name, string Query, object Variables)[] Reports =
    [
        ("All measures, all time", MeasuresQuery, new { filter = (object?)null }),
        ("All measures, one financial year, one area", MeasuresQuery, new { filter = new { from = "2025-04-01", to = "2026-03-31", area = "Area 3" } }),
        ("Monthly partner report (month and year to date, CSV and HTML)", "query { monthlyPartnerReport(month: \"2026-10\") { title csv html } }", new { }),
        ("MoJ six-monthly return", "query { mojReturn(financialYear: \"2025-26\", half: SECOND) { referrals victimsSupported moneyInvested readyToSubmit issues { code } report { csv } } }", new { }),
    ];

    public const string MeasuresQuery = """
        query($filter: MeasureFilterInput) { evaluationMeasures(filter: $filter) {
          referrals byRoute { key count } byType { key count } byOutcome { key count } byArea { key count } byPartner { label count } byClosureReason { key count }
          conversion { percent } victimsCodeTimeliness { percent } daysToFirstContact { median mean } daysToClosure { median mean }
          victimSatisfaction { responses percent } wouldRecommend { percent } empathy { people meanChange }
          reoffendingCompleted { percent } reoffendingNotCompleted { percent } victimsSupported casesOpened } }
        """;

    /// <summary>Writes the office's 100,000 referrals, their feedback, empathy scores and reoffending checks, as the owner inside the office.</summary>
    public static async Task SeedAsync(string ownerConnectionString, Guid office, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        var sql = $$"""
            SELECT set_config('app.tenant_id', '{{office}}', false);
            -- Referrals received over three years; 70% accepted, of those 85% closed, 70% of closed completed (60% face to face).
            INSERT INTO evaluation.referrals (id, tenant_id, reference, route, type, area, partner_organisation_id, received_on, victims_code_due_by, enhanced_entitlement,
                decided_on, case_id, case_opened_on, first_contact_on, closed_on, closure_reason, method, outcome, victims, participants, as_of)
            SELECT r.id, '{{office}}', 'RJ-B-' || lpad(n::text, 6, '0'),
                   (ARRAY['Partner','Partner','Partner','CommunityResolution','SelfReferral','Staff'])[1 + n % 6],
                   (ARRAY['AntiSocialBehaviour','NeighbourDispute','LowLevelCrime','CriminalOffence','CommunityRemedy'])[1 + n % 5],
                   'Area ' || (n % 8), NULL, d, d + 7, n % 10 = 0,
                   CASE WHEN n % 20 <> 0 THEN d + (n % 9) END,
                   CASE WHEN n % 10 < 7 THEN gen_random_uuid() END,
                   CASE WHEN n % 10 < 7 THEN d + (n % 9) END,
                   CASE WHEN n % 10 < 7 THEN d + (n % 9) + (n % 15) END,
                   CASE WHEN n % 10 < 7 AND n % 100 < 85 THEN d + 30 + (n % 90) END,
                   CASE WHEN n % 10 < 7 AND n % 100 < 85 THEN (CASE WHEN n % 100 < 60 THEN 'Completed face to face' ELSE 'Party declined' END) END,
                   CASE WHEN n % 10 < 7 THEN (CASE WHEN n % 3 = 0 THEN 'Letter' ELSE 'Conference' END) END,
                   CASE WHEN n % 10 >= 7 THEN (CASE WHEN n % 20 = 0 THEN 'AwaitingScreening' ELSE 'Rejected' END)
                        WHEN n % 100 >= 85 THEN 'InProgress'
                        WHEN n % 100 < 60 THEN (CASE WHEN n % 3 = 0 THEN 'CompletedIndirectly' ELSE 'CompletedFaceToFace' END)
                        ELSE 'ClosedNotCompleted' END,
                   1,
                   jsonb_build_array(jsonb_build_object('ParticipantId', gen_random_uuid(), 'Role', 'HarmedPerson', 'Withdrew', false),
                                     jsonb_build_object('ParticipantId', gen_random_uuid(), 'Role', 'PersonResponsible', 'Withdrew', false)),
                   now()
            FROM generate_series(1, {{Cases}}) AS n,
                 LATERAL (SELECT gen_random_uuid() AS id, DATE '2023-11-01' + (n % 1095) AS d) r;
            -- Feedback requests for every participant of a closed case; two in three victims answer.
            INSERT INTO evaluation.requests (id, tenant_id, case_id, referral_id, participant_id, case_reference, role, closure_reason, withdrew, questionnaire, status, created_at, completed_at)
            SELECT gen_random_uuid(), f.tenant_id, f.case_id, f.id, (p->>'ParticipantId')::uuid, f.reference, p->>'Role', f.closure_reason, false,
                   CASE WHEN f.method = 'Conference' THEN 'PostConferenceFollowUp' ELSE 'ParticipantEvaluation' END,
                   CASE WHEN (hashtext(f.reference || (p->>'Role')) & 3) < 3 THEN 'Completed' ELSE 'Pending' END, f.closed_on, NULL
            FROM evaluation.referrals f CROSS JOIN LATERAL jsonb_array_elements(f.participants) p WHERE f.closed_on IS NOT NULL;
            INSERT INTO evaluation.responses (id, tenant_id, purpose, template_version, request_id, referral_id, participant_id, answers, satisfaction, would_recommend, channel, taken_at)
            SELECT gen_random_uuid(), q.tenant_id, q.questionnaire, 1, q.id, q.referral_id, q.participant_id,
                   jsonb_build_array(jsonb_build_object('Key', 'satisfaction', 'Scale', 1 + (hashtext(q.case_reference) & 3) + (CASE WHEN q.role = 'HarmedPerson' THEN 1 ELSE 0 END))),
                   1 + (hashtext(q.case_reference) & 3) + (CASE WHEN q.role = 'HarmedPerson' THEN 1 ELSE 0 END), (hashtext(q.case_reference) & 1) = 0, 'Staff', now()
            FROM evaluation.requests q WHERE q.status = 'Completed';
            -- Empathy questionnaires at the start and end of a fifth of the cases.
            INSERT INTO evaluation.responses (id, tenant_id, purpose, template_version, request_id, referral_id, participant_id, stage, answers, score, channel, taken_at)
            SELECT gen_random_uuid(), f.tenant_id, 'VictimEmpathy', 1, NULL, f.id, (f.participants->1->>'ParticipantId')::uuid, s.stage, '[]'::jsonb,
                   CASE s.stage WHEN 'Start' THEN 16 + (hashtext(f.reference) & 7) ELSE 24 + (hashtext(f.reference) & 7) END, 'Staff', now()
            FROM evaluation.referrals f CROSS JOIN (VALUES ('Start'), ('End')) AS s(stage) WHERE f.closed_on IS NOT NULL AND hashtext(f.reference) % 5 = 0;
            -- A reoffending check for each ended referral's person responsible, 12 months on; results for those due.
            INSERT INTO evaluation.reoffending_checks (id, tenant_id, referral_id, reference, participant_id, "group", ended_on, due_on, checked_on, reoffended, created_at)
            SELECT gen_random_uuid(), f.tenant_id, f.id, f.reference, (f.participants->1->>'ParticipantId')::uuid,
                   CASE WHEN f.outcome IN ('CompletedFaceToFace', 'CompletedIndirectly') THEN 'Completed' ELSE 'NotCompleted' END,
                   coalesce(f.closed_on, f.decided_on), coalesce(f.closed_on, f.decided_on) + 365,
                   CASE WHEN coalesce(f.closed_on, f.decided_on) + 365 < DATE '2026-11-01' THEN coalesce(f.closed_on, f.decided_on) + 370 END,
                   CASE WHEN coalesce(f.closed_on, f.decided_on) + 365 < DATE '2026-11-01' THEN (hashtext(f.reference) & 7) < 2 END, now()
            FROM evaluation.referrals f WHERE f.outcome IN ('CompletedFaceToFace', 'CompletedIndirectly', 'ClosedNotCompleted', 'Rejected');
            ANALYZE evaluation.referrals; ANALYZE evaluation.requests; ANALYZE evaluation.responses; ANALYZE evaluation.reoffending_checks;
            """;
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Times each report; returns the results as Markdown.</summary>
    public static async Task<string> MeasureAsync(HttpClient http, BearerToken person, CancellationToken cancellationToken)
    {
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"## Evaluation reports over {Cases:N0} referrals and cases")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"One office; each report asked for through /graphql with the coordinator's access token, {WarmUp} times to warm up, then {Measured} times one after another.")
            .AppendLine()
            .AppendLine("| Report | p50 ms | p95 ms | max ms | SQL commands | answer bytes |")
            .AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, query, variables) in Reports)
        {
            await person.KeepFreshAsync(cancellationToken);
            var last = default(Reply);
            for (var i = 0; i < WarmUp; i++) last = await Check(await GraphQLOverHttp.PostAsync(http, query, variables, person.Value, cancellationToken), name);
            var samples = new List<double>();
            for (var i = 0; i < Measured; i++)
            {
                var started = Stopwatch.GetTimestamp();
                last = await Check(await GraphQLOverHttp.PostAsync(http, query, variables, person.Value, cancellationToken), name);
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            samples.Sort();
            double At(double p) => samples[Math.Clamp((int)Math.Ceiling(p / 100 * samples.Count), 1, samples.Count) - 1];
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {At(50):F0} | {At(95):F0} | {samples[^1]:F0} | {last.SqlCommands} | {last.Body.Length:N0} |");
            Console.WriteLine($"{name}: p50 {At(50):F0} ms, p95 {At(95):F0} ms");
        }
        return report.ToString();
    }

    private static Task<Reply> Check(Reply reply, string name)
    {
        var body = Encoding.UTF8.GetString(reply.Body);
        if (reply.Status != 200 || body.Contains("\"errors\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"{name} failed ({reply.Status}): {(body.Length > 500 ? body[..500] : body)}");
        return Task.FromResult(reply);
    }
}
