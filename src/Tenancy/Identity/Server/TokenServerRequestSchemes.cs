using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OpenIddict.Server.AspNetCore;
using RJCloud.Shared.GraphQL;

namespace RJCloud.Tenancy.Identity.Server;

/// <summary>
/// The authentication schemes that may answer a request outright, without the token server's on /graphql. ASP.NET Core
/// asks every such scheme on every request whether the request is its own, and the token server answers by running its
/// request pipeline: measured at 3.5% of the service's CPU on the referral inbox under load (ADR 0023). The token server
/// never serves /graphql (its endpoints are /connect/… and /.well-known/…), so for that path it is not asked. Bearer
/// tokens are still validated by the default scheme, which hands anything it has not seen to OpenIddict's validation.
/// </summary>
internal sealed class TokenServerRequestSchemes(IOptions<AuthenticationOptions> options, IHttpContextAccessor http)
    : AuthenticationSchemeProvider(options)
{
    public override async Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync()
    {
        var schemes = await base.GetRequestHandlerSchemesAsync();
        return http.HttpContext?.Request.Path.StartsWithSegments(GraphQLPath.Value, StringComparison.OrdinalIgnoreCase) == true
            ? schemes.Where(s => s.Name != OpenIddictServerAspNetCoreDefaults.AuthenticationScheme).ToList()
            : schemes;
    }
}
