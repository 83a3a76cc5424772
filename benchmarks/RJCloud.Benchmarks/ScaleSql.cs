using System.Text;
using Npgsql;

namespace RJCloud.Benchmarks;

/// <summary>
/// The SQL that generates one office's years of work from the rows the service wrote for the first office (their JSON
/// shapes: a referral's details, referrer and pre-check, the policy document). Deterministic but for random dates.
/// Proportions: 60% of referrals become cases (two thirds of the older ones accepted); 2-4 participants each; cases move
/// through the states with a timeline event per step, 2-4 contacts and one or two allocations; most older cases closed.
/// </summary>
internal static class ScaleSql
{
    private const string States = "ARRAY['InformationGathering','SuitabilityAssessment','Allocated','Preparing','CommunicationInProgress','OutcomeMonitoring','Closed']";

    /// <summary>Copies the template office's shapes out of row-level security's reach, once.</summary>
    public static string Templates(Guid template) => $$"""
        CREATE SCHEMA IF NOT EXISTS bench_scale;
        -- A version 7 UUID for an instant, as Guid.CreateVersion7 makes: ids stay in time order, as the service's do.
        CREATE OR REPLACE FUNCTION bench_scale.uuid7(ts timestamptz) RETURNS uuid LANGUAGE sql VOLATILE AS $$
          SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING substring(int8send(floor(extract(epoch FROM ts) * 1000)::bigint) FROM 3) FROM 1), 52, 1), 53, 1), 'hex')::uuid
        $$;
        SELECT set_config('app.tenant_id', '{{template}}', false);
        DROP TABLE IF EXISTS bench_scale.template;
        CREATE TABLE bench_scale.template AS
          SELECT r.details, r.referrer, r.pre_check, r.partner_organisation_id, r.submitted_by, p.id AS policy_id, p.name AS policy_name, p.document, p.effective_from
          FROM referrals.referrals r JOIN referrals.policies p ON p.id = r.policy_id ORDER BY r.id LIMIT 1;
        """;

