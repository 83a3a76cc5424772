using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Persistence;
using RJCloud.Tests.Isolation;

namespace RJCloud.Tests.Platform;

/// <summary>
/// A request's reads through one module share one connection, taken at the first and given back with the context at the
/// end of the request (ConnectionPerLease): a screen of five lists no longer costs PostgreSQL five session resets.
/// </summary>
public sealed class ConnectionPerLeaseTests(RawSqlIsolationTests.TwoTenantApp app) : IClassFixture<RawSqlIsolationTests.TwoTenantApp>
{
    [Fact]
    public async Task Given_one_request_reading_several_times_Then_its_reads_share_one_session_and_each_office_still_sees_only_its_own_rows()
    {
        var sessions = new List<(int Pid, string Probe)>();
        var reads = new List<(List<Guid> Tenants, Guid Office)>();
        using (var request = app.Services.CreateScope())
        {
            var tenants = request.ServiceProvider.GetRequiredService<ITenantContext>();
            var db = request.ServiceProvider.GetRequiredService<TenancyDbContext>();
            // A session setting made by the request's first read, and read back by each later one: it survives only on one session, unreset.
            await db.Database.SqlQueryRaw<string>("SELECT set_config('rjcloud.probe', 'this request', false) AS \"Value\"").SingleAsync();
            foreach (var office in new[] { app.Essex, app.Norfolk, app.Essex })
            {
                using var _ = tenants.Enter(office);
                sessions.Add(await SessionAsync(db));
                reads.Add((await db.AuditLog.Select(e => e.TenantId).Distinct().ToListAsync(), office.Id));
            }
        }
        // The next requests may be given the same connection from Npgsql's pool, but never that session's state.
        var later = new List<(int Pid, string Probe)>();
        for (var i = 0; i < 5; i++)
        {
            using var request = app.Services.CreateScope();
            later.Add(await SessionAsync(request.ServiceProvider.GetRequiredService<TenancyDbContext>()));
        }

        Assert.Single(sessions.Select(s => s.Pid).Distinct());
        Assert.All(sessions, s => Assert.Equal("this request", s.Probe));
        Assert.All(reads, r => Assert.Equal([r.Office], r.Tenants));
        Assert.Contains(later, s => s.Pid == sessions[0].Pid);
        Assert.All(later, s => Assert.Equal("", s.Probe));
    }

    private sealed record Session(int Pid, string Probe);

    private static async Task<(int Pid, string Probe)> SessionAsync(TenancyDbContext db)
    {
        var session = await db.Database.SqlQueryRaw<Session>(
            "SELECT pg_backend_pid() AS \"Pid\", coalesce(current_setting('rjcloud.probe', true), '') AS \"Probe\"").SingleAsync();
        return (session.Pid, session.Probe);
    }

    [Fact]
    public async Task Given_more_requests_one_after_another_than_the_pool_has_connections_Then_each_request_gives_its_connection_back()
    {
        var poolSize = new NpgsqlConnectionStringBuilder(app.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString).MaxPoolSize;
        var answered = 0;
        for (var i = 0; i < poolSize + 20; i++)
        {
            using var request = app.Services.CreateScope();
            using var _ = request.ServiceProvider.GetRequiredService<ITenantContext>().Enter(i % 2 == 0 ? app.Essex : app.Norfolk);
            var db = request.ServiceProvider.GetRequiredService<TenancyDbContext>();
            if (await db.AuditLog.AnyAsync() && await db.AuditLog.AnyAsync()) answered++;
        }

        Assert.Equal(poolSize + 20, answered);
    }
}
