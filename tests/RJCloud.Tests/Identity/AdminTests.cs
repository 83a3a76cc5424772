using System.Net;
using System.Text.Json;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Identity;

/// <summary>Tenant admins invite people, change roles and access, and manage partner clients through /graphql.</summary>
public sealed class AdminTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private const string Invite = """
        mutation($input: InviteUserInput!) { inviteUser(input: $input) { user { id email roles } invitationLink userErrors { code field } } }
        """;

    private const string Reissue = """
        mutation($input: ReissueInvitationInput!) { reissueInvitation(input: $input) { user { id } invitationLink userErrors { code field } } }
        """;

    private async Task<GraphQLClient> AdminAsync(string office)
    {
        var email = $"admin-{Guid.NewGuid():N}@{office}.test";
        await app.PersonAsync(office, email, Roles.TenantAdmin);
        return app.GraphQLWith((await new Browser(app).AuthorizationCodeFlowAsync(office, email, IdentityApp.Password)).AccessToken!);
    }

    private static JsonElement Payload(GraphQLResponse response, string field) =>
        response.AssertStatus(HttpStatusCode.OK).Data.GetProperty(field);

    private static string? FirstErrorCode(JsonElement payload) =>
        payload.GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).FirstOrDefault();

    [Fact]
    public async Task Given_an_invitation_Then_the_person_chooses_a_password_once_and_signs_in()
    {
        var admin = await AdminAsync("essex");
        var invited = Payload(await admin.PostAsync(Invite, new { input = new { email = "new.coordinator@essex.test", displayName = "New Coordinator", roles = new[] { Roles.Coordinator } } }), "inviteUser");
        var link = invited.GetProperty("invitationLink").GetString()!;

        var accepted = await AcceptAsync(link, "a long enough passphrase");
        var again = await AcceptAsync(link, "a long enough passphrase");
        var token = await new Browser(app).AuthorizationCodeFlowAsync("essex", "new.coordinator@essex.test", "a long enough passphrase");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(Roles.Coordinator, token.Jwt.GetClaim(RJCloudClaims.Role).Value);
    }

    [Fact]
    public async Task Given_a_person_who_has_not_chosen_a_password_When_the_admin_reissues_the_invitation_Then_the_new_link_lets_them_in_once()
    {
        var admin = await AdminAsync("essex");
        var invited = Payload(await admin.PostAsync(Invite, new { input = new { email = "late.starter@essex.test", displayName = "Late Starter", roles = new[] { Roles.Analyst } } }), "inviteUser");
        var userId = invited.GetProperty("user").GetProperty("id").GetString()!;
        var signedUp = GlobalId.Encode("User", (await app.PersonAsync("essex", "already.in@essex.test", Roles.Analyst)).Id);

        var reissued = Payload(await admin.PostAsync(Reissue, new { input = new { userId } }), "reissueInvitation");
        var accepted = await AcceptAsync(reissued.GetProperty("invitationLink").GetString()!, "a long enough passphrase");
        var afterwards = Payload(await admin.PostAsync(Reissue, new { input = new { userId } }), "reissueInvitation");
        var forSignedUp = Payload(await admin.PostAsync(Reissue, new { input = new { userId = signedUp } }), "reissueInvitation");
        var token = await new Browser(app).AuthorizationCodeFlowAsync("essex", "late.starter@essex.test", "a long enough passphrase");

        Assert.Equal(userId, reissued.GetProperty("user").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(Roles.Analyst, token.Jwt.GetClaim(RJCloudClaims.Role).Value);
        Assert.Equal("ALREADY_SIGNED_UP", FirstErrorCode(afterwards));
        Assert.Equal(JsonValueKind.Null, afterwards.GetProperty("invitationLink").ValueKind);
        Assert.Equal("ALREADY_SIGNED_UP", FirstErrorCode(forSignedUp));
    }

    [Fact]
    public async Task Given_a_deactivated_person_Then_no_invitation_is_reissued_to_them()
    {
        var admin = await AdminAsync("essex");
        var invited = Payload(await admin.PostAsync(Invite, new { input = new { email = "gone.before@essex.test", displayName = "Gone Before", roles = new[] { Roles.Analyst } } }), "inviteUser");
        var userId = invited.GetProperty("user").GetProperty("id").GetString()!;
        await admin.PostAsync("mutation($input: DeactivateUserInput!) { deactivateUser(input: $input) { userErrors { code } } }", new { input = new { userId } });

        var reissued = Payload(await admin.PostAsync(Reissue, new { input = new { userId } }), "reissueInvitation");

        Assert.Equal("DEACTIVATED", FirstErrorCode(reissued));
        Assert.Equal(JsonValueKind.Null, reissued.GetProperty("invitationLink").ValueKind);
    }

    private async Task<HttpResponseMessage> AcceptAsync(string invitationLink, string password)
    {
        var browser = new Browser(app);
        var page = await (await browser.Http.GetAsync(new Uri(invitationLink).PathAndQuery)).Content.ReadAsStringAsync();
        return await browser.Http.PostAsync("/t/essex/accept-invitation", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browser.Hidden(page, "__RequestVerificationToken"),
            ["user"] = Browser.Hidden(page, "user"),
            ["token"] = WebUtility.HtmlDecode(Browser.Hidden(page, "token")),
            ["password"] = password,
            ["confirmPassword"] = password,
        }));
    }

    [Fact]
    public async Task Given_a_short_or_repetitive_password_Then_the_invitation_is_not_accepted()
    {
        var admin = await AdminAsync("essex");
        var link = new Uri(Payload(await admin.PostAsync(Invite, new { input = new { email = "weak@essex.test", displayName = "Weak", roles = new[] { Roles.Analyst } } }), "inviteUser")
            .GetProperty("invitationLink").GetString()!);
        var browser = new Browser(app);
        var page = await (await browser.Http.GetAsync(link.PathAndQuery)).Content.ReadAsStringAsync();

        foreach (var password in new[] { "short", "aaaaaaaaaaaaaaaa" })
        {
            var answer = await browser.Http.PostAsync("/t/essex/accept-invitation", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Browser.Hidden(page, "__RequestVerificationToken"), ["user"] = Browser.Hidden(page, "user"),
                ["token"] = WebUtility.HtmlDecode(Browser.Hidden(page, "token")), ["password"] = password, ["confirmPassword"] = password,
            }));
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        }
    }

    [Fact]
    public async Task Given_an_address_already_in_the_office_Then_invite_user_reports_a_duplicate_on_the_email_field()
    {
        var admin = await AdminAsync("essex");
        var input = new { email = "twice@essex.test", displayName = "Twice", roles = new[] { Roles.Analyst } };
        await admin.PostAsync(Invite, new { input });

        var second = Payload(await admin.PostAsync(Invite, new { input }), "inviteUser");

        Assert.Equal("DUPLICATE_EMAIL", FirstErrorCode(second));
        Assert.Equal(["input", "email"], second.GetProperty("userErrors")[0].GetProperty("field").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task Given_the_same_address_in_another_office_Then_both_offices_can_invite_it()
    {
        var essex = await AdminAsync("essex");
        var norfolk = await AdminAsync("norfolk");
        var input = new { email = "shared@example.test", displayName = "Shared", roles = new[] { Roles.Analyst } };

        Assert.Null(FirstErrorCode(Payload(await essex.PostAsync(Invite, new { input }), "inviteUser")));
        Assert.Null(FirstErrorCode(Payload(await norfolk.PostAsync(Invite, new { input }), "inviteUser")));
    }

    [Fact]
    public async Task Given_an_unknown_role_Then_invite_and_assign_report_it()
    {
        var admin = await AdminAsync("essex");
        var user = await app.PersonAsync("essex", "someone@essex.test", Roles.Analyst);

        var invite = Payload(await admin.PostAsync(Invite, new { input = new { email = "x@essex.test", displayName = "X", roles = new[] { "overlord" } } }), "inviteUser");
        var assign = Payload(await admin.PostAsync("mutation($input: AssignRoleInput!) { assignRole(input: $input) { userErrors { code } } }",
            new { input = new { userId = GlobalId.Encode("User", user.Id), role = Roles.PlatformOperator } }), "assignRole");

        Assert.Equal("UNKNOWN_ROLE", FirstErrorCode(invite));
        Assert.Equal("UNKNOWN_ROLE", FirstErrorCode(assign));
    }

    [Fact]
    public async Task Given_the_last_tenant_admin_Then_their_role_cannot_be_removed_nor_they_deactivated()
    {
        await app.OfficeAsync("durham");
        var admin = await app.PersonAsync("durham", "only.admin@durham.test", Roles.TenantAdmin);
        var client = app.GraphQLWith((await new Browser(app).AuthorizationCodeFlowAsync("durham", "only.admin@durham.test", IdentityApp.Password)).AccessToken!);
        var userId = GlobalId.Encode("User", admin.Id);

        var remove = Payload(await client.PostAsync("mutation($input: RemoveRoleInput!) { removeRole(input: $input) { userErrors { code } } }",
            new { input = new { userId, role = Roles.TenantAdmin } }), "removeRole");
        var deactivate = Payload(await client.PostAsync("mutation($input: DeactivateUserInput!) { deactivateUser(input: $input) { userErrors { code } } }",
            new { input = new { userId } }), "deactivateUser");

        Assert.Equal("LAST_TENANT_ADMIN", FirstErrorCode(remove));
        Assert.Equal("LAST_TENANT_ADMIN", FirstErrorCode(deactivate));
    }

    [Fact]
    public async Task Given_a_user_id_of_another_office_Then_it_is_not_found_like_one_that_does_not_exist()
    {
        var admin = await AdminAsync("essex");
        var foreigner = await app.PersonAsync("norfolk", "foreign@norfolk.test", Roles.Coordinator);

        var foreign = Payload(await admin.PostAsync("mutation($input: DeactivateUserInput!) { deactivateUser(input: $input) { userErrors { code } } }",
            new { input = new { userId = GlobalId.Encode("User", foreigner.Id) } }), "deactivateUser");
        var missing = Payload(await admin.PostAsync("mutation($input: DeactivateUserInput!) { deactivateUser(input: $input) { userErrors { code } } }",
            new { input = new { userId = GlobalId.Encode("User", Guid.NewGuid()) } }), "deactivateUser");
        var node = await admin.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = GlobalId.Encode("User", foreigner.Id) });

        Assert.Equal("NOT_FOUND", FirstErrorCode(foreign));
        Assert.Equal("NOT_FOUND", FirstErrorCode(missing));
        Assert.Equal(JsonValueKind.Null, node.Data.GetProperty("node").ValueKind);
    }

    [Fact]
    public async Task Given_a_registered_partner_client_Then_rotation_and_revocation_stop_the_old_credentials()
    {
        var admin = await AdminAsync("essex");
        var organisation = Payload(await admin.PostAsync(
            "mutation($input: RegisterPartnerOrganisationInput!) { registerPartnerOrganisation(input: $input) { partnerOrganisation { id } userErrors { code } } }",
            new { input = new { name = "Essex Police", kind = "POLICE" } }), "registerPartnerOrganisation").GetProperty("partnerOrganisation").GetProperty("id").GetString();
        var registered = Payload(await admin.PostAsync(
            "mutation($input: RegisterPartnerClientInput!) { registerPartnerClient(input: $input) { partnerClient { id clientId } clientSecret userErrors { code } } }",
            new { input = new { partnerOrganisationId = organisation, displayName = "Athena referrals" } }), "registerPartnerClient");
        var id = registered.GetProperty("partnerClient").GetProperty("id").GetString();
        var clientId = registered.GetProperty("partnerClient").GetProperty("clientId").GetString()!;
        var firstSecret = registered.GetProperty("clientSecret").GetString()!;

        Assert.NotNull((await app.ClientCredentialsAsync("essex", clientId, firstSecret)).AccessToken);

        var secondSecret = Payload(await admin.PostAsync(
            "mutation($input: RotatePartnerClientSecretInput!) { rotatePartnerClientSecret(input: $input) { clientSecret } }",
            new { input = new { partnerClientId = id } }), "rotatePartnerClientSecret").GetProperty("clientSecret").GetString()!;
        Assert.Null((await app.ClientCredentialsAsync("essex", clientId, firstSecret)).AccessToken);
        Assert.NotNull((await app.ClientCredentialsAsync("essex", clientId, secondSecret)).AccessToken);

        await admin.PostAsync("mutation($input: RevokePartnerClientInput!) { revokePartnerClient(input: $input) { userErrors { code } } }",
            new { input = new { partnerClientId = id } });
        Assert.Null((await app.ClientCredentialsAsync("essex", clientId, secondSecret)).AccessToken);
    }

    [Fact]
    public async Task Given_a_signed_in_person_Then_me_shows_their_name_roles_and_office()
    {
        await app.PersonAsync("essex", "me@essex.test", Roles.Facilitator, Roles.Analyst);
        var client = app.GraphQLWith((await new Browser(app).AuthorizationCodeFlowAsync("essex", "me@essex.test", IdentityApp.Password)).AccessToken!);

        var me = Payload(await client.PostAsync("{ me { displayName roles } }"), "me");

        Assert.Equal("Test Person", me.GetProperty("displayName").GetString());
        Assert.Equal([Roles.Analyst, Roles.Facilitator], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Given_a_coordinator_or_a_partner_system_Then_admin_mutations_are_refused_before_anything_runs()
    {
        await app.PersonAsync("essex", "not.admin@essex.test", Roles.Coordinator);
        var coordinator = app.GraphQLWith((await new Browser(app).AuthorizationCodeFlowAsync("essex", "not.admin@essex.test", IdentityApp.Password)).AccessToken!);
        var (client, secret) = await app.PartnerClientAsync("essex");
        var partner = app.GraphQLWith((await app.ClientCredentialsAsync("essex", client.ClientId, secret)).AccessToken!);
        var input = new { email = "sneaky@essex.test", displayName = "Sneaky", roles = new[] { Roles.TenantAdmin } };

        var byCoordinator = await coordinator.PostAsync(Invite, new { input });
        var byPartner = await partner.PostAsync(Invite, new { input });

        Assert.Equal(HttpStatusCode.Forbidden, byCoordinator.Status);
        Assert.Equal(HttpStatusCode.Forbidden, byPartner.Status);
        Assert.Equal(0, byCoordinator.SqlCommands);
    }
}
