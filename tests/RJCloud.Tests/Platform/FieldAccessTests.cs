using System.Net;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Platform;

/// <summary>Who may use a field is decided before anything runs, and a field that does not say is closed.</summary>
public sealed class FieldAccessTests(PagingAndNodeFixture app) : IClassFixture<PagingAndNodeFixture>
{
    private Guid Tenant => app.Tenants[0].Id;

    [Fact]
    public async Task Given_no_sign_in_Then_a_role_restricted_field_answers_401_and_runs_no_sql()
    {
        var response = await app.GraphQL.PostAsync("{ probeCoordinatorOnly }");

        response.AssertStatus(HttpStatusCode.Unauthorized);
        Assert.Equal("UNAUTHENTICATED", response.FirstErrorCode);
        Assert.Equal(0, response.SqlCommands);
    }

    [Fact]
    public async Task Given_a_member_without_the_role_Then_the_field_answers_403_and_runs_no_sql()
    {
        var response = await app.GraphQLAs(Tenant, Roles.Facilitator).PostAsync("{ probeCoordinatorOnly }");

        response.AssertStatus(HttpStatusCode.Forbidden);
        Assert.Equal("FORBIDDEN", response.FirstErrorCode);
        Assert.Contains("probeCoordinatorOnly", response.FirstErrorMessage);
        Assert.Equal(0, response.SqlCommands);
    }

    [Fact]
    public async Task Given_a_member_with_one_of_the_roles_Then_the_field_answers()
    {
        var response = await app.GraphQLAs(Tenant, Roles.Facilitator, Roles.ServiceManager).PostAsync("{ probeCoordinatorOnly }");

        response.AssertStatus(HttpStatusCode.OK);
        Assert.Empty(response.Errors);
    }

    [Fact]
    public async Task Given_a_document_a_coordinator_has_already_run_Then_someone_without_the_role_is_still_refused()
    {
        const string query = "{ runBefore: probeCoordinatorOnly }";
        (await app.GraphQLAs(Tenant, Roles.Coordinator).PostAsync(query)).AssertStatus(HttpStatusCode.OK);

        var facilitator = await app.GraphQLAs(Tenant, Roles.Facilitator).PostAsync(query);
        facilitator.AssertStatus(HttpStatusCode.Forbidden);
        Assert.Equal("FORBIDDEN", facilitator.FirstErrorCode);
        Assert.Equal(0, facilitator.SqlCommands);

        var nobody = await app.GraphQL.PostAsync(query);
        nobody.AssertStatus(HttpStatusCode.Unauthorized);
        Assert.Equal(0, nobody.SqlCommands);
    }

    [Fact]
    public async Task Given_a_root_field_that_declares_no_access_Then_nobody_can_use_it()
    {
        var response = await app.GraphQLAs(Tenant, [.. Roles.TenantRoles]).PostAsync("{ probeUndeclared }");

        response.AssertStatus(HttpStatusCode.Forbidden);
        Assert.DoesNotContain("nobody should see this", response.Body);
    }

    [Fact]
    public async Task Given_a_token_for_a_tenant_that_does_not_exist_Then_401()
    {
        var response = await app.GraphQLAs(Guid.NewGuid(), Roles.Coordinator).PostAsync("{ probeCoordinatorOnly }");

        response.AssertStatus(HttpStatusCode.Unauthorized);
    }
}
