using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Platform;

/// <summary>Each module owns its schema and migrations; the service logs in as a role that owns nothing.</summary>
public sealed class DatabaseTests(RJCloudApp app) : IClassFixture<RJCloudApp>
{
    private static readonly string[] ModuleSchemas = ["tenancy", "referrals", "volunteers", "commissioning", "evaluation"];

    [Fact]
    public async Task Given_start_up_Then_every_module_schema_has_its_own_migrations_history()
    {
        await using var connection = await TestDatabaseServer.OpenAsSuperuserAsync(app.DatabaseName);

        foreach (var schema in ModuleSchemas)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM {schema}.__ef_migrations_history", connection);
            Assert.True((long)(await command.ExecuteScalarAsync())! >= 1, $"schema {schema} has no applied migration");
        }
    }

    [Fact]
    public async Task Given_the_service_login_Then_it_owns_nothing_and_cannot_bypass_row_level_security()
    {
        await using var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();

        await using var role = new NpgsqlCommand(
            "SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user", connection);
        await using (var reader = await role.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal((false, false, false, false), (reader.GetBoolean(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3)));
        }

        await using var owned = new NpgsqlCommand(
            "SELECT count(*) FROM pg_tables WHERE tableowner = current_user OR schemaname IN (SELECT nspname FROM pg_namespace WHERE nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user))",
            connection);
        Assert.Equal(0L, await owned.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("CREATE TABLE referrals.intruder (id int)")]
    [InlineData("DROP TABLE tenancy.tenants")]
    [InlineData("ALTER TABLE tenancy.tenants DISABLE ROW LEVEL SECURITY")]
    [InlineData("DELETE FROM tenancy.__ef_migrations_history")]
    public async Task Given_the_service_login_When_it_tries_to_change_the_schema_Then_postgres_refuses(string sql)
    {
        await using var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task Given_the_service_login_Then_postgres_cancels_statements_past_the_statement_timeout()
    {
        await using var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SHOW statement_timeout", connection);

        Assert.Equal("15s", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Given_a_migrated_database_Then_ready_and_live_report_healthy()
    {
        var client = app.CreateClient();

        using var ready = await client.GetAsync("/health/ready");
        using var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
