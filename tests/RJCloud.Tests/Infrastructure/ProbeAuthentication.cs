using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Tests.Infrastructure;

/// <summary>
/// For the probe tests of GraphQL conventions only: takes the actor from a header, so those tests
/// need no identity server. Sign-in and tokens themselves are tested through the real token endpoint.
/// </summary>
internal sealed class ProbeAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Probe";
    public const string Header = "X-Probe-Actor";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var value)) return Task.FromResult(AuthenticateResult.NoResult());
        var parts = value.ToString().Split('|');
        var principal = Principal(parts[0], parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    /// <summary>A probe actor: a member of <paramref name="tenant"/> with these roles.</summary>
    public static ClaimsPrincipal Principal(string tenant, IEnumerable<string> roles) =>
        new(new ClaimsIdentity(
            [new(RJCloudClaims.Subject, "probe-user"), new(RJCloudClaims.Tenant, tenant), .. roles.Select(r => new Claim(RJCloudClaims.Role, r))],
            SchemeName, RJCloudClaims.Subject, RJCloudClaims.Role));
}

/// <summary>Probe actors are not people or partner systems of the identity store: their header's roles stand as given, in the office as it stands.</summary>
internal sealed class ProbeAccess(RJCloud.Tenancy.Resolution.ITenantDirectory directory) : RJCloud.Tenancy.Resolution.ICurrentAccess
{
    public async Task<RJCloud.Tenancy.Resolution.CurrentAccessAnswer> CheckAsync(ClaimsPrincipal principal, Actor actor, Guid tenantId, CancellationToken cancellationToken) =>
        new(await directory.FindByIdAsync(tenantId, cancellationToken), principal);
}
