using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RJCloud.Modules.Referrals.Features.BrowseReferrals;
using RJCloud.Modules.Referrals.Features.PartnerView;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Audit;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Isolation;
using RJCloud.Tenancy.Registry;
using RJCloud.Tenancy.Resolution;

namespace RJCloud.Benchmarks;

/// <summary>
/// The scale run's hand-written baselines, GET /bench/scale/{inbox,case,submitted,spend}?tenant=…: the tenant set for
/// row-level security in a transaction, the columns the GraphQL query asks for, one batch, a Utf8JsonWriter writing
/// the same shape of answer. No token is checked and nothing is audited: that is the service's own share of the cost.
/// The inbox, the case and the partner's list are also served with those guarantees, GET /bench/scale/{inbox,case,submitted}-guarded
/// with a bearer token, so that GraphQL's and EF Core's own share can be told apart from the service's. GET
/// /bench/scale/typename{,-guarded} answer what `{ __typename }` does, with nothing read: what any request costs.
/// </summary>
internal sealed class RawScaleEndpoints(NpgsqlDataSource dataSource) : IStartupFilter
{
    public const string Path = "/bench/scale";

    // Ahead of the app's own pipeline: behind it, on a real Kestrel port the web app's fallback answered these paths with
    // its index page, and the load section measured that page as the "hand-written inbox" (KestrelLoad now checks).
    // So the baselines skip the service's middleware (request log, correlation id) too: ratios lean against GraphQL.
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map($"{Path}/inbox-guarded", b => b.Run(http => GuardedAsync(http, ReferralGraphType.Readers, GuardedInbox)));
        app.Map($"{Path}/case-guarded", b => b.Run(http => GuardedAsync(http, ReferralGraphType.Readers, GuardedCase)));
        app.Map($"{Path}/submitted-guarded", b => b.Run(http => GuardedAsync(http, SubmittedReferralFields.Partners, GuardedSubmitted)));
        app.Map($"{Path}/inbox", b => b.Run(Inbox));
        app.Map($"{Path}/case", b => b.Run(Case));
        app.Map($"{Path}/submitted", b => b.Run(Submitted));
        app.Map($"{Path}/spend", b => b.Run(Spend));
        app.Map($"{Path}/typename-guarded", b => b.Run(http => GuardedAsync(http, SubmittedReferralFields.Partners, (h, _) => TypenameAsync(h))));
        app.Map($"{Path}/typename", b => b.Run(TypenameAsync));
        next(app);
    };

    private static string Arg(HttpContext http, string name) => http.Request.Query[name].ToString();

    // Named in every query as well, as EF Core's query filter does: with row-level security off (the on/off comparison) the answer stays the office's.
    private static Guid Tenant(HttpContext http) => Guid.Parse(Arg(http, "tenant"));

    private async Task<(NpgsqlConnection, NpgsqlTransaction, NpgsqlDataReader)> ReadAsync(HttpContext http, params (string Sql, object[] Args)[] queries)
    {
        var connection = await dataSource.OpenConnectionAsync(http.RequestAborted);
        var transaction = await connection.BeginTransactionAsync(http.RequestAborted);
        var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT set_config('app.tenant_id', $1, true)") { Parameters = { new() { Value = Arg(http, "tenant") } } });
        foreach (var (sql, args) in queries) batch.BatchCommands.Add(Command(sql, args));
        var reader = await batch.ExecuteReaderAsync(http.RequestAborted);
        await reader.NextResultAsync(http.RequestAborted);
        return (connection, transaction, reader);
    }

    private static async Task<Utf8JsonWriter> StartAsync(HttpContext http, string field)
    {
        http.Response.ContentType = "application/json";
        var json = new Utf8JsonWriter(http.Response.Body);
        json.WriteStartObject();
        json.WriteStartObject("data");
        json.WritePropertyName(field);
        await Task.CompletedTask;
        return json;
    }

    private static async Task EndAsync(Utf8JsonWriter json, HttpContext http)
    {
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
        await json.DisposeAsync();
    }

    private async Task Inbox(HttpContext http)
    {
        var first = int.Parse(Arg(http, "first"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (connection, transaction, reader) = await ReadAsync(http, (InboxSql, [first, Tenant(http)]));
        await WriteEdgesAsync(http, "referrals", connection, transaction, reader, (json, row) => WriteInboxNode(json, InboxRow.Read(row), today));
    }

    private const string InboxSql = """
        SELECT id, reference, type, route, status, received_on, victims_code_due_by, (pre_check->>'Overall')::int
        FROM referrals.referrals WHERE tenant_id = $2 AND status = 'Received' ORDER BY victims_code_due_by, id LIMIT $1
        """;

    private sealed record InboxRow(Guid Id, string Reference, string Type, string Route, string Status, DateOnly ReceivedOn, DateOnly Due, int Overall)
    {
        public static InboxRow Read(NpgsqlDataReader row) => new(row.GetGuid(0), row.GetString(1), row.GetString(2), row.GetString(3),
            row.GetString(4), row.GetFieldValue<DateOnly>(5), row.GetFieldValue<DateOnly>(6), row.GetInt32(7));
    }

    private static void WriteInboxNode(Utf8JsonWriter json, InboxRow row, DateOnly today)
    {
        json.WriteString("id", GlobalId.Encode("Referral", row.Id));
        json.WriteString("reference", row.Reference);
        json.WriteString("type", ScreamingSnake(row.Type));
        json.WriteString("route", ScreamingSnake(row.Route));
        json.WriteString("status", ScreamingSnake(row.Status));
        json.WriteString("receivedOn", row.ReceivedOn.ToString("yyyy-MM-dd"));
        json.WriteString("victimsCodeDueBy", row.Due.ToString("yyyy-MM-dd"));
        json.WriteBoolean("overdue", row.Due < today);
        json.WriteStartObject("preCheck");
        json.WriteString("overall", row.Overall switch { 0 => "PASSES", 1 => "FAILS", _ => "NEEDS_JUDGEMENT" });
        json.WriteEndObject();
    }

    /// <summary>
    /// The service's guarantees in front of a hand-written read: the bearer token checked by the service's default scheme,
    /// the access check (office, holder, roles as they stand now) and the roles the GraphQL type asks for, then
    /// <paramref name="read"/> inside the caller's office; 401 or 403 when the caller may not read. The read runs in here
    /// because the tenant context is an AsyncLocal: an office entered in a helper that returned would be gone, and the
    /// audit would skip the read as one outside any office (it did, once).
    /// </summary>
    private static async Task GuardedAsync(HttpContext http, string[] roles, Func<HttpContext, CurrentTenant, Task> read)
    {
        if (await AdmitAsync(http, roles) is not { } office) return;
        using var entered = http.RequestServices.GetRequiredService<ITenantContext>().Enter(office);
        await read(http, office);
    }

    private static async Task<CurrentTenant?> AdmitAsync(HttpContext http, string[] roles)
    {
        var authenticated = await http.AuthenticateAsync();
        var actor = Actor.From(authenticated.Principal);
        if (!authenticated.Succeeded || actor.TenantId is not { } tenantId)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return null;
        }
        var (tenant, current) = await http.RequestServices.GetRequiredService<ICurrentAccess>().CheckAsync(authenticated.Principal!, actor, tenantId, http.RequestAborted);
        if (tenant is null || tenant.Status == TenantStatus.Suspended || current is null || !Actor.From(current).IsInAnyRole(roles))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return null;
        }
        http.User = current;
        return tenant;
    }

    // The office set first in the batch's one implicit transaction, then the queries, in one round trip; read before the connection goes back.
    private async Task ReadForOfficeAsync(Guid tenant, IEnumerable<(string Sql, object[] Args)> queries, Func<NpgsqlDataReader, Task> read, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { TenantCommandInterceptor.InBatch(tenant) } };
        foreach (var (sql, args) in queries) batch.BatchCommands.Add(Command(sql, args));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        await read(reader);
    }

    /// <summary>
    /// The hand-written inbox with the service's own guarantees and nothing of GraphQL or EF Core: the bearer token checked
    /// by the service's default scheme, the same access check (office, holder, roles as they stand), the office entered,
    /// and the reading put on the audit trail before the answer is written. GraphQL against this is GraphQL's own cost.
    /// </summary>
    private async Task GuardedInbox(HttpContext http, CurrentTenant office)
    {
        var ct = http.RequestAborted;
        var services = http.RequestServices;
        var rows = new List<InboxRow>();
        await ReadForOfficeAsync(office.Id, [(InboxSql, [int.Parse(Arg(http, "first")), office.Id])], async reader =>
        {
            while (await reader.ReadAsync(ct)) rows.Add(InboxRow.Read(reader));
        }, ct);
        await services.GetRequiredService<IAuditLog>().RecordAsync(
            [new AuditEvent("read:Referral", AuditEvent.Succeeded, [.. rows.Select(r => r.Id)], "CASE_WORK: Referral inbox")], CancellationToken.None);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var json = await StartAsync(http, "referrals");
        json.WriteStartObject();
        json.WriteStartArray("edges");
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteStartObject("node");
            WriteInboxNode(json, row, today);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await EndAsync(json, http);
    }

    private const string SubmittedSql =
        "SELECT reference, status FROM referrals.referrals WHERE tenant_id = $3 AND partner_organisation_id = $1 ORDER BY id DESC LIMIT $2";

    private async Task Submitted(HttpContext http)
    {
        var (connection, transaction, reader) = await ReadAsync(http,
            (SubmittedSql, [Guid.Parse(Arg(http, "partner")), int.Parse(Arg(http, "first")), Tenant(http)]));
        await WriteEdgesAsync(http, "submittedReferrals", connection, transaction, reader, WriteSubmittedNode);
    }

    private static void WriteSubmittedNode(Utf8JsonWriter json, NpgsqlDataReader row)
    {
        json.WriteString("reference", row.GetString(0));
        json.WriteString("status", ScreamingSnake(row.GetString(1)));
    }

    private static async Task WriteSubmittedAsync(Utf8JsonWriter json, NpgsqlDataReader reader, CancellationToken ct)
    {
        json.WriteStartObject();
        json.WriteStartArray("edges");
        while (await reader.ReadAsync(ct))
        {
            json.WriteStartObject();
            json.WriteStartObject("node");
            WriteSubmittedNode(json, reader);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    // A connection's edges, one { node } per row, as the GraphQL answer writes them; the transaction ends after the last row.
    private static async Task WriteEdgesAsync(HttpContext http, string field, NpgsqlConnection connection, NpgsqlTransaction transaction,
        NpgsqlDataReader reader, Action<Utf8JsonWriter, NpgsqlDataReader> writeNode)
    {
        var ct = http.RequestAborted;
        await using (connection)
        await using (transaction)
        {
            var json = await StartAsync(http, field);
            json.WriteStartObject();
            json.WriteStartArray("edges");
            while (await reader.ReadAsync(ct))
            {
                json.WriteStartObject();
                json.WriteStartObject("node");
                writeNode(json, reader);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            await reader.DisposeAsync();
            await transaction.CommitAsync(ct);
            json.WriteEndArray();
            json.WriteEndObject();
            await EndAsync(json, http);
        }
    }

    private static (string Sql, object[] Args)[] CaseQueries(Guid id, Guid tenant) =>
    [
        ("SELECT id, reference, state, opened_at, method FROM referrals.cases WHERE tenant_id = $2 AND id = $1", [id, tenant]),
        ("SELECT p.id, p.role, p.name, p.phone FROM referrals.participants p JOIN referrals.cases c ON c.tenant_id = p.tenant_id AND c.referral_id = p.referral_id WHERE c.tenant_id = $2 AND c.id = $1 ORDER BY p.position", [id, tenant]),
        ("SELECT kind, from_state, to_state, detail, at FROM referrals.case_events WHERE tenant_id = $2 AND case_id = $1 ORDER BY at, id", [id, tenant]),
        ("SELECT practitioner_name, \"from\", until FROM referrals.case_allocations WHERE tenant_id = $2 AND case_id = $1 ORDER BY \"from\", id", [id, tenant]),
        ("SELECT participant_id, kind, \"on\", notes, id FROM referrals.case_contacts WHERE tenant_id = $2 AND case_id = $1 ORDER BY \"on\", id", [id, tenant]),
    ];

    private async Task Case(HttpContext http)
    {
        var ct = http.RequestAborted;
        var (connection, transaction, reader) = await ReadAsync(http, CaseQueries(Guid.Parse(Arg(http, "id")), Tenant(http)));
        await using (connection)
        await using (transaction)
        {
            var json = await StartAsync(http, "case");
            await WriteCaseAsync(json, reader, new CaseReads(), ct);
            await reader.DisposeAsync();
            await transaction.CommitAsync(ct);
            await EndAsync(json, http);
        }
    }

    /// <summary>The special-category records a case answer holds, as the service audits them.</summary>
    private sealed record CaseReads
    {
        public List<Guid> Cases { get; } = [];
        public List<Guid> Participants { get; } = [];
        public List<Guid> Contacts { get; } = [];
    }

    // The case and its four lists, from CaseQueries' five results, in the GraphQL answer's shape; null for a case not found.
    private static async Task WriteCaseAsync(Utf8JsonWriter json, NpgsqlDataReader reader, CaseReads reads, CancellationToken ct)
    {
        if (!await reader.ReadAsync(ct))
        {
            json.WriteNullValue();
            return;
        }
        json.WriteStartObject();
        reads.Cases.Add(reader.GetGuid(0));
        json.WriteString("id", GlobalId.Encode("Case", reader.GetGuid(0)));
        json.WriteString("reference", reader.GetString(1));
        json.WriteString("state", ScreamingSnake(reader.GetString(2)));
        json.WriteString("openedAt", reader.GetFieldValue<DateTimeOffset>(3));
        WriteOrNull(json, "method", reader, 4, i => ScreamingSnake(reader.GetString(i)));
        await WriteNextResultAsync(json, "participants", reader, row =>
        {
            reads.Participants.Add(row.GetGuid(0));
            json.WriteString("id", GlobalId.Encode("Participant", row.GetGuid(0)));
            json.WriteString("role", ScreamingSnake(row.GetString(1)));
            json.WriteString("name", row.GetString(2));
            WriteOrNull(json, "phone", row, 3, row.GetString);
        }, ct);
        await WriteNextResultAsync(json, "timeline", reader, row =>
        {
            json.WriteString("kind", row.GetString(0));
            WriteOrNull(json, "fromState", row, 1, i => ScreamingSnake(row.GetString(i)));
            WriteOrNull(json, "toState", row, 2, i => ScreamingSnake(row.GetString(i)));
            json.WriteString("detail", row.GetString(3));
            json.WriteString("at", row.GetFieldValue<DateTimeOffset>(4));
        }, ct);
        await WriteNextResultAsync(json, "allocations", reader, row =>
        {
            json.WriteString("practitionerName", row.GetString(0));
            json.WriteString("from", row.GetFieldValue<DateOnly>(1).ToString("yyyy-MM-dd"));
            WriteOrNull(json, "until", row, 2, i => row.GetFieldValue<DateOnly>(i).ToString("yyyy-MM-dd"));
        }, ct);
        await WriteNextResultAsync(json, "contacts", reader, row =>
        {
            json.WriteString("participantId", GlobalId.Encode("Participant", row.GetGuid(0)));
            json.WriteString("kind", ScreamingSnake(row.GetString(1)));
            json.WriteString("on", row.GetFieldValue<DateOnly>(2).ToString("yyyy-MM-dd"));
            json.WriteString("notes", row.GetString(3));
            reads.Contacts.Add(row.GetGuid(4));
        }, ct);
        json.WriteEndObject();
    }

    // The batch's next result as a JSON array of objects, one per row.
    private static async Task WriteNextResultAsync(Utf8JsonWriter json, string name, NpgsqlDataReader reader, Action<NpgsqlDataReader> writeRow, CancellationToken ct)
    {
        await reader.NextResultAsync(ct);
        json.WriteStartArray(name);
        while (await reader.ReadAsync(ct))
        {
            json.WriteStartObject();
            writeRow(reader);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteOrNull(Utf8JsonWriter json, string name, NpgsqlDataReader row, int ordinal, Func<int, string> read)
    {
        if (row.IsDBNull(ordinal)) json.WriteNull(name);
        else json.WriteString(name, read(ordinal));
    }

    /// <summary>
    /// The hand-written case with the service's guarantees, as <see cref="GuardedInbox"/>: a service manager or coordinator
    /// only (the GraphQL case also lets a facilitator read the cases they hold, which this does not attempt), the office
    /// entered, and the case, its participants and its contacts put on the audit trail before the answer is written.
    /// </summary>
    private async Task GuardedCase(HttpContext http, CurrentTenant office)
    {
        var ct = http.RequestAborted;
        var services = http.RequestServices;
        var answer = new ArrayBufferWriter<byte>();
        var reads = new CaseReads();
        await ReadForOfficeAsync(office.Id, CaseQueries(Guid.Parse(Arg(http, "id")), office.Id), async reader =>
        {
            await using var json = new Utf8JsonWriter(answer);
            await WriteCaseAsync(json, reader, reads, ct);
        }, ct);
        const string purpose = "CASE_WORK: Working a case";
        await services.GetRequiredService<IAuditLog>().RecordAsync(
            [.. new[] { ("Case", reads.Cases), ("CaseContact", reads.Contacts), ("Participant", reads.Participants) }
                .Where(r => r.Item2.Count > 0).Select(r => new AuditEvent($"read:{r.Item1}", AuditEvent.Succeeded, [.. r.Item2.Order()], purpose))],
            CancellationToken.None);

        var response = await StartAsync(http, "case");
        response.WriteRawValue(answer.WrittenSpan, skipInputValidation: true);
        await EndAsync(response, http);
    }

    /// <summary>What <c>{ __typename }</c> answers, with nothing read: guarded, what the token and access check cost; bare, what any request costs.</summary>
    private static Task TypenameAsync(HttpContext http)
    {
        http.Response.ContentType = "application/json";
        return http.Response.Body.WriteAsync(Typename).AsTask();
    }

    private static readonly byte[] Typename = """{"data":{"__typename":"Query"}}"""u8.ToArray();

    /// <summary>The partner system's own referrals with the service's guarantees: its token, the access check, the partner roles, the office entered.</summary>
    private async Task GuardedSubmitted(HttpContext http, CurrentTenant office)
    {
        if (Actor.From(http.User).PartnerOrganisationId is not { } partner)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        await ReadForOfficeAsync(office.Id, [(SubmittedSql, [partner, int.Parse(Arg(http, "first")), office.Id])], async reader =>
        {
            var json = await StartAsync(http, "submittedReferrals");
            await WriteSubmittedAsync(json, reader, http.RequestAborted);
            await EndAsync(json, http);
        }, http.RequestAborted);
    }

    private static NpgsqlBatchCommand Command(string sql, object[] args)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var arg in args) command.Parameters.Add(new NpgsqlParameter { Value = arg });
        return command;
    }

    // Each funding stream's allocation for the year, what it put into budgets, and its share (by what it put in) of their spending by today.
    private async Task Spend(HttpContext http)
    {
        var ct = http.RequestAborted;
        var (connection, transaction, reader) = await ReadAsync(http, ("""
            WITH a AS (SELECT a.id, s.name, a.amount_pence FROM commissioning.allocations a JOIN commissioning.funding_streams s ON s.id = a.funding_stream_id WHERE a.tenant_id = $2 AND a.year_starting = $1),
                 f AS (SELECT bf.budget_id, bf.allocation_id, bf.amount_pence, sum(bf.amount_pence) OVER (PARTITION BY bf.budget_id) AS total
                       FROM commissioning.budget_funding bf WHERE bf.budget_id IN (SELECT budget_id FROM commissioning.budget_funding WHERE allocation_id IN (SELECT id FROM a))),
                 b AS (SELECT l.budget_id,
                              coalesce(sum(e.amount_pence) FILTER (WHERE e.kind IN ('Commitment', 'ExpenseCharge')), 0) AS committed,
                              coalesce(sum(e.amount_pence) FILTER (WHERE e.kind = 'Payment'), 0) AS paid
                       FROM commissioning.budget_lines l LEFT JOIN commissioning.ledger_entries e ON e.budget_line_id = l.id AND e."on" <= current_date
                       WHERE l.budget_id IN (SELECT budget_id FROM f) GROUP BY l.budget_id)
            SELECT a.name, a.amount_pence, coalesce(sum(f.amount_pence), 0)::bigint,
                   coalesce(sum(round(b.committed::numeric * f.amount_pence / f.total)), 0)::bigint, coalesce(sum(round(b.paid::numeric * f.amount_pence / f.total)), 0)::bigint
            FROM a LEFT JOIN f ON f.allocation_id = a.id LEFT JOIN b ON b.budget_id = f.budget_id GROUP BY a.name, a.amount_pence ORDER BY a.name
            """, [int.Parse(Arg(http, "year")), Tenant(http)]));
        await using (connection)
        await using (transaction)
        {
            var json = await StartAsync(http, "spendReport");
            json.WriteStartObject();
            json.WriteStartArray("rows");
            while (await reader.ReadAsync(ct))
            {
                json.WriteStartObject();
                json.WriteString("fundingStream", reader.GetString(0));
                json.WriteStartObject("balance");
                json.WriteNumber("allocated", reader.GetInt64(1) / 100m);
                json.WriteNumber("budgeted", reader.GetInt64(2) / 100m);
                json.WriteNumber("committed", reader.GetInt64(3) / 100m);
                json.WriteNumber("paid", reader.GetInt64(4) / 100m);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            await reader.DisposeAsync();
            await transaction.CommitAsync(ct);
            json.WriteEndArray();
            json.WriteEndObject();
            await EndAsync(json, http);
        }
    }

    // Enum names as GraphQL spells them: HarmedPerson → HARMED_PERSON.
    public static string ScreamingSnake(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
}
