using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Persistence;
using RJCloud.Tenancy.Registry;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Isolation;

/// <summary>How an office's status and address decide what its users and the public may do.</summary>
public sealed class TenantBoundaryTests(TenantBoundaryTests.ThreeOfficesApp app) : IClassFixture<TenantBoundaryTests.ThreeOfficesApp>
{
    private const string Rename = """mutation { probeRename(input: {displayName: "New name"}) { displayName userErrors { code message } } }""";

    public sealed class ThreeOfficesApp : ProbeApp, IAsyncLifetime
    {
        public Tenant Active { get; private set; } = null!;

        public Tenant ReadOnly { get; private set; } = null!;

        public Tenant Suspended { get; private set; } = null!;

        async Task IAsyncLifetime.InitializeAsync()
        {
            await InitializeAsync();
            var tenants = await SeedTenantsAsync(3);
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();
            (Active, ReadOnly, Suspended) = (tenants[0], tenants[1], tenants[2]);
            db.AttachRange(ReadOnly, Suspended);
            ReadOnly.ChangeStatus(TenantStatus.ReadOnly, DateTimeOffset.UtcNow);
            Suspended.ChangeStatus(TenantStatus.Suspended, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        public async Task<List<(string Operation, string Outcome)>> AuditOfAsync(Tenant tenant)
        {
            using var scope = Services.CreateScope();
            using var _ = scope.ServiceProvider.GetRequiredService<ITenantContext>().Enter(new CurrentTenant(tenant.Id, tenant.Identifier, tenant.Status));
            return (await scope.ServiceProvider.GetRequiredService<TenancyDbContext>().AuditLog.AsNoTracking()
                .OrderBy(e => e.OccurredAt).Select(e => new { e.Operation, e.Outcome }).ToListAsync())
                .Select(e => (e.Operation, e.Outcome)).ToList();
        }
    }

    [Fact]
    public async Task Given_a_read_only_office_Then_a_mutation_returns_a_user_error_and_changes_nothing()
    {
        var response = await app.GraphQLAs(app.ReadOnly.Id, Roles.Coordinator).PostAsync(Rename);

        response.AssertStatus(HttpStatusCode.OK);
        var payload = response.Data.GetProperty("probeRename");
        Assert.Equal("TENANT_READ_ONLY", payload.GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, payload.GetProperty("displayName").ValueKind);
    }

    [Fact]
    public async Task Given_a_read_only_office_Then_its_users_can_still_read()
    {
        var response = await app.GraphQLAs(app.ReadOnly.Id, Roles.Coordinator).PostAsync("{ probeCoordinatorOnly }");

        response.AssertStatus(HttpStatusCode.OK);
        Assert.Empty(response.Errors);
    }

    [Fact]
    public async Task Given_a_suspended_office_Then_its_users_are_told_it_is_suspended()
    {
        var response = await app.GraphQLAs(app.Suspended.Id, Roles.Coordinator).PostAsync("{ probeCoordinatorOnly }");

        response.AssertStatus(HttpStatusCode.Forbidden);
        Assert.Equal("TENANT_SUSPENDED", response.FirstErrorCode);
        Assert.Contains("suspended", response.FirstErrorMessage);
    }

    [Fact]
    public async Task Given_a_suspended_office_Then_its_public_address_is_suspended_too()
    {
        var response = await app.GraphQL.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/t/{app.Suspended.Identifier}/graphql"));

        response.AssertStatus(HttpStatusCode.Forbidden);
        Assert.Equal("TENANT_SUSPENDED", response.FirstErrorCode);
    }

    [Fact]
    public async Task Given_an_unknown_office_address_Then_the_404_is_the_same_as_for_any_missing_page()
    {
        var client = app.CreateClient();

        using var unknownOffice = await client.GetAsync("/t/no-such-office/report.json");
        using var missingPage = await client.GetAsync("/no/such/report.json");

        Assert.Equal(HttpStatusCode.NotFound, unknownOffice.StatusCode);
        var body = await unknownOffice.Content.ReadAsStringAsync();
        Assert.DoesNotContain("no-such-office", body);
        Assert.Equal(Without(await missingPage.Content.ReadAsStringAsync(), "traceId"), Without(body, "traceId"));
    }

    private static string Without(string json, string property) =>
        System.Text.RegularExpressions.Regex.Replace(json, $"\"{property}\":\"[^\"]*\"", "");

    [Fact]
    public async Task Given_a_token_of_one_office_at_another_offices_address_Then_403()
    {
        var client = app.GraphQLAs(app.Active.Id, Roles.Coordinator);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/t/{app.ReadOnly.Identifier}/graphql")
        {
            Content = new StringContent("""{"query":"{ probeCoordinatorOnly }"}""", System.Text.Encoding.UTF8, "application/json"),
        };

        var response = await client.SendAsync(request);

        response.AssertStatus(HttpStatusCode.Forbidden);
        Assert.Equal("WRONG_TENANT", response.FirstErrorCode);
    }

    [Fact]
    public async Task Given_a_token_at_its_own_offices_address_Then_it_works_there()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/t/{app.Active.Identifier}/graphql")
        {
            Content = new StringContent("""{"query":"{ probeCoordinatorOnly }"}""", System.Text.Encoding.UTF8, "application/json"),
        };

        var response = await app.GraphQLAs(app.Active.Id, Roles.Coordinator).SendAsync(request);

        response.AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Given_mutations_and_refusals_Then_each_is_in_that_offices_audit_trail_only()
    {
        await app.GraphQLAs(app.Active.Id, Roles.Coordinator).PostAsync("""mutation { probeRename(input: {displayName: "Essex"}) { displayName } }""");
        await app.GraphQLAs(app.Active.Id, Roles.Coordinator).PostAsync("""mutation { probeRename(input: {displayName: "E"}) { displayName } }""");
        await app.GraphQLAs(app.Active.Id, Roles.Facilitator).PostAsync("query ListOffices { probeCoordinatorOnly }");

        var trail = await app.AuditOfAsync(app.Active);

        Assert.Contains(("probeRename", "succeeded"), trail);
        Assert.Contains(("probeRename", "failed"), trail);
        Assert.Contains(("refused:ListOffices", "refused"), trail);
        Assert.DoesNotContain(await app.AuditOfAsync(app.ReadOnly), e => e.Operation == "refused:ListOffices");
    }

    [Fact]
    public async Task Given_a_tenant_admin_Then_the_audit_trail_query_shows_their_office_newest_first_and_filters_by_operation()
    {
        await app.GraphQLAs(app.Active.Id, Roles.Coordinator).PostAsync("""mutation { probeRename(input: {displayName: "First"}) { displayName } }""");
        await app.GraphQLAs(app.Active.Id, Roles.Facilitator).PostAsync("query Peek { probeCoordinatorOnly }");
        await app.GraphQLAs(app.ReadOnly.Id, Roles.Facilitator).PostAsync("query Elsewhere { probeCoordinatorOnly }");

        var all = await app.GraphQLAs(app.Active.Id, Roles.TenantAdmin)
            .PostAsync("{ auditLog(first: 100) { edges { node { operation outcome occurredAt actorKind } } } }");
        var renames = await app.GraphQLAs(app.Active.Id, Roles.TenantAdmin)
            .PostAsync("{ auditLog(first: 100, operation: \"probeRename\") { edges { node { operation } } } }");

        var operations = all.Data.GetProperty("auditLog").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node").GetProperty("operation").GetString()).ToList();
        Assert.Contains("refused:Peek", operations);
        Assert.DoesNotContain("refused:Elsewhere", operations);
        Assert.True(operations.IndexOf("refused:Peek") < operations.LastIndexOf("probeRename"), "newest entries come first");
        Assert.All(renames.Data.GetProperty("auditLog").GetProperty("edges").EnumerateArray(),
            e => Assert.Equal("probeRename", e.GetProperty("node").GetProperty("operation").GetString()));
    }

    [Fact]
    public async Task Given_a_coordinator_Then_the_audit_trail_is_not_theirs_to_read()
    {
        var response = await app.GraphQLAs(app.Active.Id, Roles.Coordinator).PostAsync("{ auditLog(first: 5) { edges { node { operation } } } }");

        response.AssertStatus(HttpStatusCode.Forbidden);
    }
}
