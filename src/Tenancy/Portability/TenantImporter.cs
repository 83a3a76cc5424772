using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using RJCloud.Tenancy.Context;

namespace RJCloud.Tenancy.Portability;

/// <summary>
/// Loads an archive into an empty office in one transaction: every table in foreign-key order,
/// rows keeping their ids, tenant_id rewritten to the target. It works under the target's
/// app.tenant_id, so row-level security's WITH CHECK refuses any row that is not the target's.
/// Any refusal or fault rolls everything back.
/// </summary>
internal sealed class TenantImporter(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<TenantImporter> logger)
{
    private const int BatchRows = 1000;
    private const int BatchChars = 4 << 20;

    /// <summary>Tables that may hold rows in an office that counts as empty.</summary>
    private const string AuditLog = "tenancy.audit_log";

    public async Task<IReadOnlyList<RenamedPartnerClient>> ImportAsync(CurrentTenant target, ArchiveReader archive, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await TenantSession.EnterAsync(connection, transaction, target.Id, readOnly: false, cancellationToken);
        var tables = await TenantTables.ReadAsync(connection, transaction, cancellationToken);
        await CheckCompatibleAsync(connection, transaction, tables, archive.Manifest, cancellationToken);
        await CheckEmptyAsync(connection, transaction, tables, cancellationToken);

        var files = archive.Manifest.Files.ToDictionary(f => f.Table);
        IReadOnlyList<RenamedPartnerClient> renamed;
        try
        {
            foreach (var table in tables.Where(t => files.ContainsKey(t.QualifiedName)))
                await InsertAsync(connection, transaction, table, archive.Lines(files[table.QualifiedName]), target.Id, cancellationToken);
            foreach (var table in tables.Where(t => t.SelfReferences.Count > 0 && files.ContainsKey(t.QualifiedName)))
                await LinkSelfReferencesAsync(connection, transaction, table, archive.Lines(files[table.QualifiedName]), cancellationToken);
            renamed = await PartnerClientsAfterImport.RegisterAsync(connection, transaction, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("22") || e.SqlState.StartsWith("23"))
        {
            // Rows that contradict each other or their types (a forged or hand-edited archive): nothing is kept.
            logger.LogWarning("Import into office {TenantId} refused by PostgreSQL ({SqlState}) on {Table}", target.Id, e.SqlState, e.TableName);
            throw ImportRefusedException.Malformed($"its rows of {e.SchemaName}.{e.TableName} cannot be stored ({e.SqlState}).");
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Imported {Rows} rows into office {TenantId} in {Elapsed} ms",
            files.Values.Sum(f => f.Rows), target.Id, (long)clock.GetElapsedTime(started).TotalMilliseconds);
        return renamed;
    }

    private static async Task CheckCompatibleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<TenantTable> tables, ArchiveManifest manifest, CancellationToken cancellationToken)
    {
        var migrations = await TenantTables.MigrationsAsync(connection, transaction, cancellationToken);
        if (migrations.Count != manifest.Migrations.Count || migrations.Any(m => !manifest.Migrations.TryGetValue(m.Key, out var theirs) || theirs != m.Value))
            throw new ImportRefusedException("MIGRATIONS_DIFFER",
                "The archive was exported from a service at other migrations than this one: import it into a service at the same version.");

        var expected = tables.Where(t => !ExportPolicy.IsLeftOut(t.QualifiedName)).ToDictionary(t => t.QualifiedName);
        if (manifest.Files.Count != expected.Count || manifest.Files.Any(f => !expected.ContainsKey(f.Table)))
            throw new ImportRefusedException("SCHEMA_MISMATCH", "The archive's files are not this service's tenant tables.");
        foreach (var file in manifest.Files)
        {
            var table = expected[file.Table];
            if (file.Path != ExportPolicy.FileName(table) ||
                !ExportPolicy.Exported(table).Select(c => (c.Name, c.Type)).SequenceEqual(file.Columns.Select(c => (c.Name, c.Type))))
                throw new ImportRefusedException("SCHEMA_MISMATCH", $"The columns of {file.Table} in the archive are not this service's.");
        }
    }

