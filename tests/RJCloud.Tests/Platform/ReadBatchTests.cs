using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Audit;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Persistence;
using RJCloud.Tests.Infrastructure;
using RJCloud.Tests.Isolation;

namespace RJCloud.Tests.Platform;

/// <summary>
/// A screen's lists read through EF Core in one round trip (ReadBatch, ADR 0026): a case's timeline, participants,
/// allocations and contacts cost one wait for PostgreSQL, not four one after another, and answer exactly as before.
/// </summary>
public sealed class ReadBatchTests(RawSqlIsolationTests.TwoTenantApp app) : IClassFixture<RawSqlIsolationTests.TwoTenantApp>
{
    private static readonly KeyedQuery<TenancyDbContext, AuditEntry> Oldest = new(c => c.AuditLog.AsNoTracking().OrderBy(e => e.Id), e => e.Id);

    private static readonly KeyedQuery<TenancyDbContext, AuditEntry> Newest = new(c => c.AuditLog.AsNoTracking().OrderByDescending(e => e.Id), e => e.Id);

    [Fact]
    public async Task Given_three_reads_on_one_context_When_read_as_a_batch_Then_each_answers_as_alone_in_one_round_trip()
    {
        var essex = (await IdsAsync()).Where(i => i.Tenant == app.Essex.Id).Select(i => i.Id).ToList();
        using var office = InOffice(app.Essex);
        var db = office.Db;
        var alone = await ReadAllAsync(db, essex, batch: false);

        await ReadAllAsync(db, essex, batch: true); // the first batch on a connection also prepares its statements
        var (batched, roundTrips) = await NpgsqlRoundTrips.CountAsync(() => ReadAllAsync(db, essex, batch: true));

        Assert.Equal(3, alone.Count);
        Assert.All(alone, list => Assert.NotEmpty(list));
        Assert.Equal(alone, batched);
        Assert.Equal(1, roundTrips);
    }

    [Fact]
    public async Task Given_a_batch_for_one_office_asking_for_another_offices_rows_Then_it_gets_only_its_own()
    {
        var ids = await IdsAsync();
        using var office = InOffice(app.Norfolk);
        var db = office.Db;

        // Norfolk's first, so that the read of the first id alone is one Norfolk may see.
        var read = await ReadAllAsync(db, [.. ids.OrderBy(i => i.Tenant != app.Norfolk.Id).Select(i => i.Id)], batch: true);
        var essexOnly = await ReadAllAsync(db, [.. ids.Where(i => i.Tenant == app.Essex.Id).Select(i => i.Id)], batch: true);

        Assert.All(read, list => Assert.NotEmpty(list));
        Assert.All(read.SelectMany(list => list), id => Assert.Equal(app.Norfolk.Id, ids.Single(i => i.Id == id).Tenant));
        Assert.All(essexOnly, Assert.Empty);
    }

    [Fact]
    public async Task Given_a_read_of_two_queries_When_read_as_a_batch_Then_the_reads_run_one_by_one_and_still_answer()
    {
        var essex = (await IdsAsync()).Where(i => i.Tenant == app.Essex.Id).Select(i => i.Id).ToList();
        using var office = InOffice(app.Essex);
        var db = office.Db;
        var (first, second) = (new List<Guid>(), new List<Guid>());

        await ReadBatch.RunAsync(db,
        [
            async ct => first = Kept((await Oldest.ListAsync(db, essex, ct)).Concat(await Newest.ListAsync(db, essex, ct)).Select(e => e.Id).ToList(), first),
            async ct => second = Kept((await Newest.ListAsync(db, [essex[0]], ct)).Select(e => e.Id).ToList(), second),
        ], CancellationToken.None);

        Assert.Equal([.. essex.Order(), .. essex.OrderDescending()], first);
        Assert.Equal([essex[0]], second);
    }

    [Fact]
    public async Task Given_a_read_whose_second_query_depends_on_its_first_When_read_as_a_batch_Then_it_answers_from_the_rows_it_asked_for()
    {
        var essex = (await IdsAsync()).Where(i => i.Tenant == app.Essex.Id).Select(i => i.Id).ToList();
        using var office = InOffice(app.Essex);
        var db = office.Db;
        var dependent = new List<Guid>();

        // Two commands for two reads all told, so the batch goes ahead; recorded, the first query has no rows and the
        // second is asked for no keys. The same SQL with other keys must not be answered with the recorded keys' rows.
        await ReadBatch.RunAsync(db,
        [
            async ct =>
            {
                var oldest = await Oldest.ListAsync(db, essex, ct);
                dependent = Kept((await Newest.ListAsync(db, [.. oldest.Take(2).Select(e => e.Id)], ct)).Select(e => e.Id).ToList(), dependent);
            },
            _ => Task.CompletedTask,
        ], CancellationToken.None);

        Assert.Equal(essex.Order().Take(2).OrderDescending(), dependent);
    }

    /// <summary>A request's scope with <paramref name="tenant"/> entered, and its tenancy context.</summary>
    private Office InOffice(CurrentTenant tenant)
    {
        var scope = app.Services.CreateScope();
        return new Office(scope, scope.ServiceProvider.GetRequiredService<ITenantContext>().Enter(tenant), scope.ServiceProvider.GetRequiredService<TenancyDbContext>());
    }

    private sealed record Office(IServiceScope Scope, IDisposable Entered, TenancyDbContext Db) : IDisposable
    {
        public void Dispose()
        {
            Entered.Dispose();
            Scope.Dispose();
        }
    }

    // What a read keeps: nothing while it is being recorded, as the loaders do.
    private static List<Guid> Kept(List<Guid> read, List<Guid> before) => ReadBatch.Recording ? before : read;

    private async Task<List<List<Guid>>> ReadAllAsync(TenancyDbContext db, IReadOnlyList<Guid> ids, bool batch)
    {
        var lists = new List<Guid>[3];
        Func<CancellationToken, Task>[] reads =
        [
            async ct => lists[0] = Kept((await Oldest.ListAsync(db, ids, ct)).Select(e => e.Id).ToList(), lists[0]),
            async ct => lists[1] = Kept((await Oldest.ListAsync(db, [.. ids.Take(1)], ct)).Select(e => e.Id).ToList(), lists[1]),
            async ct => lists[2] = Kept((await Newest.ListAsync(db, ids, ct)).Select(e => e.Id).ToList(), lists[2]),
        ];
        if (batch) await ReadBatch.RunAsync(db, reads, CancellationToken.None);
        else foreach (var read in reads) await read(CancellationToken.None);
        return [.. lists];
    }

    private async Task<List<(Guid Id, Guid Tenant)>> IdsAsync()
    {
        var ids = new List<(Guid, Guid)>();
        await using var superuser = await TestDatabaseServer.OpenAsSuperuserAsync(app.DatabaseName);
        await using var command = new Npgsql.NpgsqlCommand("SELECT id, tenant_id FROM tenancy.audit_log WHERE operation = 'probe'", superuser);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add((reader.GetGuid(0), reader.GetGuid(1)));
        return ids;
    }
}
