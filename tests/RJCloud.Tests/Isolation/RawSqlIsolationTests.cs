using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RJCloud.Tenancy.Audit;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Registry;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Isolation;

/// <summary>
/// Even SQL that forgets the tenant, run as the service's own login, cannot see or write another
/// tenant's rows: PostgreSQL refuses on its own, whatever the application code does.
/// </summary>
public sealed class RawSqlIsolationTests(RawSqlIsolationTests.TwoTenantApp app) : IClassFixture<RawSqlIsolationTests.TwoTenantApp>
{
    public sealed class TwoTenantApp : RJCloudApp, IAsyncLifetime
    {
        public CurrentTenant Essex { get; } = new(Guid.CreateVersion7(), "essex", TenantStatus.Active);

        public CurrentTenant Norfolk { get; } = new(Guid.CreateVersion7(), "norfolk", TenantStatus.Active);

        async Task IAsyncLifetime.InitializeAsync()
        {
            await InitializeAsync();
            foreach (var tenant in new[] { Essex, Norfolk })
                for (var i = 0; i < 3; i++)
                    await RecordAsync(tenant, new AuditEvent("probe", AuditEvent.Succeeded, [Guid.NewGuid()]));
        }

        public async Task RecordAsync(CurrentTenant tenant, AuditEvent auditEvent)
        {
            using var scope = Services.CreateScope();
            using (scope.ServiceProvider.GetRequiredService<ITenantContext>().Enter(tenant))
                await scope.ServiceProvider.GetRequiredService<IAuditLog>().RecordAsync(auditEvent, CancellationToken.None);
        }

        public async Task<NpgsqlConnection> OpenAsServiceAsync(CurrentTenant? tenant)
        {
            var connection = await Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
            await using var set = new NpgsqlCommand("SELECT set_config('app.tenant_id', @t, false)", connection);
            set.Parameters.AddWithValue("t", tenant?.Id.ToString() ?? "");
            await set.ExecuteNonQueryAsync();
            return connection;
        }
    }

    [Fact]
    public async Task Given_two_offices_auditing_at_the_same_moment_Then_every_row_is_kept_under_its_own_office()
    {
        var marker = $"concurrent-{Guid.NewGuid():N}";
        var recordIds = Enumerable.Range(0, 60).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(recordIds.Select((id, i) =>
            app.RecordAsync(i % 2 == 0 ? app.Essex : app.Norfolk, new AuditEvent(marker, AuditEvent.Succeeded, [id, Guid.NewGuid()]))));

        foreach (var (office, parity) in new[] { (app.Essex, 0), (app.Norfolk, 1) })
        {
            await using var connection = await app.OpenAsServiceAsync(office);
            await using var command = new NpgsqlCommand("SELECT tenant_id, record_ids[1] FROM tenancy.audit_log WHERE operation = @op", connection);
            command.Parameters.AddWithValue("op", marker);
            var seen = new List<(Guid Tenant, Guid Record)>();
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync()) seen.Add((reader.GetGuid(0), reader.GetGuid(1)));

            Assert.All(seen, row => Assert.Equal(office.Id, row.Tenant));
            Assert.Equal(recordIds.Where((_, i) => i % 2 == parity).Order(), seen.Select(r => r.Record).Order());
        }
    }

    [Fact]
    public async Task Given_no_tenant_set_Then_every_tenant_owned_table_reads_as_empty()
    {
        await using var connection = await app.OpenAsServiceAsync(null);
        foreach (var table in await TenantOwnedTables.ListAsync(app.DatabaseName))
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
            Assert.True(0L == (long)(await count.ExecuteScalarAsync())!, $"{table} shows rows without a tenant");
        }
    }

    [Fact]
    public async Task Given_one_tenant_set_Then_only_its_rows_are_visible()
    {
        await using var connection = await app.OpenAsServiceAsync(app.Essex);
        await using var command = new NpgsqlCommand("SELECT DISTINCT tenant_id FROM tenancy.audit_log", connection);

        var tenants = new List<Guid>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tenants.Add(reader.GetGuid(0));

        Assert.Equal([app.Essex.Id], tenants);
    }

    [Fact]
    public async Task Given_one_tenant_set_When_a_row_is_written_for_another_Then_postgres_refuses_it()
    {
        await using var connection = await app.OpenAsServiceAsync(app.Essex);
        await using var insert = new NpgsqlCommand("""
            INSERT INTO tenancy.audit_log (tenant_id, id, occurred_at, actor_kind, operation, outcome, record_ids)
            VALUES (@other, gen_random_uuid(), now(), 'user', 'forged', 'succeeded', '{}')
            """, connection);
        insert.Parameters.AddWithValue("other", app.Norfolk.Id);

        var error = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Theory]
    [InlineData("UPDATE tenancy.audit_log SET outcome = 'failed'")]
    [InlineData("DELETE FROM tenancy.audit_log")]
    [InlineData("TRUNCATE tenancy.audit_log")]
    public async Task Given_the_audit_trail_Then_the_service_cannot_change_or_remove_it(string sql)
    {
        await using var connection = await app.OpenAsServiceAsync(app.Essex);
        await using var command = new NpgsqlCommand(sql, connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }
}
