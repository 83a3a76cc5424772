using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Audit;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Isolation;
using RJCloud.Tenancy.Persistence;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Isolation;

/// <summary>The first defence: EF Core's tenant filter on reads, and a guard on every write.</summary>
public sealed class EntityFrameworkIsolationTests(RawSqlIsolationTests.TwoTenantApp app) : IClassFixture<RawSqlIsolationTests.TwoTenantApp>
{
    [Fact]
    public async Task Given_a_tenant_Then_queries_return_only_its_rows()
    {
        using var scope = app.Services.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ITenantContext>().Enter(app.Norfolk);
        var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();

        var tenants = await db.AuditLog.Select(e => e.TenantId).Distinct().ToListAsync();

        Assert.Equal([app.Norfolk.Id], tenants);
    }

    [Fact]
    public async Task Given_the_filter_is_switched_off_Then_row_level_security_still_hides_other_tenants()
    {
        using var scope = app.Services.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ITenantContext>().Enter(app.Norfolk);
        var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();

        var tenants = await db.AuditLog.IgnoreQueryFilters([TenantDbContext.IsolationFilter]).Select(e => e.TenantId).Distinct().ToListAsync();

        Assert.Equal([app.Norfolk.Id], tenants);
    }

    [Fact]
    public async Task Given_no_tenant_Then_tenant_owned_queries_return_nothing()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();