    public static async Task GenerateOfficeAsync(NpgsqlConnection connection, Guid tenant, Guid template, int index, int referrals, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Office(tenant, template, index, referrals), connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Office(Guid t, Guid template, int index, int n)
    {
        var isTemplate = t == template;
        // The template office keeps its own policy and police force; every other office gets its own copies.
        var policy = isTemplate ? "(SELECT policy_id FROM bench_scale.template)" : $"'{Guid.CreateVersion7()}'::uuid";
        var partner = isTemplate ? "(SELECT partner_organisation_id FROM bench_scale.template)" : $"'{Guid.CreateVersion7()}'::uuid";
        var submitter = isTemplate ? "(SELECT submitted_by FROM bench_scale.template)" : $"'partner-bench-{index:000}'";
        var practitioners = Math.Max(6, n / 400);
        return $$"""
            SELECT set_config('app.tenant_id', '{{t}}', false);
            DROP TABLE IF EXISTS g_ref, g_case, g_prac;
            {{(isTemplate ? "" : $"""
                INSERT INTO referrals.policies (id, tenant_id, version, effective_from, name, document, published_at, published_by)
                SELECT {policy}, '{t}', 1, effective_from, policy_name, document, now() - interval '4 years', 'bench' FROM bench_scale.template;
                """)}}

            -- Referrals received evenly over three years; the last fortnight's are still being screened.
            CREATE TEMP TABLE g_ref AS
            SELECT g, bench_scale.uuid7(ts) AS id, ts, ts::date AS d, 'RJ-G' || lpad(g::text, 7, '0') AS reference,
                   CASE WHEN g % 20 < 12 THEN 'Partner' WHEN g % 20 < 15 THEN 'CommunityResolution' WHEN g % 20 < 18 THEN 'SelfReferral' ELSE 'Staff' END AS route,
                   (ARRAY['AntiSocialBehaviour','NeighbourDispute','LowLevelCrime','CriminalOffence','CommunityRemedy'])[1 + g % 5] AS type,
                   CASE WHEN ts > now() - interval '14 days' THEN (CASE WHEN g % 10 < 7 THEN 'Received' ELSE 'AwaitingInformation' END)
                        WHEN g % 100 < 66 THEN 'Accepted' WHEN g % 100 < 86 THEN 'Rejected' WHEN g % 100 < 91 THEN 'Redirected'
                        WHEN g % 100 < 96 THEN 'Received' ELSE 'AwaitingInformation' END AS status,
                   g % 10 = 0 AS enhanced, 2 + g % 3 AS people
            FROM (SELECT g, now() - random() * interval '1095 days' AS ts FROM generate_series(1, {{n}}) g) s;
            CREATE UNIQUE INDEX ON g_ref (id);
            ANALYZE g_ref;

            INSERT INTO referrals.referrals (id, tenant_id, reference, route, type, status, received_at, received_on, partner_organisation_id, submitted_by,
                community_resolution_id, policy_id, policy_version, victims_code_due_by, enhanced_entitlement, updated_at, appropriate_adult, details, pre_check, referrer)
            SELECT r.id, '{{t}}', r.reference, r.route, r.type, r.status, r.ts, r.d,
                   CASE WHEN r.route = 'Partner' THEN {{partner}} END, CASE WHEN r.route = 'Partner' THEN {{submitter}} END,
                   NULL, {{policy}}, 1, r.d + CASE WHEN r.enhanced THEN 3 ELSE 7 END, r.enhanced, r.ts, NULL,
                   jsonb_set(x.details, '{Incident}', to_jsonb('Incident ' || r.g)), x.pre_check, x.referrer
            FROM g_ref r CROSS JOIN bench_scale.template x ORDER BY r.ts;

            INSERT INTO referrals.participants (id, tenant_id, referral_id, position, role, name, phone, consent_to_share, accepts_responsibility)
            SELECT bench_scale.uuid7(r.ts), '{{t}}', r.id, p, (ARRAY['HarmedPerson','PersonResponsible','Supporter','Supporter'])[p + 1],
                   (ARRAY['Harmed Person ','Responsible Person ','Supporter A ','Supporter B '])[p + 1] || r.g, '07700 900' || lpad((r.g % 1000)::text, 3, '0'),
                   true, CASE WHEN p = 1 THEN true END
            FROM g_ref r CROSS JOIN LATERAL generate_series(0, r.people - 1) p ORDER BY r.ts, p;
            ANALYZE referrals.participants;

            INSERT INTO referrals.screening_decisions (id, tenant_id, referral_id, outcome, reason, decided_by, decided_at, policy_version)
            SELECT bench_scale.uuid7(r.ts + (1 + r.g % 9) * interval '1 day'), '{{t}}', r.id,
                   CASE r.status WHEN 'Accepted' THEN 'Accept' WHEN 'Rejected' THEN 'Reject' ELSE 'Redirect' END,
                   CASE WHEN r.status <> 'Accepted' THEN 'Not suitable for restorative justice at this time' END, 'bench', r.ts + (1 + r.g % 9) * interval '1 day', 1
            FROM g_ref r WHERE r.status IN ('Accepted', 'Rejected', 'Redirected');

            -- Practitioners with their vetting, training and hours.
            CREATE TEMP TABLE g_prac AS
            SELECT k, bench_scale.uuid7(now() - (k % 1500) * interval '1 day') AS id, 'Practitioner ' || k AS name,
                   CASE WHEN k % 20 < 14 THEN 'Volunteer' WHEN k % 20 < 19 THEN 'Staff' ELSE 'Consultant' END AS kind,
                   CASE WHEN k % 20 < 16 THEN 'Active' WHEN k % 20 < 18 THEN 'InTraining' WHEN k % 20 < 19 THEN 'Paused' ELSE 'Left' END AS status
            FROM generate_series(1, {{practitioners}}) k;
            ANALYZE g_prac;
            INSERT INTO volunteers.practitioners (id, tenant_id, kind, name, email, phone, areas, languages, max_concurrent_cases, start_date, status, stage, created_at, availability, level)
            SELECT id, '{{t}}', kind, name, 'practitioner' || k || '@bench.test', '07700 900' || lpad((k % 1000)::text, 3, '0'), ARRAY['Area ' || (k % 8)], ARRAY['English'],
                   4, (now() - (k % 1500) * interval '1 day')::date, status,
                   CASE WHEN kind = 'Volunteer' THEN (CASE status WHEN 'InTraining' THEN 'Trained' ELSE 'Confirmed' END) END,
                   now() - (k % 1500) * interval '1 day', '{"Days": [1, 3], "Evenings": false, "Weekends": true, "HoursPerWeek": 6}'::jsonb,
                   CASE WHEN kind = 'Staff' THEN 'Senior facilitator' END
            FROM g_prac;
            INSERT INTO volunteers.vetting_checks (id, tenant_id, practitioner_id, kind, issued_on, expires_on, reference, outcome, recorded_at)
            SELECT bench_scale.uuid7(now() - (k % 900) * interval '1 day'), '{{t}}', id, v.kind, (now() - (k % 900) * interval '1 day')::date,
                   (now() - (k % 900) * interval '1 day' + interval '3 years')::date, v.kind || '-' || k, 'Clear', now() - (k % 900) * interval '1 day'
            FROM g_prac CROSS JOIN LATERAL (SELECT 'Dbs' AS kind UNION ALL SELECT 'PoliceVetting' WHERE k % 3 = 0) v;
            INSERT INTO volunteers.training_courses (id, tenant_id, kind, title, grants_skills, created_at)
            SELECT bench_scale.uuid7(now() - interval '3 years' + c * interval '1 day'), '{{t}}', (ARRAY['Facilitator','Awareness','Champions'])[c], 'Course ' || c, ARRAY[]::text[], now() - interval '3 years'
            FROM generate_series(1, 3) c;
            INSERT INTO volunteers.training_sessions (id, tenant_id, course_id, starts_on, ends_on, trainer)
            SELECT bench_scale.uuid7(now() - s * interval '90 days'), '{{t}}', c.id, (now() - s * interval '90 days')::date, (now() - s * interval '90 days' + interval '2 days')::date, 'Trainer ' || s
            FROM volunteers.training_courses c CROSS JOIN generate_series(1, 4) s;
            INSERT INTO volunteers.attendances (id, tenant_id, session_id, practitioner_id, completed_on)
            SELECT bench_scale.uuid7(s.starts_on::timestamptz), '{{t}}', s.id, p.id, s.ends_on
            FROM g_prac p JOIN LATERAL (SELECT * FROM volunteers.training_sessions ORDER BY id OFFSET p.k % 10 LIMIT 2) s ON true;

            -- Cases: the older ones mostly closed, the rest spread over the states.
            CREATE TEMP TABLE g_case AS
            SELECT r.g, r.id AS referral_id, r.reference, r.ts + (1 + r.g % 9) * interval '1 day' AS opened_at, r.people,
                   CASE WHEN r.ts < now() - interval '150 days' AND r.g % 100 < 85 THEN 6 ELSE (r.g / 7) % 6 END AS stage
            FROM g_ref r WHERE r.status = 'Accepted';
            ALTER TABLE g_case ADD COLUMN id uuid, ADD COLUMN closed_at timestamptz, ADD COLUMN closure_reason text, ADD COLUMN method text;
            UPDATE g_case SET id = bench_scale.uuid7(opened_at),
                              closed_at = CASE WHEN stage = 6 THEN least(opened_at + (30 + g % 90) * interval '1 day', now()) END,
                              closure_reason = CASE WHEN stage = 6 THEN (CASE WHEN g % 100 < 60 THEN 'Completed face to face' WHEN g % 100 < 75 THEN 'Completed indirectly' ELSE 'Party declined' END) END,
                              method = CASE WHEN stage >= 3 THEN (ARRAY['Letter','ShuttleMediation','Conference'])[1 + g % 3] END;
            -- Temporary tables are never analysed automatically: without statistics the joins below can go quadratic.
            CREATE UNIQUE INDEX ON g_case (referral_id);
            ANALYZE g_case;
            INSERT INTO referrals.cases (id, tenant_id, referral_id, reference, state, opened_at, closed_at, closure_reason, agreed_on, method)
            SELECT id, '{{t}}', referral_id, reference, ({{States}})[stage + 1], opened_at, closed_at, closure_reason,
                   CASE WHEN stage = 6 AND g % 100 < 75 THEN (closed_at - interval '10 days')::date END, method
            FROM g_case ORDER BY opened_at;
            INSERT INTO referrals.case_events (id, tenant_id, case_id, kind, from_state, to_state, detail, by, at)
            SELECT bench_scale.uuid7(c.opened_at + s * interval '4 days'), '{{t}}', c.id, CASE WHEN s = 0 THEN 'Opened' ELSE 'Moved' END,
                   CASE WHEN s > 0 THEN ({{States}})[s] END, ({{States}})[s + 1], CASE WHEN s = 0 THEN 'Referral accepted' ELSE 'Moved on' END, 'bench',
                   c.opened_at + s * interval '4 days'
            FROM g_case c CROSS JOIN LATERAL generate_series(0, c.stage) s;
            INSERT INTO referrals.case_events (id, tenant_id, case_id, kind, detail, by, at)
            SELECT bench_scale.uuid7(c.opened_at + interval '13 days'), '{{t}}', c.id, 'MethodChosen', 'Conference: both parties want to meet', 'bench', c.opened_at + interval '13 days'
            FROM g_case c WHERE c.stage >= 3;
            INSERT INTO referrals.case_contacts (id, tenant_id, case_id, participant_id, kind, "on", notes, risk_factors, safety_measures, police_should_attend, consent_given, recorded_by, recorded_at)
            SELECT bench_scale.uuid7(c.opened_at + (2 + 5 * k) * interval '1 day'), '{{t}}', c.id, p.id, (ARRAY['Phone','HomeVisit'])[k + 1],
                   (c.opened_at + (2 + 5 * k) * interval '1 day')::date, 'Talked through what restorative justice involves', ARRAY[]::text[], ARRAY[]::text[], false, true, 'bench',
                   c.opened_at + (2 + 5 * k) * interval '1 day'
            FROM g_case c JOIN referrals.participants p ON p.referral_id = c.referral_id AND p.position < 2
                 CROSS JOIN LATERAL generate_series(0, CASE WHEN c.g % 2 = 0 THEN 1 ELSE 0 END) k
            WHERE c.stage >= 1;
            INSERT INTO referrals.case_allocations (id, tenant_id, case_id, practitioner_id, practitioner_name, "from", until)
            SELECT bench_scale.uuid7(c.opened_at + interval '3 days'), '{{t}}', c.id, p.id, p.name, (c.opened_at + interval '3 days')::date, c.closed_at::date
            FROM g_case c CROSS JOIN LATERAL generate_series(0, CASE WHEN c.g % 4 = 0 THEN 1 ELSE 0 END) a
                 JOIN g_prac p ON p.k = 1 + (c.g + a * 7) % {{practitioners}}
            WHERE c.stage >= 2;
            ANALYZE referrals.case_allocations;
            INSERT INTO volunteers.assignments (id, tenant_id, practitioner_id, case_id, "from", until)
            SELECT id, tenant_id, practitioner_id, case_id, "from", until FROM referrals.case_allocations;
            INSERT INTO volunteers.work_logs (id, tenant_id, practitioner_id, case_id, worked_on, hours, activity, recorded_at)
            SELECT bench_scale.uuid7(a."from"::timestamptz + w * interval '5 days'), '{{t}}', a.practitioner_id, a.case_id, a."from" + 5 * w, 1.5 + w * 0.5,
                   (ARRAY['Visit','Preparation'])[w + 1], a."from"::timestamptz + w * interval '5 days'
            FROM referrals.case_allocations a CROSS JOIN generate_series(0, 1) w;

            -- Commissioning: four funding streams, allocations and two budgets a year, six lines each, and a year of
            -- monthly commitments, invoices and payments on every line (more entries in busier offices).
            INSERT INTO commissioning.funding_streams (id, tenant_id, name, kind, created_at)
            SELECT bench_scale.uuid7(now() - interval '4 years' + s * interval '1 hour'), '{{t}}', (ARRAY['MoJ victims grant','MoJ RJ funding','PCC core','Partner contributions'])[s],
                   (ARRAY['MojVictimsGrant','MojRjFunding','PccCore','PartnerContribution'])[s], now() - interval '4 years'
            FROM generate_series(1, 4) s;
            INSERT INTO commissioning.allocations (id, tenant_id, funding_stream_id, year_starting, amount_pence, created_at)
            SELECT bench_scale.uuid7(make_date(y, 4, 1)::timestamptz), '{{t}}', f.id, y, (20000000 + {{n}} * 400)::bigint, make_date(y, 4, 1)::timestamptz
            FROM commissioning.funding_streams f CROSS JOIN generate_series(2023, 2026) y;
            INSERT INTO commissioning.budgets (id, tenant_id, name, year_starting, created_at)
            SELECT bench_scale.uuid7(make_date(y, 4, 1)::timestamptz + b * interval '1 hour'), '{{t}}', (ARRAY['RJ service ','Victim services '])[b] || y, y, make_date(y, 4, 1)::timestamptz
            FROM generate_series(2023, 2026) y CROSS JOIN generate_series(1, 2) b;
            INSERT INTO commissioning.budget_funding (id, tenant_id, budget_id, allocation_id, amount_pence)
            SELECT bench_scale.uuid7(b.created_at), '{{t}}', b.id, a.id, a.amount_pence / 2
            FROM commissioning.budgets b JOIN commissioning.allocations a ON a.year_starting = b.year_starting;
            INSERT INTO commissioning.budget_lines (id, tenant_id, budget_id, category, name, amount_pence, position)
            SELECT bench_scale.uuid7(b.created_at + l * interval '1 minute'), '{{t}}', b.id, (ARRAY['Staff','Training','Consultants','VolunteerExpenses','CaseManagementSystem','Other'])[l],
                   'Line ' || l, (40000000 + {{n}} * 800)::bigint / 6, l - 1
            FROM commissioning.budgets b CROSS JOIN generate_series(1, 6) l;
            INSERT INTO commissioning.ledger_entries (id, tenant_id, kind, budget_line_id, amount_pence, "on", payee, reference, description, recorded_at)
            SELECT bench_scale.uuid7(make_date(b.year_starting, 4, 1)::timestamptz + m * interval '1 month' + e * interval '1 hour'), '{{t}}', k.kind, l.id,
                   (100000 + {{n}} * 2)::bigint, (make_date(b.year_starting, 4, 1) + m * interval '1 month' + k.lag * interval '1 day')::date, 'Provider ' || l.position,
                   'INV-' || b.year_starting || '-' || m || '-' || e, k.kind || ' for month ' || (m + 1), make_date(b.year_starting, 4, 1)::timestamptz + m * interval '1 month'
            FROM commissioning.budget_lines l JOIN commissioning.budgets b ON b.id = l.budget_id
                 CROSS JOIN generate_series(0, 11) m CROSS JOIN generate_series(1, 1 + {{n}} / 20000) e
                 CROSS JOIN (VALUES ('Commitment', 0), ('Invoice', 10), ('Payment', 25)) k(kind, lag);

            -- Evaluation's read model, as its subscriber to the Referrals outbox keeps it, and its records.
            INSERT INTO evaluation.referrals (id, tenant_id, reference, route, type, area, partner_organisation_id, received_on, victims_code_due_by, enhanced_entitlement,
                decided_on, case_id, case_opened_on, first_contact_on, closed_on, closure_reason, method, outcome, victims, participants, as_of)
            SELECT r.id, '{{t}}', r.reference, r.route, r.type, 'Area ' || (r.g % 8), CASE WHEN r.route = 'Partner' THEN {{partner}} END, r.d,
                   r.d + CASE WHEN r.enhanced THEN 3 ELSE 7 END, r.enhanced,
                   CASE WHEN r.status IN ('Accepted', 'Rejected', 'Redirected') THEN r.d + (1 + r.g % 9) END,
                   c.id, c.opened_at::date, CASE WHEN c.stage >= 1 THEN c.opened_at::date + 2 END, c.closed_at::date, c.closure_reason, c.method,
                   CASE r.status WHEN 'Received' THEN 'AwaitingScreening' WHEN 'AwaitingInformation' THEN 'AwaitingInformation' WHEN 'Rejected' THEN 'Rejected'
                        WHEN 'Redirected' THEN 'Redirected'
                        ELSE (CASE WHEN c.stage < 6 THEN 'InProgress' WHEN c.closure_reason = 'Completed face to face' THEN 'CompletedFaceToFace'
                                   WHEN c.closure_reason = 'Completed indirectly' THEN 'CompletedIndirectly' ELSE 'ClosedNotCompleted' END) END,
                   1, (SELECT jsonb_agg(jsonb_build_object('ParticipantId', p.id, 'Role', p.role, 'Withdrew', false) ORDER BY p.position)
                       FROM referrals.participants p WHERE p.referral_id = r.id),
                   now()
            FROM g_ref r LEFT JOIN g_case c ON c.referral_id = r.id;
            ANALYZE evaluation.referrals;
            INSERT INTO evaluation.requests (id, tenant_id, case_id, referral_id, participant_id, case_reference, role, closure_reason, withdrew, questionnaire, status, created_at, completed_at)
            SELECT bench_scale.uuid7(f.closed_on::timestamptz), f.tenant_id, f.case_id, f.id, (p->>'ParticipantId')::uuid, f.reference, p->>'Role', f.closure_reason, false,
                   CASE WHEN f.method = 'Conference' THEN 'PostConferenceFollowUp' ELSE 'ParticipantEvaluation' END,
                   CASE WHEN (hashtext(f.reference || (p->>'Role')) & 3) < 3 THEN 'Completed' ELSE 'Pending' END, f.closed_on, NULL
            FROM evaluation.referrals f CROSS JOIN LATERAL jsonb_array_elements(f.participants) p WHERE f.closed_on IS NOT NULL AND (p->>'Role') <> 'Supporter';
            ANALYZE evaluation.requests;
            INSERT INTO evaluation.responses (id, tenant_id, purpose, template_version, request_id, referral_id, participant_id, answers, satisfaction, would_recommend, channel, taken_at)
            SELECT bench_scale.uuid7(q.created_at + interval '5 days'), q.tenant_id, q.questionnaire, 1, q.id, q.referral_id, q.participant_id,
                   jsonb_build_array(jsonb_build_object('Key', 'satisfaction', 'Scale', 1 + (hashtext(q.case_reference) & 3) + (CASE WHEN q.role = 'HarmedPerson' THEN 1 ELSE 0 END))),
                   1 + (hashtext(q.case_reference) & 3) + (CASE WHEN q.role = 'HarmedPerson' THEN 1 ELSE 0 END), (hashtext(q.case_reference) & 1) = 0, 'Staff', q.created_at + interval '5 days'
            FROM evaluation.requests q WHERE q.status = 'Completed';
            INSERT INTO evaluation.reoffending_checks (id, tenant_id, referral_id, reference, participant_id, "group", ended_on, due_on, checked_on, reoffended, created_at)
            SELECT bench_scale.uuid7(coalesce(f.closed_on, f.decided_on)::timestamptz), f.tenant_id, f.id, f.reference, (f.participants->1->>'ParticipantId')::uuid,
                   CASE WHEN f.outcome IN ('CompletedFaceToFace', 'CompletedIndirectly') THEN 'Completed' ELSE 'NotCompleted' END,
                   coalesce(f.closed_on, f.decided_on), coalesce(f.closed_on, f.decided_on) + 365,
                   CASE WHEN coalesce(f.closed_on, f.decided_on) + 365 < current_date THEN coalesce(f.closed_on, f.decided_on) + 370 END,
                   CASE WHEN coalesce(f.closed_on, f.decided_on) + 365 < current_date THEN (hashtext(f.reference) & 7) < 2 END, now()
            FROM evaluation.referrals f WHERE f.outcome IN ('CompletedFaceToFace', 'CompletedIndirectly', 'ClosedNotCompleted', 'Rejected');
            DROP TABLE g_ref, g_case, g_prac;
            """;
    }

    public static readonly string[] CountedTables =
    [
        "referrals.referrals", "referrals.participants", "referrals.screening_decisions", "referrals.cases", "referrals.case_events", "referrals.case_contacts",
        "referrals.case_allocations", "volunteers.practitioners", "volunteers.vetting_checks", "volunteers.attendances", "volunteers.assignments", "volunteers.work_logs",
        "commissioning.allocations", "commissioning.budgets", "commissioning.budget_lines", "commissioning.ledger_entries",
        "evaluation.referrals", "evaluation.requests", "evaluation.responses", "evaluation.reoffending_checks",
    ];

    /// <summary>Rows per table across all offices, as a Markdown table (the superuser is not bound by row-level security).</summary>
    public static async Task<string> CountsAsync(string superuser, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync(ct);
        var table = new StringBuilder("| Table | rows | size (table + indexes) |\n|---|---:|---:|\n");
        foreach (var name in CountedTables)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*), pg_size_pretty(pg_total_relation_size('{name}')) FROM {name}", connection) { CommandTimeout = 0 };
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            table.Append($"| {name} | {reader.GetInt64(0):N0} | {reader.GetString(1)} |\n");
        }
        await using var size = new NpgsqlCommand("SELECT pg_size_pretty(pg_database_size(current_database()))", connection);
        return table.Append($"\nDatabase size: {await size.ExecuteScalarAsync(ct)}.\n").ToString();
    }
}
