using Npgsql;

namespace RJCloud.Shared.Persistence;

/// <summary>
/// Tells a database that cannot be reached (stopped, restarting, refusing connections, a connection
/// cut mid-request) from every other failure, through whatever EF Core, OpenIddict or GraphQL.NET
/// wrapped around it. Such a request answers 503 DATABASE_UNAVAILABLE and is not retried: a retry
/// could apply a change twice.
/// </summary>
public static class DatabaseOutage
{
    public const string Code = "DATABASE_UNAVAILABLE";

    /// <summary>The innermost sign of an outage in the exception's chain, or null when the failure is something else.</summary>
    public static Exception? CauseOf(Exception? exception)
    {
        Exception? transient = null;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException { InnerExceptions: [var only] }) return CauseOf(only) ?? transient;
            // The server's own word decides: it is an outage only for the codes below.
            if (e is PostgresException postgres) return IsOutage(postgres.SqlState) ? postgres : null;
            // Npgsql's own errors: a refused or cut connection, a connect that was not answered in time.
            if (e is NpgsqlException { IsTransient: true }) transient = e;
        }
        return transient;
    }

    public static bool IsCause(Exception? exception) => CauseOf(exception) is not null;

    /// <summary>What a log line may say about the cause: a SQLSTATE or a type name, never a message (which can quote data).</summary>
    public static string Describe(Exception cause) =>
        cause is PostgresException postgres ? postgres.SqlState : (cause.InnerException ?? cause).GetType().Name;

    // 08: connection exceptions; 57P01-57P03: the server is shutting down, crashed or is not yet accepting
    // connections; 53300: no connection slot free. Not 57014 (a statement timeout) or 40001 (a conflict), which Npgsql also calls transient.
    private static bool IsOutage(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState is "57P01" or "57P02" or "57P03" or "53300";
}
