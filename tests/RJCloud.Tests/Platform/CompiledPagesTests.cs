using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Audit;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Persistence;
using RJCloud.Tests.Isolation;

namespace RJCloud.Tests.Platform;

/// <summary>
/// The inbox and a partner's list are compiled page queries (ADR 0027): compiled once for the process, run on pooled
/// contexts by every office in turn. A page must still be the office's own rows, the same page (rows, cursors, whether
/// more follow) that the ordinary LINQ query gives, and one prepared plan.
/// </summary>
public sealed class CompiledPagesTests(RawSqlIsolationTests.TwoTenantApp app) : IClassFixture<RawSqlIsolationTests.TwoTenantApp>
{
    private const string Walked = "page-walk";

    private static readonly PageOrder<AuditEntry, AuditEntry> NewestFirst = PageOrder<AuditEntry, AuditEntry>.ByKey(e => e.Id, e => e.Id, newestFirst: true);

    private static readonly CompiledPages<TenancyDbContext, string, AuditEntry, AuditEntry> Compiled =
        new((db, operation) => db.AuditLog.AsNoTracking().Where(e => e.Operation == operation), e => e, NewestFirst);

    private static readonly CompiledPages<TenancyDbContext, string, AuditEntry, AuditEntry> Ordinary =
        new((db, operation) => db.AuditLog.AsNoTracking().Where(e => e.Operation == operation), e => e, NewestFirst, mayCompile: () => false);

    [Fact]
    public async Task Given_offices_taking_turns_to_walk_a_compiled_list_forwards_and_back_Then_each_sees_only_its_own_rows_page_for_page_as_the_ordinary_query_gives()
    {
        await RecordAsync(app.Essex, Walked, 5);
        await RecordAsync(app.Essex, "something-else", 2);
        await RecordAsync(app.Norfolk, Walked, 4);

        foreach (var office in new[] { app.Essex, app.Norfolk, app.Essex })
        {
            var own = await OwnAsync(office);
            var compiled = await WalkAsync(office, Compiled);
            var ordinary = await WalkAsync(office, Ordinary);

            Assert.Equal(own, compiled.Forwards);
            Assert.Equal(own, compiled.Backwards);
            Assert.Equal(ordinary, compiled);
        }
    }

    [Fact]
    public async Task Given_a_compiled_page_read_again_and_again_on_one_connection_Then_its_page_size_is_in_the_SQL_its_filter_a_parameter_and_PostgreSQL_reuses_one_plan()
    {
        await RecordAsync(app.Norfolk, "planned", 3);
        var (pages, statements) = await PreparedPageTests.ReadAgainAndAgainAsync(app, app.Norfolk,
            async db => (await Compiled.ToConnectionAsync(db, "planned", new PageRequest(2, null, null, null), CancellationToken.None)).Edges!.Count);

        Assert.All(pages, count => Assert.Equal(2, count));
        // The connection may hold the other test's pages too (those past a cursor, or of another size).
        var page = Assert.Single(statements, s => s.Statement.Contains("LIMIT 3") && !s.Statement.Contains(" < ") && !s.Statement.Contains(" > "));
        Assert.Contains("LIMIT 3", page.Statement);
        Assert.DoesNotContain("'planned'", page.Statement); // the filter's value is a parameter: one statement for every value
        Assert.Contains("tenant_id", page.Statement);
        Assert.True(page.GenericPlans >= 1, "PostgreSQL planned every run afresh.");
    }

    private sealed record Walk(List<Guid> Forwards, List<Guid> Backwards, List<string?> Cursors)
    {
        public bool Equals(Walk? other) =>
            other is not null && Forwards.SequenceEqual(other.Forwards) && Backwards.SequenceEqual(other.Backwards) && Cursors.SequenceEqual(other.Cursors);

        public override int GetHashCode() => Forwards.Count;
    }

    // Every page of two, from the first forwards, then from the last backwards; the office's rows in list order both times.
    private async Task<Walk> WalkAsync(CurrentTenant office, CompiledPages<TenancyDbContext, string, AuditEntry, AuditEntry> pages)
    {
        var (forwards, backwards, cursors) = (new List<Guid>(), new List<Guid>(), new List<string?>());
        string? after = null;
        string? last = null;
        do
        {
            var page = await PageAsync(office, pages, new PageRequest(2, after, null, null));
            forwards.AddRange(page.Edges!.Select(e => e.Node!.Id));
            cursors.AddRange(page.Edges!.Select(e => e.Cursor));
            last = page.PageInfo!.EndCursor ?? last;
            after = page.PageInfo.HasNextPage ? page.PageInfo.EndCursor : null;
        } while (after is not null);

        var backFrom = await PageAsync(office, pages, new PageRequest(null, null, 1, null));
        backwards.AddRange(backFrom.Edges!.Select(e => e.Node!.Id));
        var before = backFrom.PageInfo!.StartCursor;
        while (before is not null)
        {
            var page = await PageAsync(office, pages, new PageRequest(null, null, 2, before));
            backwards.InsertRange(0, page.Edges!.Select(e => e.Node!.Id));
            before = page.PageInfo!.HasPreviousPage ? page.PageInfo.StartCursor : null;
        }
        Assert.Equal(last, backFrom.PageInfo.EndCursor);
        return new(forwards, backwards, cursors);
    }

    private async Task<GraphQL.Types.Relay.DataObjects.Connection<AuditEntry>> PageAsync(CurrentTenant office,
        CompiledPages<TenancyDbContext, string, AuditEntry, AuditEntry> pages, PageRequest page)
    {
        using var scope = app.Services.CreateScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ITenantContext>().Enter(office);
        return await pages.ToConnectionAsync(scope.ServiceProvider.GetRequiredService<TenancyDbContext>(), Walked, page, CancellationToken.None);
    }

    // The office's walked entries, newest first, read by hand.
    private async Task<List<Guid>> OwnAsync(CurrentTenant office)
    {
        await using var connection = await app.OpenAsServiceAsync(office);
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT id FROM tenancy.audit_log WHERE tenant_id = $1 AND operation = $2 ORDER BY id DESC", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = office.Id });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = Walked });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        return ids;
    }

    private async Task RecordAsync(CurrentTenant office, string operation, int count)
    {
        for (var i = 0; i < count; i++) await app.RecordAsync(office, new AuditEvent(operation, AuditEvent.Succeeded, [Guid.NewGuid()]));
    }
}
