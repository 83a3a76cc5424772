using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RJCloud.Shared.Persistence;

/// <summary>
/// Keeps a module context's connection from its first command until the context goes back to the pool at the end of
/// its request (or background pass), instead of handing it back to Npgsql's pool after every query.
/// <para>
/// Each hand-back cost PostgreSQL a session reset on the connection's next use (`SET SESSION AUTHORIZATION DEFAULT`,
/// `RESET ALL`, `CLOSE ALL`, `UNLISTEN *`, `pg_advisory_unlock_all()`, `DISCARD SEQUENCES`, `DISCARD TEMP`): measured at
/// 1,000,000 referrals, a case with its timeline, participants, allocations and contacts took 6.4 resets per request,
/// one per query. The connection is still given back, and reset, when the context is: EF Core disposes a pooled
/// context's connection as it resets the context, and that is not a close this suppresses.
/// </para>
/// <para>
/// The tenant is unaffected: every command sets it afresh (TenantCommandInterceptor), so a connection kept for a
/// scope that changes office between commands still answers each command for its own office.
/// </para>
/// </summary>
public sealed class ConnectionPerLease : DbConnectionInterceptor
{
    public static readonly ConnectionPerLease Instance = new();

    private ConnectionPerLease() { }

    // EF Core then counts the connection as opened by its user and leaves it open until the context is reset or disposed.
    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        eventData.Context is null ? result : InterceptionResult.Suppress();

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(eventData.Context is null ? result : InterceptionResult.Suppress());
}
