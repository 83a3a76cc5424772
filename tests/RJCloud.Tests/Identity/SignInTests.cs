using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Identity.SignIn;

namespace RJCloud.Tests.Identity;

/// <summary>People sign in at their office's address with the authorization code flow and PKCE.</summary>
public sealed class SignInTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    [Fact]
    public async Task Given_the_right_password_Then_the_web_app_gets_tokens_with_ids_and_roles_but_no_name_or_email()
    {
        var essex = await app.OfficeAsync("essex");
        var user = await app.PersonAsync("essex", "coordinator@essex.test", Roles.Coordinator);

        var token = await new Browser(app).AuthorizationCodeFlowAsync("essex", "coordinator@essex.test", IdentityApp.Password);

        Assert.Equal(HttpStatusCode.OK, token.Status);
        Assert.Equal(user.Id.ToString(), token.Jwt.Subject);
        Assert.Equal(essex.Id.ToString(), token.Jwt.GetClaim(RJCloudClaims.Tenant).Value);
        Assert.Equal(Roles.Coordinator, token.Jwt.GetClaim(RJCloudClaims.Role).Value);
        Assert.DoesNotContain(token.Jwt.Claims, c => c.Type is "email" or "name" || c.Value.Contains("@essex.test"));
        Assert.NotNull(token.RefreshToken);
        Assert.True(token.Json.TryGetProperty("id_token", out _));
    }

    [Fact]
    public async Task Given_a_refresh_token_Then_a_new_access_token_is_issued()
    {
        await app.PersonAsync("essex", "refresher@essex.test", Roles.Analyst);
        var browser = new Browser(app);
        var first = await browser.AuthorizationCodeFlowAsync("essex", "refresher@essex.test", IdentityApp.Password);

        var refreshed = await browser.RefreshAsync("essex", first.RefreshToken!);

        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.Equal(first.Jwt.Subject, refreshed.Jwt.Subject);
    }

    [Fact]
    public async Task Given_a_person_of_another_office_Then_they_are_not_found_at_this_address()
    {
        await app.OfficeAsync("essex");
        await app.PersonAsync("norfolk", "someone@norfolk.test", Roles.Coordinator);

        var answer = await new Browser(app).SignInAsync("essex", "someone@norfolk.test", IdentityApp.Password);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(SignInPage.Refused), await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Given_five_wrong_passwords_Then_even_the_right_one_is_refused_with_the_same_message()
    {
        await app.PersonAsync("essex", "forgetful@essex.test", Roles.Facilitator);
        var browser = new Browser(app);
        for (var attempt = 0; attempt < 5; attempt++)
            Assert.Equal(HttpStatusCode.BadRequest, (await browser.SignInAsync("essex", "forgetful@essex.test", "wrong password " + attempt)).StatusCode);

        var answer = await browser.SignInAsync("essex", "forgetful@essex.test", IdentityApp.Password);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("locked after 5 failed attempts", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Given_a_deactivated_person_Then_they_cannot_sign_in_nor_refresh()
    {
        var user = await app.PersonAsync("essex", "leaver@essex.test", Roles.Coordinator);
        var browser = new Browser(app);
        var tokens = await browser.AuthorizationCodeFlowAsync("essex", "leaver@essex.test", IdentityApp.Password);

        await app.InOfficeAsync("essex", async services =>
        {
            var db = services.GetRequiredService<Tenancy.Identity.Persistence.IdentityDbContext>();
            (await db.Users.SingleAsync(u => u.Id == user.Id)).Deactivate(DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        Assert.Equal("invalid_grant", (await browser.RefreshAsync("essex", tokens.RefreshToken!)).Error);
        var again = await new Browser(app).SignInAsync("essex", "leaver@essex.test", IdentityApp.Password);
        Assert.Contains("not active", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Given_a_token_used_at_another_offices_address_Then_it_is_refused_with_403()
    {
        await app.OfficeAsync("norfolk");
        await app.PersonAsync("essex", "traveller@essex.test", Roles.Coordinator);
        var token = await new Browser(app).AuthorizationCodeFlowAsync("essex", "traveller@essex.test", IdentityApp.Password);

        var response = await app.PostAtAsync("norfolk", token.AccessToken!, "{ tenant(identifier: \"essex\") { displayName } }");

        response.AssertStatus(HttpStatusCode.Forbidden);
        Assert.Equal("WRONG_TENANT", response.FirstErrorCode);
    }
}
