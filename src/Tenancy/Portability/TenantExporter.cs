using System.Buffers;
using System.Data;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using RJCloud.Tenancy.Context;

namespace RJCloud.Tenancy.Portability;

/// <summary>
/// Writes one office's data as a zip: a JSON-lines file per tenant table, then manifest.json with
/// each file's row count and SHA-256. It streams: rows go from PostgreSQL to the zip as they are
/// read, in one read-only snapshot under the office's own app.tenant_id, so row-level security
/// guarantees no other office's row can be in it, however the code below might err.
/// </summary>
internal sealed class TenantExporter(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<TenantExporter> logger)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<ArchiveManifest> WriteAsync(CurrentTenant office, Stream output, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await TenantSession.EnterAsync(connection, transaction, office.Id, readOnly: true, cancellationToken);
        var tables = await TenantTables.ReadAsync(connection, transaction, cancellationToken);
        var migrations = await TenantTables.MigrationsAsync(connection, transaction, cancellationToken);
        var exportedAt = clock.GetUtcNow();
        var described = await DescribeAsync(connection, transaction, office, cancellationToken);

        var files = new List<ManifestFile>();
        var body = new AsyncOnlyStream(output);
        ArchiveManifest manifest;
        await using (var zip = await ZipArchive.CreateAsync(body, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            foreach (var table in tables.Where(t => !ExportPolicy.IsLeftOut(t.QualifiedName)))
                files.Add(await WriteTableAsync(zip, connection, transaction, table, cancellationToken));
            manifest = new ArchiveManifest
            {
                Office = described,
                ExportedAt = exportedAt,
                Migrations = migrations,
                Files = files,
                LeftOutTables = [.. ExportPolicy.Tables.Where(t => tables.Any(c => c.QualifiedName == t.Table))],
                LeftOutColumns = [.. ExportPolicy.Columns.Select(c => new ManifestLeftOutColumn(c.Table, c.Column, c.Reason))],
            };
            await using (var entry = await zip.CreateEntry(ArchiveManifest.FileName, CompressionLevel.Optimal).OpenAsync(cancellationToken))
                await JsonSerializer.SerializeAsync(entry, manifest, Json, cancellationToken);
        }
        await body.DrainAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Exported office {TenantId}: {Files} files, {Rows} rows in {Elapsed} ms",
            office.Id, files.Count, files.Sum(f => f.Rows), (long)clock.GetElapsedTime(started).TotalMilliseconds);
        return manifest;
    }

    private static async Task<ManifestOffice> DescribeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CurrentTenant office, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT display_name, office_type FROM tenancy.tenants WHERE id = @id", connection, transaction)
        {
            Parameters = { new NpgsqlParameter("id", office.Id) },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new ManifestOffice(office.Id, office.Identifier, reader.GetString(0), reader.GetString(1));
    }

    private static async Task<ManifestFile> WriteTableAsync(ZipArchive zip, NpgsqlConnection connection, NpgsqlTransaction transaction, TenantTable table, CancellationToken cancellationToken)
    {
        var kept = ExportPolicy.Exported(table);
        var dropped = table.Columns.Where(c => !kept.Contains(c)).Select(c => "'" + c.Name.Replace("'", "''") + "'");
        // PostgreSQL writes each row as JSON itself: every type (jsonb, arrays, numeric, timestamptz, bytea) exactly as it reads back.
        var sql = $"""
            SELECT (to_jsonb(t) - ARRAY[{string.Join(", ", dropped)}]::text[])::text FROM {table.Sql} t
            ORDER BY {string.Join(", ", table.PrimaryKey.Select(k => "t." + TenantTable.Quote(k)))}
            """;
        var path = ExportPolicy.FileName(table);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long rows = 0;
        await using (var entry = await zip.CreateEntry(path, CompressionLevel.Fastest).OpenAsync(cancellationToken))
        await using (var buffered = new BufferedStream(entry, 1 << 16))
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var line = reader.GetString(0);
                var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(line.Length) + 1);
                var length = Encoding.UTF8.GetBytes(line, buffer);
                buffer[length++] = (byte)'\n';
                hash.AppendData(buffer, 0, length);
                await buffered.WriteAsync(buffer.AsMemory(0, length), cancellationToken);
                ArrayPool<byte>.Shared.Return(buffer);
                rows++;
            }
        }
        return new ManifestFile(path, table.QualifiedName, rows, Convert.ToHexStringLower(hash.GetHashAndReset()),
            [.. kept.Select(c => new ManifestColumn(c.Name, c.Type))]);
    }
}
