using System.Net;
using Microsoft.AspNetCore.Hosting;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Tests.Identity;

public sealed class DemoApp : IdentityApp
{
    protected override string Environment => "Development";

    protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("SeedDemoData", "true");
}

/// <summary>The README's demo sign-ins work on the local default.</summary>
public sealed class DemoSignInTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task Given_the_demo_police_client_Then_it_gets_a_partner_token_for_essex()
    {
        var token = await app.ClientCredentialsAsync("essex", "essex-police-demo", "essex-police-demo-secret");

        Assert.Equal(HttpStatusCode.OK, token.Status);
        Assert.Equal(Roles.PartnerSystem, token.Jwt.GetClaim(RJCloudClaims.Role).Value);
    }

    [Theory]
    [InlineData("norfolk", "coordinator@norfolk.rjcloud.test", Roles.Coordinator)]
    [InlineData("durham", "tenant-admin@durham.rjcloud.test", Roles.TenantAdmin)]
    [InlineData("platform", "operator@platform.rjcloud.test", Roles.PlatformOperator)]
    public async Task Given_a_demo_person_Then_they_sign_in_with_the_demo_password(string office, string email, string role)
    {
        var token = await new Browser(app).AuthorizationCodeFlowAsync(office, email, "Demo-password-2026!");

        Assert.Equal(role, token.Jwt.GetClaim(RJCloudClaims.Role).Value);
    }
}
