namespace RJCloud.Tenancy.Portability;

/// <summary>A tenant table deliberately not exported, and why.</summary>
internal sealed record LeftOutTable(string Table, string Reason);

/// <summary>A column deliberately not exported, why, and the SQL value an import gives it instead.</summary>
internal sealed record LeftOutColumn(string Table, string Column, string Reason, string ImportValue);

/// <summary>
/// What an export leaves out. Everything else with a tenant_id is exported, because the catalog
/// says so; this list is the only place a table or column can be kept back, each with its reason
/// (published in the archive's manifest and in docs/tenant-export.md).
/// </summary>
internal static class ExportPolicy
{
    public const string TenantColumn = "tenant_id";

    public static readonly IReadOnlyList<LeftOutTable> Tables =
    [
        new("referrals.outbox", "Delivery machinery, not records: messages still waiting would be delivered a second time (referrers notified twice) by the office that imports them."),
        new("volunteers.outbox", "Delivery machinery, not records: reminders still waiting would be sent a second time by the office that imports them."),
        new("referrals.public_form_windows", "Rate-limit machinery, not records: counts of public forms per keyed hash of a client address, gone within the hour; the hashes are pseudonymous data about visitors, not the office's records."),
    ];

    public static readonly IReadOnlyList<LeftOutColumn> Columns =
    [
        new("identity.users", "password_hash", "A credential. Imported people have no password: each chooses one through an invitation link.", "NULL"),
        new("identity.users", "security_stamp", "Signs invitation and reset links; a new one is made so that no link issued before the export works.", "replace(gen_random_uuid()::text, '-', '')"),
        new("evaluation.feedback_links", "secret_hash", "Proves a participant's one-time feedback link; imported links cannot be opened, issue new ones.", "uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())"),
        new("tenancy.billing_invoices", "hosted_invoice_url", "A bearer link to the invoice at the payment provider: anyone holding it can read the invoice.", "NULL"),
    ];

    /// <summary>
    /// Columns whose names look like credentials but are not, reviewed one by one. A new column
    /// named like a secret fails a test until it is left out above or reviewed here.
    /// </summary>
    public static readonly IReadOnlyList<string> ReviewedNotSecret =
    [
        "referrals.submission_keys.key",            // the submitter's idempotency key for a referral, not a credential
        "referrals.submission_keys.request_hash",   // fingerprint of the submitted form, to spot a key reused for another form
        "volunteers.expense_claims.idempotency_key",
        "identity.partner_clients.client_id",       // public half of a partner system's credentials; the secret lives in OpenIddict's table
        "identity.partner_clients.secret_issued_at",
    ];

    public static bool IsLeftOut(string table) => Tables.Any(t => t.Table == table);

    public static LeftOutColumn? LeftOut(string table, string column) => Columns.FirstOrDefault(c => c.Table == table && c.Column == column);

    /// <summary>The columns a file of this table holds: all but tenant_id, generated ones and those left out.</summary>
    public static IReadOnlyList<TenantColumn> Exported(TenantTable table) =>
        [.. table.Columns.Where(c => c.Name != TenantColumn && !c.IsGenerated && LeftOut(table.QualifiedName, c.Name) is null)];

    public static string FileName(TenantTable table) => $"{table.Schema}/{table.Name}.jsonl";
}
