using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Isolation.Matrix;

/// <summary>Someone holding a real access token from the token endpoint, and who that token says they are.</summary>
public sealed record Caller(string Name, GraphQLClient Client, Actor Actor)
{
    public static Caller With(string name, string accessToken, Func<string, GraphQLClient> client)
    {
        var claims = new JsonWebToken(accessToken).Claims;
        var actor = Actor.From(new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer", RJCloudClaims.Subject, RJCloudClaims.Role)));
        return new Caller(name, client(accessToken), actor);
    }

    public override string ToString() => Name;
}
