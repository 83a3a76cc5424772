using Npgsql;
using RJCloud.Tenancy.Isolation;

namespace RJCloud.Tenancy.Portability;

/// <summary>
/// An export or import works for exactly one office: app.tenant_id is set for its transaction
/// only, so row-level security shows it that office's rows and checks every row it writes.
/// </summary>
internal static class TenantSession
{
    public static async Task EnterAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId, bool readOnly, CancellationToken cancellationToken)
    {
        if (readOnly)
        {
            await using var readOnlyCommand = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction);
            await readOnlyCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        // An office's whole data outlasts the service's per-statement limit; timestamps are written in UTC whatever the server's zone.
        await using var command = new NpgsqlCommand($"""
            SELECT set_config('{TenantCommandInterceptor.Setting}', @tenant, true),
                   set_config('statement_timeout', '30min', true),
                   set_config('TimeZone', 'UTC', true)
            """, connection, transaction)
        {
            Parameters = { new NpgsqlParameter("tenant", tenantId.ToString()) },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
