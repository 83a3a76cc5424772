using System.Net;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Audit;

/// <summary>
/// The audit trail's writer and the service's reads lose their connections to the database between two requests. A class
/// of its own, with its own database: the cut leaves broken connections in the pool for whichever request comes next.
/// </summary>
public sealed class AuditTrailConnectionTests(SensitiveReadTests.CaseFileApp app) : IClassFixture<SensitiveReadTests.CaseFileApp>
{
    // The trail's writer keeps a connection of its own (ADR 0028). Cut under it, as by a database restart or a network
    // device, it may cost a read or two a 503, never a read shown unrecorded, and the service reads and records again by itself.
    [Fact]
    public async Task Given_the_connections_were_cut_between_reads_Then_no_read_is_shown_unrecorded_and_reading_resumes_without_a_restart()
    {
        var office = await app.OfficeAsync();
        var coordinator = app.GraphQLAs(office.Id, Roles.Coordinator);
        var query = "query CaseFiles @purpose(reason: CASE_WORK) { probeCaseFiles { identifier } }";
        (await coordinator.PostAsync(query)).AssertStatus(HttpStatusCode.OK);

        Assert.NotEqual(0, await CutServiceConnectionsAsync());
        var answers = new List<GraphQLResponse>();
        do answers.Add(await coordinator.PostAsync(query));
        while (answers[^1].Status != HttpStatusCode.OK && answers.Count < 10);

        answers[^1].AssertStatus(HttpStatusCode.OK);
        Assert.All(answers[..^1], refused =>
        {
            refused.AssertStatus(HttpStatusCode.ServiceUnavailable);
            Assert.Contains(refused.FirstErrorCode, new[] { "DATABASE_UNAVAILABLE", "AUDIT_UNAVAILABLE" });
            Assert.DoesNotContain("probeCaseFiles", refused.Body);
        });
        Assert.Equal(2, await ReadsRecordedAsync(office.Id));
        (await coordinator.PostAsync(query)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(3, await ReadsRecordedAsync(office.Id));
    }

    // Ends every server process serving this database but the caller's, as a restart would; returns how many. The others
    // are chosen first: PostgreSQL may run a WHERE clause's cheaper-looking function first, and end its own caller.
    private Task<long> CutServiceConnectionsAsync() => TestDatabaseServer.ScalarAsSuperuserAsync(app.DatabaseName, """
        SELECT count(pg_terminate_backend(pid))
        FROM (SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()) others
        """);

    // Counted as the superuser over a connection of its own: the service's pool may still hold connections the cut broke.
    private Task<long> ReadsRecordedAsync(Guid office) => TestDatabaseServer.ScalarAsSuperuserAsync(app.DatabaseName,
        "SELECT count(*) FROM tenancy.audit_log WHERE tenant_id = @office AND operation = 'read:ProbeCaseFile'", ("office", office));
}
