using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Server.AspNetCore;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tests.Billing;

namespace RJCloud.Tests.Identity;

/// <summary>A token accepted once is remembered (ADR 0020), but never past its expiry and never for a token that differs.</summary>
public sealed class ValidatedTokenTests(ValidatedTokenTests.ClockedApp app) : IClassFixture<ValidatedTokenTests.ClockedApp>
{
    private const string Me = "{ me { id } }";

    public sealed class ClockedApp : IdentityApp
    {
        public SettableClock Clock { get; } = new();

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    }

    private async Task<string> TokenAsync()
    {
        var email = $"person-{Guid.NewGuid():N}@essex.test";
        await app.PersonAsync("essex", email, Roles.Coordinator);
        return (await new Browser(app).AuthorizationCodeFlowAsync("essex", email, IdentityApp.Password)).AccessToken!;
    }

    [Fact]
    public async Task Given_a_token_that_was_accepted_Then_it_is_refused_once_it_has_expired()
    {
        var token = await TokenAsync();
        var before = await app.GraphQLWith(token).PostAsync(Me);

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        var after = await app.GraphQLWith(token).PostAsync(Me);

        before.AssertStatus(HttpStatusCode.OK);
        after.AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Given_a_token_that_was_accepted_Then_the_same_token_with_its_signature_altered_is_refused()
    {
        var token = await TokenAsync();
        var last = token[^2] == 'A' ? 'B' : 'A';
        var altered = token[..^2] + last + token[^1];

        var accepted = await app.GraphQLWith(token).PostAsync(Me);
        var refused = await app.GraphQLWith(altered).PostAsync(Me);

        accepted.AssertStatus(HttpStatusCode.OK);
        refused.AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Given_a_GraphQL_request_Then_the_token_server_is_not_asked_to_answer_it_but_is_for_its_own_endpoints()
    {
        var accessor = app.Services.GetRequiredService<IHttpContextAccessor>();
        var schemes = app.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        async Task<List<string>> AskedFor(string path)
        {
            accessor.HttpContext = new DefaultHttpContext { Request = { Path = path } };
            try { return [.. (await schemes.GetRequestHandlerSchemesAsync()).Select(s => s.Name)]; }
            finally { accessor.HttpContext = null; }
        }

        Assert.DoesNotContain(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, await AskedFor("/graphql"));
        Assert.Contains(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, await AskedFor("/connect/token"));
        Assert.Contains(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, await AskedFor("/.well-known/openid-configuration"));
        // And a token is still checked on /graphql, by the default scheme and OpenIddict's validation behind it.
        Assert.Equal(HttpStatusCode.OK, (await app.GraphQLWith(await TokenAsync()).PostAsync(Me)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GraphQLWith("not-a-token").PostAsync(Me)).Status);
    }
}
