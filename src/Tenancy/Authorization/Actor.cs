using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace RJCloud.Tenancy.Authorization;

/// <summary>Who is acting: a person, a partner system, or nobody (anonymous), as the access token says.</summary>
public sealed record Actor(string? Subject, Guid? TenantId, IReadOnlySet<string> Roles, Guid? PartnerOrganisationId, bool IsSystem)
{
    public static readonly Actor Anonymous = new(null, null, new HashSet<string>(), null, false);

    public bool IsAuthenticated => Subject is not null;

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsInAnyRole(IEnumerable<string> roles) => roles.Any(Roles.Contains);

    /// <summary>Who is acting in the current request, for code that has only the request's services (node resolvers).</summary>
    public static Actor Of(IServiceProvider services) => From(services.GetRequiredService<IHttpContextAccessor>().HttpContext?.User);

    public static Actor From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true) return Anonymous;
        var subject = principal.FindFirst(RJCloudClaims.Subject)?.Value;
        var roles = principal.FindAll(RJCloudClaims.Role).Select(c => c.Value).ToHashSet();
        return new Actor(
            subject,
            Guid.TryParse(principal.FindFirst(RJCloudClaims.Tenant)?.Value, out var tenant) ? tenant : null,
            roles,
            Guid.TryParse(principal.FindFirst(RJCloudClaims.PartnerOrganisation)?.Value, out var org) ? org : null,
            roles.Contains(Authorization.Roles.PartnerSystem));
    }
}
