using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RJCloud.Shared.Persistence;

namespace RJCloud.Tests.Platform;

/// <summary>Which failures are a database outage (503, try again) and which are not (the usual fault handling), however they are wrapped.</summary>
public sealed class DatabaseOutageCauseTests
{
    [Theory]
    [InlineData("57P01")] // admin_shutdown: pg_ctl stop -m fast
    [InlineData("57P02")] // crash_shutdown
    [InlineData("57P03")] // cannot_connect_now: starting up or shutting down
    [InlineData("08006")] // connection_failure
    [InlineData("53300")] // too_many_connections
    public void Given_the_server_refusing_or_ending_connections_Then_it_is_an_outage(string sqlState)
    {
        var cause = DatabaseOutage.CauseOf(new InvalidOperationException("wrapped", Server(sqlState)));

        Assert.NotNull(cause);
        Assert.Equal(sqlState, DatabaseOutage.Describe(cause));
    }

    [Theory]
    [InlineData("57014")] // statement timeout: the query's fault, not the server's
    [InlineData("40001")] // serialization failure
    [InlineData("23505")] // unique violation
    [InlineData("42P01")] // undefined table
    public void Given_an_error_of_the_statement_itself_Then_it_is_not_an_outage(string sqlState) =>
        Assert.False(DatabaseOutage.IsCause(new DbUpdateException("save failed", Server(sqlState))));

    [Fact]
    public void Given_a_refused_connection_wrapped_by_ef_core_and_graphql_Then_it_is_an_outage_named_by_its_socket_error()
    {
        var refused = new NpgsqlException("Failed to connect to /tmp/run/.s.PGSQL.5432", new SocketException((int)SocketError.ConnectionRefused));

        var cause = DatabaseOutage.CauseOf(new AggregateException(new InvalidOperationException("transient failure", new DbUpdateException("save", refused))));

        Assert.Same(refused, cause);
        Assert.Equal(nameof(SocketException), DatabaseOutage.Describe(cause!));
    }

    [Fact]
    public void Given_a_connection_cut_mid_read_Then_it_is_an_outage() =>
        Assert.True(DatabaseOutage.IsCause(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));

    [Fact]
    public void Given_an_unrelated_failure_Then_it_is_not_an_outage()
    {
        Assert.False(DatabaseOutage.IsCause(new InvalidOperationException("Sequence contains no elements")));
        Assert.False(DatabaseOutage.IsCause(new NpgsqlException("Unknown message code")));
        Assert.False(DatabaseOutage.IsCause(null));
    }

    private static PostgresException Server(string sqlState) => new("server says no", "FATAL", "FATAL", sqlState);
}
