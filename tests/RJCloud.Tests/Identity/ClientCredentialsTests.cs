using System.Net;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Identity;

/// <summary>Partner systems sign in with client credentials at their own office's address, and only there.</summary>
public sealed class ClientCredentialsTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task Given_a_partner_client_Then_it_gets_a_signed_token_naming_its_office_organisation_and_role()
    {
        var essex = await app.OfficeAsync("essex");
        var (client, secret) = await app.PartnerClientAsync("essex");

        var token = await app.ClientCredentialsAsync("essex", client.ClientId, secret);

        Assert.Equal(HttpStatusCode.OK, token.Status);
        var jwt = token.Jwt;
        Assert.Equal("RS256", jwt.Alg);
        Assert.Equal(client.ClientId, jwt.Subject);
        Assert.Equal(essex.Id.ToString(), Assert.Single(jwt.Claims, c => c.Type == RJCloudClaims.Tenant).Value);
        Assert.Equal(Roles.PartnerSystem, Assert.Single(jwt.Claims, c => c.Type == RJCloudClaims.Role).Value);
        Assert.Equal(client.PartnerOrganisationId.ToString(), Assert.Single(jwt.Claims, c => c.Type == RJCloudClaims.PartnerOrganisation).Value);
        Assert.Equal(client.ClientId, Assert.Single(jwt.Claims, c => c.Type == RJCloudClaims.ClientId).Value);
    }

    [Fact]
    public async Task Given_a_partner_system_Then_it_cannot_read_the_offices_partner_clients_or_agencies_by_id()
    {
        var (client, secret) = await app.PartnerClientAsync("essex");
        var partner = app.GraphQLWith((await app.ClientCredentialsAsync("essex", client.ClientId, secret)).AccessToken!);

        var clientNode = await partner.PostAsync("query($id: ID!) { node(id: $id) { ... on PartnerClient { clientId displayName } } }",
            new { id = RJCloud.Shared.GraphQL.Relay.GlobalId.Encode("PartnerClient", client.Id) });
        var agencyNode = await partner.PostAsync("query($id: ID!) { node(id: $id) { ... on PartnerOrganisation { name } } }",
            new { id = RJCloud.Shared.GraphQL.Relay.GlobalId.Encode("PartnerOrganisation", client.PartnerOrganisationId) });

        clientNode.AssertStatus(HttpStatusCode.Forbidden);
        agencyNode.AssertStatus(HttpStatusCode.Forbidden);
        Assert.DoesNotContain(client.ClientId, clientNode.Body);
    }

    [Fact]
    public async Task Given_a_wrong_secret_Then_no_token_is_issued()
    {
        var (client, _) = await app.PartnerClientAsync("essex");

        var token = await app.ClientCredentialsAsync("essex", client.ClientId, "not-the-secret");

        Assert.Null(token.AccessToken);
        Assert.Equal("invalid_client", token.Error);
    }

    [Fact]
    public async Task Given_another_offices_address_Then_the_client_is_refused()
    {
        await app.OfficeAsync("norfolk");
        var (client, secret) = await app.PartnerClientAsync("essex");

        var token = await app.ClientCredentialsAsync("norfolk", client.ClientId, secret);

        Assert.Null(token.AccessToken);
        Assert.Equal("invalid_client", token.Error);
    }

    [Fact]
    public async Task Given_no_office_in_the_address_Then_the_client_is_refused()
    {
        var (client, secret) = await app.PartnerClientAsync("essex");

        using var response = await app.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = secret,
        }));

        Assert.Null((await TokenResponse.ReadAsync(response)).AccessToken);
    }
}
