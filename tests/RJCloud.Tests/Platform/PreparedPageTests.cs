using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Audit;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Persistence;
using RJCloud.Tests.Isolation;

namespace RJCloud.Tests.Platform;

/// <summary>
/// Every list screen is a Relay page. Read again and again, a page must cost PostgreSQL one plan per connection rather
/// than one per request (ADR 0021): that is most of what the database spends on the coordinator's inbox under load.
/// </summary>
public sealed class PreparedPageTests(RawSqlIsolationTests.TwoTenantApp app) : IClassFixture<RawSqlIsolationTests.TwoTenantApp>
{
    internal sealed record PreparedStatement(string Statement, long GenericPlans, long CustomPlans);

    /// <summary>
    /// A page read eight times on one connection in <paramref name="office"/> (PostgreSQL plans a prepared statement afresh
    /// for its first five runs, then keeps a generic plan if it is no dearer): the rows of each read, and the list pages then
    /// prepared on that connection (the statements marked prepared that have a LIMIT).
    /// </summary>
    internal static async Task<(List<int> Rows, List<PreparedStatement> Statements)> ReadAgainAndAgainAsync(
        RawSqlIsolationTests.TwoTenantApp app, CurrentTenant office, Func<TenancyDbContext, Task<int>> read)
    {
        using var scope = app.Services.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ITenantContext>().Enter(office);
        var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();
        await db.Database.OpenConnectionAsync();
        var rows = new List<int>();
        for (var i = 0; i < 8; i++) rows.Add(await read(db));
        var statements = await db.Database.SqlQueryRaw<PreparedStatement>(
                $"SELECT statement AS \"Statement\", generic_plans AS \"GenericPlans\", custom_plans AS \"CustomPlans\" FROM pg_prepared_statements WHERE statement LIKE '%{PreparedQueries.Tag}%' AND statement LIKE '%LIMIT%'")
            .ToListAsync();
        return (rows, statements);
    }

    [Fact]
    public async Task Given_a_list_page_read_again_and_again_on_one_connection_Then_its_page_size_is_in_the_SQL_and_PostgreSQL_reuses_one_plan()
    {
        var (pages, statements) = await ReadAgainAndAgainAsync(app, app.Essex,
            async db => (await db.AuditLog.ToConnectionAsync(e => e.Id, new PageRequest(2, null, null, null), CancellationToken.None)).Edges!.Count);

        Assert.All(pages, count => Assert.Equal(2, count));
        var page = Assert.Single(statements);
        Assert.Contains("LIMIT 3", page.Statement); // the page and one more row, to learn whether another page follows
        Assert.True(page.GenericPlans >= 1, $"PostgreSQL planned every run afresh: {page.CustomPlans} custom plans, no generic plan.");
    }

    [Fact]
    public async Task Given_a_batch_loader_asked_for_one_record_again_and_again_Then_PostgreSQL_reuses_one_plan_and_a_batch_of_several_still_answers_each()
    {
        using var scope = app.Services.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ITenantContext>().Enter(app.Essex);
        var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();
        var ids = await db.AuditLog.OrderBy(e => e.Id).Select(e => e.Id).Take(2).ToListAsync();

        var loader = new KeyedQuery<TenancyDbContext, AuditEntry>(c => c.AuditLog.AsNoTracking(), e => e.Id);

        var ones = new List<int>();
        for (var i = 0; i < 8; i++)
            ones.Add((await loader.ListAsync(db, [ids[i % 2]], CancellationToken.None)).Count);
        var both = (await loader.ListAsync(db, ids, CancellationToken.None)).Select(e => e.Id).ToList();
        var single = await db.Database.SqlQueryRaw<PreparedStatement>(
                $"SELECT statement AS \"Statement\", generic_plans AS \"GenericPlans\", custom_plans AS \"CustomPlans\" FROM pg_prepared_statements WHERE statement LIKE '%{PreparedQueries.Tag}%' AND statement NOT LIKE '%ANY%' AND statement NOT LIKE '%LIMIT%'")
            .ToListAsync();

        Assert.All(ones, count => Assert.Equal(1, count));
        Assert.Equal(ids.Order(), both.Order());
        var statement = Assert.Single(single);
        Assert.True(statement.GenericPlans >= 1, $"PostgreSQL planned every run afresh: {statement.CustomPlans} custom plans, no generic plan.");
    }
}
