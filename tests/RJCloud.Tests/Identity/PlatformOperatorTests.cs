using System.Net;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Tests.Identity;

/// <summary>Platform operators, users of the platform realm, create offices and change their status.</summary>
public sealed class PlatformOperatorTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private const string Create = """
        mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id identifier status } firstAdminInvitationLink userErrors { code field } } }
        """;

    private async Task<Infrastructure.GraphQLClient> OperatorAsync()
    {
        var email = $"operator-{Guid.NewGuid():N}@platform.test";
        await app.PersonAsync("platform", email, Roles.PlatformOperator);
        return app.GraphQLWith((await new Browser(app).AuthorizationCodeFlowAsync("platform", email, IdentityApp.Password)).AccessToken!);
    }

    [Fact]
    public async Task Given_a_new_office_Then_it_exists_with_a_first_admin_invitation_and_a_second_with_the_same_identifier_is_refused()
    {
        var platform = await OperatorAsync();
        var input = new { identifier = "kent", displayName = "Kent PCC", officeType = "PCC", firstAdmin = new { email = "admin@kent.test", displayName = "Kent Admin" } };

        var created = (await platform.PostAsync(Create, new { input })).AssertStatus(HttpStatusCode.OK).Data.GetProperty("createTenant");
        var again = (await platform.PostAsync(Create, new { input })).Data.GetProperty("createTenant");

        Assert.Equal("kent", created.GetProperty("tenant").GetProperty("identifier").GetString());
        Assert.Contains("/t/kent/accept-invitation?", created.GetProperty("firstAdminInvitationLink").GetString());
        Assert.Equal("DUPLICATE_IDENTIFIER", again.GetProperty("userErrors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Given_a_suspended_office_Then_its_people_are_refused()
    {
        var platform = await OperatorAsync();
        var created = (await platform.PostAsync(Create, new { input = new { identifier = "suffolk", displayName = "Suffolk PCC", officeType = "PCC",
            firstAdmin = new { email = "admin@suffolk.test", displayName = "Suffolk Admin" } } })).Data.GetProperty("createTenant");

        var changed = (await platform.PostAsync("mutation($input: ChangeTenantStatusInput!) { changeTenantStatus(input: $input) { tenant { status } userErrors { code } } }",
            new { input = new { tenantId = created.GetProperty("tenant").GetProperty("id").GetString(), status = "SUSPENDED" } })).Data.GetProperty("changeTenantStatus");
        var signIn = await app.CreateClient().GetAsync("/t/suffolk/sign-in");

        Assert.Equal("SUSPENDED", changed.GetProperty("tenant").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
    }
}
