using System.Net;
using System.Text.Json;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Identity;

/// <summary>An access token opens what its holder may do now: withdrawing access or a role takes effect on the next request.</summary>
public sealed class AccessNowTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private const string Users = "{ users(first: 1) { edges { node { id } } } }";

    private async Task<(GraphQLClient Client, Guid UserId)> SignedInAsync(string office, params string[] roles)
    {
        var email = $"person-{Guid.NewGuid():N}@{office}.test";
        var user = await app.PersonAsync(office, email, roles);
        return (app.GraphQLWith((await new Browser(app).AuthorizationCodeFlowAsync(office, email, IdentityApp.Password)).AccessToken!), user.Id);
    }

    private static string UserId(Guid id) => GlobalId.Encode("User", id);

    [Fact]
    public async Task Given_a_deactivated_person_Then_the_token_they_hold_is_refused_on_their_next_request()
    {
        var (admin, _) = await SignedInAsync("essex", Roles.TenantAdmin);
        var (person, personId) = await SignedInAsync("essex", Roles.TenantAdmin, Roles.Coordinator);
        (await person.PostAsync(Users)).AssertStatus(HttpStatusCode.OK);

        var deactivated = await admin.PostAsync("mutation($input: DeactivateUserInput!) { deactivateUser(input: $input) { userErrors { code } } }",
            new { input = new { userId = UserId(personId) } });
        var after = await person.PostAsync(Users);

        Assert.Empty(deactivated.AssertStatus(HttpStatusCode.OK).Data.GetProperty("deactivateUser").GetProperty("userErrors").EnumerateArray());
        after.AssertStatus(HttpStatusCode.Unauthorized);
        Assert.Equal("ACCESS_WITHDRAWN", after.FirstErrorCode);
    }

    [Fact]
    public async Task Given_a_reactivated_person_Then_they_can_sign_in_and_work_again()
    {
        var (admin, _) = await SignedInAsync("essex", Roles.TenantAdmin);
        var email = $"returning-{Guid.NewGuid():N}@essex.test";
        var person = await app.PersonAsync("essex", email, Roles.Coordinator);
        await admin.PostAsync("mutation($input: DeactivateUserInput!) { deactivateUser(input: $input) { userErrors { code } } }", new { input = new { userId = UserId(person.Id) } });
        var whileDeactivated = await new Browser(app).SignInAsync("essex", email, IdentityApp.Password);

        var reactivated = await admin.PostAsync("mutation($input: ReactivateUserInput!) { reactivateUser(input: $input) { user { active } userErrors { code } } }",
            new { input = new { userId = UserId(person.Id) } });
        var token = await new Browser(app).AuthorizationCodeFlowAsync("essex", email, IdentityApp.Password);

        Assert.NotEqual(HttpStatusCode.Redirect, whileDeactivated.StatusCode);
        Assert.Contains("Your account is not active", await whileDeactivated.Content.ReadAsStringAsync());
        Assert.True(reactivated.AssertStatus(HttpStatusCode.OK).Data.GetProperty("reactivateUser").GetProperty("user").GetProperty("active").GetBoolean());
        (await app.GraphQLWith(token.AccessToken!).PostAsync("{ me { id } }")).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Given_a_role_removed_Then_the_token_issued_with_it_no_longer_opens_its_fields()
    {
        var (admin, _) = await SignedInAsync("essex", Roles.TenantAdmin);
        var (person, personId) = await SignedInAsync("essex", Roles.TenantAdmin, Roles.Coordinator);
        (await person.PostAsync(Users)).AssertStatus(HttpStatusCode.OK);

        await admin.PostAsync("mutation($input: RemoveRoleInput!) { removeRole(input: $input) { userErrors { code } } }",
            new { input = new { userId = UserId(personId), role = Roles.TenantAdmin } });
        var after = await person.PostAsync(Users);
        var me = await person.PostAsync("{ me { roles } }");

        after.AssertStatus(HttpStatusCode.Forbidden);
        Assert.Equal([Roles.Coordinator], me.AssertStatus(HttpStatusCode.OK).Data.GetProperty("me").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Given_a_revoked_partner_client_Then_the_token_it_holds_is_refused_at_once()
    {
        var (admin, _) = await SignedInAsync("norfolk", Roles.TenantAdmin);
        var (client, secret) = await app.PartnerClientAsync("norfolk");
        var partner = app.GraphQLWith((await app.ClientCredentialsAsync("norfolk", client.ClientId, secret)).AccessToken!);
        (await partner.PostAsync("{ tenant(identifier: \"norfolk\") { displayName } }")).AssertStatus(HttpStatusCode.OK);

        await admin.PostAsync("mutation($input: RevokePartnerClientInput!) { revokePartnerClient(input: $input) { userErrors { code } } }",
            new { input = new { partnerClientId = GlobalId.Encode("PartnerClient", client.Id) } });
        var after = await partner.PostAsync("{ tenant(identifier: \"norfolk\") { displayName } }");

        after.AssertStatus(HttpStatusCode.Unauthorized);
        Assert.Equal("ACCESS_WITHDRAWN", after.FirstErrorCode);
    }

    [Fact]
    public async Task Given_admin_changes_Then_each_is_in_the_audit_trail_once_with_the_person_changed()
    {
        var (admin, adminId) = await SignedInAsync("durham", Roles.TenantAdmin);
        var invited = await admin.PostAsync("mutation($input: InviteUserInput!) { inviteUser(input: $input) { user { id } } }",
            new { input = new { email = $"new-{Guid.NewGuid():N}@durham.test", displayName = "New Analyst", roles = new[] { Roles.Analyst } } });
        var newId = invited.AssertStatus(HttpStatusCode.OK).Data.GetProperty("inviteUser").GetProperty("user").GetProperty("id").GetString()!;
        await admin.PostAsync("mutation($input: AssignRoleInput!) { assignRole(input: $input) { userErrors { code } } }",
            new { input = new { userId = newId, role = Roles.Coordinator } });

        var trail = (await admin.PostAsync("{ auditLog(first: 50) { edges { node { operation outcome actor recordIds } } } }"))
            .AssertStatus(HttpStatusCode.OK).Data.GetProperty("auditLog").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();

        var recordId = GlobalId.DecodeFor("User", newId)!.Value.ToString();
        foreach (var operation in new[] { "inviteUser", "assignRole" })
        {
            var entry = Assert.Single(trail, e => e.GetProperty("operation").GetString() == operation);
            Assert.Equal("succeeded", entry.GetProperty("outcome").GetString());
            Assert.Equal(adminId.ToString(), entry.GetProperty("actor").GetString());
            Assert.Equal([recordId], entry.GetProperty("recordIds").EnumerateArray().Select(Text));
        }
        Assert.Contains(trail, e => e.GetProperty("operation").GetString() == "signIn" && e.GetProperty("recordIds").EnumerateArray().Select(Text).Contains(adminId.ToString()));
    }

    [Fact]
    public async Task Given_an_audit_entry_id_Then_the_offices_admin_can_open_it_through_node()
    {
        var (admin, _) = await SignedInAsync("durham", Roles.TenantAdmin);
        var id = (await admin.PostAsync("{ auditLog(first: 1) { edges { node { id operation } } } }"))
            .AssertStatus(HttpStatusCode.OK).Data.GetProperty("auditLog").GetProperty("edges")[0].GetProperty("node");

        var node = await admin.PostAsync("query($id: ID!) { node(id: $id) { ... on AuditEntry { operation } } }", new { id = id.GetProperty("id").GetString() });

        Assert.Equal(id.GetProperty("operation").GetString(), node.AssertStatus(HttpStatusCode.OK).Data.GetProperty("node").GetProperty("operation").GetString());
    }

    private static string? Text(JsonElement element) => element.GetString();
}
