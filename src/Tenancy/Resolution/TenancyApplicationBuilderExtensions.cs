using Microsoft.AspNetCore.Builder;

namespace RJCloud.Tenancy.Resolution;

public static class TenancyApplicationBuilderExtensions
{
    /// <summary>Before authentication: the tenant a request is addressed to (host or /t/{identifier}).</summary>
    public static IApplicationBuilder UseTenantAddressing(this IApplicationBuilder app) =>
        app.UseMiddleware<TenantFromAddressMiddleware>();

    /// <summary>After authentication: the tenant the access token belongs to.</summary>
    public static IApplicationBuilder UseTenantFromToken(this IApplicationBuilder app) =>
        app.UseMiddleware<TenantFromTokenMiddleware>();
}
