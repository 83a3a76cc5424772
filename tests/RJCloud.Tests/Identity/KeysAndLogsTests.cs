using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tests.Infrastructure;
using Serilog.Core;

namespace RJCloud.Tests.Identity;

public sealed class LoggedIdentityApp : IdentityApp
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("Serilog:MinimumLevel:Default", "Information");

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILogEventSink>(Logs);
}

/// <summary>Keys live in PostgreSQL, so replicas and restarts agree; credentials never reach the logs.</summary>
public sealed class KeysAndLogsTests(LoggedIdentityApp app) : IClassFixture<LoggedIdentityApp>
{
    /// <summary>A second instance of the service on the same database: another replica, or the same one after a restart.</summary>
    private sealed class Replica(IdentityApp first) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:MigrationConnectionString", first.MigrationConnectionString);
            builder.UseSetting("Database:ServiceConnectionString", first.ServiceConnectionString);
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        }
    }

    [Fact]
    public async Task Given_two_instances_on_one_database_Then_each_accepts_the_others_tokens_and_sign_in_cookies()
    {
        var (client, secret) = await app.PartnerClientAsync("essex");
        await using var replica = new Replica(app);

        var fromReplica = await TokenResponse.ReadAsync(await replica.CreateClient().PostAsync("/t/essex/connect/token", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = secret })));
        var fromFirst = await app.ClientCredentialsAsync("essex", client.ClientId, secret);

        // Only a validated token's tenant claim can make the other office's address refuse it.
        await app.OfficeAsync("norfolk");
        var atFirst = await app.PostAtAsync("norfolk", fromReplica.AccessToken!, "{ me { id } }");
        var replicaHttp = replica.CreateClient();
        replicaHttp.DefaultRequestHeaders.Authorization = new("Bearer", fromFirst.AccessToken);
        var atReplica = await new GraphQLClient(replicaHttp).SendAsync(new HttpRequestMessage(HttpMethod.Post, "/t/norfolk/graphql")
        {
            Content = new StringContent("{\"query\":\"{ me { id } }\"}", System.Text.Encoding.UTF8, "application/json"),
        });

        Assert.Equal(fromFirst.Jwt.Kid, fromReplica.Jwt.Kid);
        Assert.Equal("WRONG_TENANT", atFirst.AssertStatus(HttpStatusCode.Forbidden).FirstErrorCode);
        Assert.Equal("WRONG_TENANT", atReplica.AssertStatus(HttpStatusCode.Forbidden).FirstErrorCode);
        Assert.Equal(client.ClientId, fromReplica.Jwt.Subject);
    }

    [Fact]
    public async Task Given_sign_ins_invitations_and_client_secrets_Then_no_log_line_contains_a_password_secret_or_address()
    {
        var (client, secret) = await app.PartnerClientAsync("essex");
        await app.ClientCredentialsAsync("essex", client.ClientId, secret);
        await app.ClientCredentialsAsync("essex", client.ClientId, "wrong-secret-xyz");
        await app.PersonAsync("essex", "private.person@essex.test", Roles.TenantAdmin);
        var token = await new Browser(app).AuthorizationCodeFlowAsync("essex", "private.person@essex.test", IdentityApp.Password);
        await new Browser(app).SignInAsync("essex", "private.person@essex.test", "a wrong password given");
        var invite = await app.GraphQLWith(token.AccessToken!).PostAsync(
            "mutation($input: InviteUserInput!) { inviteUser(input: $input) { invitationLink } }",
            new { input = new { email = "invited.person@essex.test", displayName = "Invited Person", roles = new[] { Roles.Analyst } } });
        var link = invite.Data.GetProperty("inviteUser").GetProperty("invitationLink").GetString()!;
        await app.CreateClient().GetAsync(new Uri(link).PathAndQuery);

        Assert.True(await app.Logs.ArrivesAsync(line => line.Contains("/accept-invitation")));
        var invitationToken = Uri.UnescapeDataString(link[(link.IndexOf("token=") + 6)..]);
        string[] secrets = [secret, "wrong-secret-xyz", IdentityApp.Password, "a wrong password given", "private.person", "invited.person", invitationToken, token.AccessToken!];
        foreach (var line in app.Logs.Lines)
            Assert.DoesNotContain(secrets, s => line.Contains(s));
    }
}