        Assert.Empty(await db.AuditLog.ToListAsync());
    }

    [Fact]
    public async Task Given_one_open_connection_When_the_tenant_changes_between_commands_Then_each_command_sees_only_its_own_tenant_even_unfiltered()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();
        await db.Database.OpenConnectionAsync();
        var unfiltered = db.Database.SqlQueryRaw<Guid>("SELECT DISTINCT tenant_id AS \"Value\" FROM tenancy.audit_log");

        var (essex, norfolk, none) = await EachOfficeThenNoneAsync(scope, () => unfiltered.ToListAsync());

        Assert.Equal([app.Essex.Id], essex);
        Assert.Equal([app.Norfolk.Id], norfolk);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Given_a_prepared_list_query_When_offices_take_turns_on_one_connection_Then_each_sees_only_its_own_rows()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();
        await db.Database.OpenConnectionAsync();
        // Unfiltered, so row-level security alone answers: the one plan is shared by every office that runs it.
        var prepared = db.AuditLog.IgnoreQueryFilters([TenantDbContext.IsolationFilter]).Select(e => e.TenantId).Distinct().Prepared();

        var (essex, norfolk, none) = await EachOfficeThenNoneAsync(scope, () => prepared.ToListAsync());
        var preparedOnConnection = await db.Database
            .SqlQueryRaw<int>($"SELECT count(*)::int AS \"Value\" FROM pg_prepared_statements WHERE statement LIKE '%{PreparedQueries.Tag}%' AND statement LIKE '%DISTINCT%'")
            .SingleAsync();

        Assert.Equal([app.Essex.Id], essex);
        Assert.Equal([app.Norfolk.Id], norfolk);
        Assert.Empty(none);
        Assert.Equal(1, preparedOnConnection);
    }

    [Fact]
    public async Task Given_pooled_contexts_When_requests_for_different_offices_take_turns_Then_each_sees_only_its_own_rows()
    {
        var tenants = app.Services.GetRequiredService<ITenantContext>();
        var seen = new List<(CurrentTenant Office, int Lease, List<Guid> Tenants)>();
        foreach (var office in Enumerable.Repeat(new[] { app.Essex, app.Norfolk }, 4).SelectMany(o => o))
        {
            using var request = app.Services.CreateScope();
            using var _ = tenants.Enter(office);
            var db = request.ServiceProvider.GetRequiredService<TenancyDbContext>();
            seen.Add((office, db.ContextId.Lease, await db.AuditLog.Select(e => e.TenantId).Distinct().ToListAsync()));
        }

        Assert.All(seen, s => Assert.Equal([s.Office.Id], s.Tenants));
        Assert.Contains(seen, s => s.Lease > 0); // a context that had served an earlier request, reset
    }

    [Fact]
    public async Task Given_a_compiled_loader_query_When_offices_take_turns_on_pooled_contexts_Then_each_gets_only_its_own_rows_and_its_SQL_names_the_office()
    {
        var loader = new KeyedQuery<TenancyDbContext, AuditEntry>(c => c.AuditLog.AsNoTracking().OrderBy(e => e.Id), e => e.Id);
        var everyOffice = new List<(Guid Id, Guid Tenant)>();
        await using (var superuser = await TestDatabaseServer.OpenAsSuperuserAsync(app.DatabaseName))
        await using (var command = new Npgsql.NpgsqlCommand("SELECT id, tenant_id FROM tenancy.audit_log", superuser))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) everyOffice.Add((reader.GetGuid(0), reader.GetGuid(1)));
        var tenants = app.Services.GetRequiredService<ITenantContext>();
        var seen = new List<(CurrentTenant Office, List<Guid> One, List<Guid> Many, string Sql)>();
        foreach (var office in Enumerable.Repeat(new[] { app.Essex, app.Norfolk }, 3).SelectMany(o => o))
        {
            using var request = app.Services.CreateScope();
            using var _ = tenants.Enter(office);
            var db = request.ServiceProvider.GetRequiredService<TenancyDbContext>();
            // Asked for the other office's rows as well as its own: a loader given a foreign id.
            var one = new List<Guid>();
            foreach (var row in everyOffice) one.AddRange((await loader.ListAsync(db, [row.Id], CancellationToken.None)).Select(e => e.TenantId));
            var many = (await loader.ListAsync(db, [.. everyOffice.Select(e => e.Id)], CancellationToken.None)).Select(e => e.TenantId).ToList();
            var sql = await db.Database.SqlQueryRaw<string>(
                    $"SELECT statement AS \"Value\" FROM pg_prepared_statements WHERE statement LIKE '%{PreparedQueries.Tag}%' AND statement LIKE '%audit_log%' LIMIT 1")
                .SingleAsync();
            seen.Add((office, one, many, sql));
        }

        Assert.Contains(everyOffice, e => e.Tenant == app.Essex.Id);
        Assert.Contains(everyOffice, e => e.Tenant == app.Norfolk.Id);
        Assert.All(seen, s =>
        {
            Assert.Equal(everyOffice.Count(e => e.Tenant == s.Office.Id), s.One.Count);
            Assert.All(s.One, t => Assert.Equal(s.Office.Id, t));
            Assert.Equal(s.One.Count, s.Many.Count);
            Assert.All(s.Many, t => Assert.Equal(s.Office.Id, t));
            // The first defence is in the compiled SQL itself, not left to row-level security.
            Assert.Matches(@"tenant_id = \$\d", s.Sql);
        });
    }

    [Fact]
    public async Task Given_a_tracked_row_of_one_tenant_When_saved_under_another_Then_the_guard_refuses_and_nothing_is_written()
    {
        AuditEntry entry;
        using (var read = app.Services.CreateScope())
        using (read.ServiceProvider.GetRequiredService<ITenantContext>().Enter(app.Essex))
            entry = await read.ServiceProvider.GetRequiredService<TenancyDbContext>().AuditLog.AsNoTracking().FirstAsync();

        using var scope = app.Services.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ITenantContext>().Enter(app.Norfolk);
        var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();
        db.Remove(entry);

        var error = await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync());
        Assert.Contains("another tenant", error.Message);
    }

    [Fact]
    public async Task Given_no_tenant_When_a_tenant_owned_row_is_written_Then_the_guard_refuses()
    {
        AuditEntry entry;
        using (var read = app.Services.CreateScope())
        using (read.ServiceProvider.GetRequiredService<ITenantContext>().Enter(app.Essex))
            entry = await read.ServiceProvider.GetRequiredService<TenancyDbContext>().AuditLog.AsNoTracking().FirstAsync();

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();
        db.Remove(entry);

        var error = await Assert.ThrowsAsync<TenantIsolationException>(() => db.SaveChangesAsync());
        Assert.Contains("outside a tenant", error.Message);
    }

    [Fact]
    public async Task Given_background_work_switching_tenant_Then_the_previous_tenant_is_restored_afterwards()
    {
        var context = app.Services.GetRequiredService<ITenantContext>();

        using (context.Enter(app.Essex))
        {
            using (context.Enter(app.Norfolk))
                Assert.Equal(app.Norfolk, context.Current);
            Assert.Equal(app.Essex, context.Current);
        }
        await Task.Yield();
        Assert.Null(context.Current);
    }

    // The same read as Essex, then as Norfolk, then outside any office, in the one scope (and so on one open connection).
    private async Task<(List<Guid> Essex, List<Guid> Norfolk, List<Guid> None)> EachOfficeThenNoneAsync(IServiceScope scope, Func<Task<List<Guid>>> read)
    {
        var tenants = scope.ServiceProvider.GetRequiredService<ITenantContext>();
        List<Guid> essex, norfolk;
        using (tenants.Enter(app.Essex)) essex = await read();
        using (tenants.Enter(app.Norfolk)) norfolk = await read();
        return (essex, norfolk, await read());
    }
}
