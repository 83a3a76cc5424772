using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Registry;

namespace RJCloud.Tenancy.Resolution;

/// <summary>
/// For requests addressed to a tenant (https://essex.{base}/... or /t/essex/...): the sign-in page,
/// the token endpoint, the public referral form. Runs before authentication, so the OAuth endpoints
/// see the path without the prefix. An unknown identifier is a plain 404, no hint of which exist.
/// </summary>
internal sealed class TenantFromAddressMiddleware(RequestDelegate next, IOptions<TenancyOptions> options, ITenantContext tenants)
{
    public const string AddressedTenantKey = "rjcloud:addressed-tenant";

    public async Task InvokeAsync(HttpContext http, ITenantDirectory directory)
    {
        var identifier = FromPath(http) ?? FromHost(http.Request.Host.Host);
        if (identifier is null)
        {
            await next(http);
            return;
        }

        var tenant = await directory.FindByIdentifierAsync(identifier, http.RequestAborted);
        if (tenant is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (tenant.Status == TenantStatus.Suspended)
        {
            await TenantRefusal.WriteAsync(http, StatusCodes.Status403Forbidden, "TENANT_SUSPENDED",
                "This office's RJCloud service is suspended. Contact the office for help.");
            return;
        }

        http.Items[AddressedTenantKey] = tenant;
        using (tenants.Enter(tenant)) await next(http);
    }

    private static string? FromPath(HttpContext http)
    {
        var segments = http.Request.Path.Value?.Split('/', 4, StringSplitOptions.None);
        if (segments is not { Length: >= 3 } || segments[0] != "" || segments[1] != "t" || segments[2].Length == 0) return null;
        var identifier = segments[2];
        http.Request.PathBase = http.Request.PathBase.Add($"/t/{identifier}");
        http.Request.Path = segments.Length == 4 ? "/" + segments[3] : "/";
        return identifier;
    }

    private string? FromHost(string host)
    {
        var baseDomain = options.Value.BaseDomain;
        if (string.IsNullOrEmpty(baseDomain) || !host.EndsWith("." + baseDomain, StringComparison.OrdinalIgnoreCase)) return null;
        var subdomain = host[..^(baseDomain.Length + 1)];
        return subdomain.Contains('.') ? null : subdomain.ToLowerInvariant();
    }
}