    /// <summary>
    /// Empty means nothing but the audit trail, after removing people who were invited and never
    /// signed in (createTenant's first admin): the archive's people replace them.
    /// </summary>
    private static async Task CheckEmptyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<TenantTable> tables, CancellationToken cancellationToken)
    {
        await using (var invited = new NpgsqlCommand(
            "DELETE FROM identity.role_assignments r USING identity.users u WHERE r.user_id = u.id AND u.password_hash IS NULL; DELETE FROM identity.users WHERE password_hash IS NULL",
            connection, transaction))
            await invited.ExecuteNonQueryAsync(cancellationToken);
        var probes = tables.Where(t => t.QualifiedName != AuditLog).Select(t => $"SELECT '{t.QualifiedName}' WHERE EXISTS (SELECT 1 FROM {t.Sql})");
        await using var command = new NpgsqlCommand(string.Join(" UNION ALL ", probes) + " LIMIT 1", connection, transaction);
        if (await command.ExecuteScalarAsync(cancellationToken) is string holding)
            throw new ImportRefusedException("OFFICE_NOT_EMPTY", $"The office already holds data ({holding}); import only into an office with none.", 409);
    }

    private static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TenantTable table, IEnumerable<string> lines, Guid tenantId, CancellationToken cancellationToken)
    {
        var columns = table.Columns.Where(c => !c.IsGenerated).ToList();
        var values = columns.Select(c =>
            c.Name == ExportPolicy.TenantColumn ? "@tenant"
            : ExportPolicy.LeftOut(table.QualifiedName, c.Name) is { } leftOut ? leftOut.ImportValue
            : table.SelfReferences.Contains(c.Name) ? "NULL" // set once every row of the table is in
            : "r." + TenantTable.Quote(c.Name));
        var sql = $"""
            INSERT INTO {table.Sql} ({string.Join(", ", columns.Select(c => TenantTable.Quote(c.Name)))})
            {(columns.Any(c => c.IsIdentity) ? "OVERRIDING SYSTEM VALUE" : "")}
            SELECT {string.Join(", ", values)} FROM jsonb_populate_recordset(NULL::{table.Sql}, @rows) r
            """;
        foreach (var batch in Batches(lines))
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction)
            {
                Parameters =
                {
                    new NpgsqlParameter("tenant", tenantId),
                    new NpgsqlParameter("rows", NpgsqlDbType.Jsonb) { Value = batch },
                },
            };
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task LinkSelfReferencesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TenantTable table, IEnumerable<string> lines, CancellationToken cancellationToken)
    {
        var key = table.PrimaryKey.Where(k => k != ExportPolicy.TenantColumn).Select(TenantTable.Quote).ToList();
        var sql = $"""
            UPDATE {table.Sql} AS t SET {string.Join(", ", table.SelfReferences.Select(c => $"{TenantTable.Quote(c)} = r.{TenantTable.Quote(c)}"))}
            FROM jsonb_populate_recordset(NULL::{table.Sql}, @rows) r
            WHERE {string.Join(" AND ", key.Select(k => $"t.{k} = r.{k}"))}
              AND ({string.Join(" OR ", table.SelfReferences.Select(c => $"r.{TenantTable.Quote(c)} IS NOT NULL"))})
            """;
        foreach (var batch in Batches(lines))
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction)
            {
                Parameters = { new NpgsqlParameter("rows", NpgsqlDbType.Jsonb) { Value = batch } },
            };
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>JSON arrays of a thousand rows (or 4 MB) at a time: few round trips, bounded memory.</summary>
    private static IEnumerable<string> Batches(IEnumerable<string> lines)
    {
        var batch = new StringBuilder();
        var rows = 0;
        foreach (var line in lines)
        {
            batch.Append(rows == 0 ? '[' : ',').Append(line);
            if (++rows < BatchRows && batch.Length < BatchChars) continue;
            yield return batch.Append(']').ToString();
            batch.Clear();
            rows = 0;
        }
        if (rows > 0) yield return batch.Append(']').ToString();
    }
}
