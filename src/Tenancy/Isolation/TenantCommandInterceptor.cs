using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using RJCloud.Tenancy.Context;

namespace RJCloud.Tenancy.Isolation;

/// <summary>
/// Tells PostgreSQL which tenant each connection works for, every time EF opens one: row-level
/// security policies compare tenant_id with app.tenant_id. Setting it on every open (to '' when
/// there is no tenant) matters because a pooled connection would otherwise keep the previous
/// request's tenant. Behind a transaction-mode pooler this must become set_config(..., true)
/// inside each transaction (docs/scaling.md).
/// </summary>
public sealed class TenantConnectionInterceptor(ITenantContext tenants) : DbConnectionInterceptor
{
    public const string Setting = "app.tenant_id";

    /// <summary>
    /// A batch's first command for <paramref name="tenantId"/>: a batch without an explicit transaction runs as one
    /// implicit transaction, so the tenant holds for the commands after this one (until the next such command) and
    /// ends with the batch. One round trip, no BEGIN or COMMIT, and safe behind a transaction-mode pooler.
    /// </summary>
    public static NpgsqlBatchCommand InBatch(Guid tenantId) =>
        new($"SELECT set_config('{Setting}', $1, true)") { Parameters = { new NpgsqlParameter { Value = tenantId.ToString() } } };

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Command(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand Command(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"SELECT set_config('{Setting}', @tenant, false)";
        command.Parameters.Add(new NpgsqlParameter("tenant", tenants.Current?.Id.ToString() ?? ""));
        return command;
    }
}
