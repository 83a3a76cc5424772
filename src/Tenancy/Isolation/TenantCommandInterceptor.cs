using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using RJCloud.Tenancy.Context;

namespace RJCloud.Tenancy.Isolation;

/// <summary>
/// Tells PostgreSQL which tenant each EF Core command works for: row-level security policies compare tenant_id with
/// app.tenant_id. The setting leads the command's own text, so it travels in the same round trip and holds for the
/// tenant current when the command runs, not when its connection was opened (ADR 0020). With no tenant it is set to
/// '', which matches no row, so whatever a pooled or shared connection did before can never show through. Because
/// every command sets it afresh, this also holds behind a transaction-mode pooler.
/// </summary>
public sealed class TenantCommandInterceptor(ITenantContext tenants) : DbCommandInterceptor
{
    public const string Setting = "app.tenant_id";

    /// <summary>
    /// A batch's first command for <paramref name="tenantId"/>: a batch without an explicit transaction runs as one
    /// implicit transaction, so the tenant holds for the commands after this one (until the next such command) and
    /// ends with the batch. One round trip, no BEGIN or COMMIT, and safe behind a transaction-mode pooler.
    /// </summary>
    public static NpgsqlBatchCommand InBatch(Guid tenantId) =>
        new($"SELECT set_config('{Setting}', $1, true)") { Parameters = { new NpgsqlParameter { Value = tenantId.ToString() } } };

    // A SET returns no result set, so the reader, the scalar and the rows affected are the EF command's own. The value is
    // a Guid's own text or nothing, never anything a caller wrote.
    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        if (eventData.CommandSource != CommandSource.SaveChanges) result.CommandText = $"{SetTenant()};\n{result.CommandText}";
        return result;
    }

    // SaveChanges reads each statement's rows affected by its position in the command, so a statement in front would
    // shift them: its commands get the setting in a round trip of their own, inside their transaction, as before.
    // (Its commands are always readers: EF Core's modification batches read rows affected and generated values.)
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        SetBeforeSaving(command, eventData);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await SetBeforeSavingAsync(command, eventData, cancellationToken);
        return result;
    }

    private string SetTenant() => $"SET {Setting} = '{tenants.Current?.Id.ToString("D")}'";

    private void SetBeforeSaving(DbCommand command, CommandEventData eventData)
    {
        if (eventData.CommandSource != CommandSource.SaveChanges) return;
        using var set = SetCommand(command);
        set.ExecuteNonQuery();
    }

    private async Task SetBeforeSavingAsync(DbCommand command, CommandEventData eventData, CancellationToken cancellationToken)
    {
        if (eventData.CommandSource != CommandSource.SaveChanges) return;
        await using var set = SetCommand(command);
        await set.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand SetCommand(DbCommand command)
    {
        var set = command.Connection!.CreateCommand();
        set.Transaction = command.Transaction;
        set.CommandText = SetTenant();
        return set;
    }
}
