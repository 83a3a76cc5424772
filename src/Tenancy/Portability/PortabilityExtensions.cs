using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace RJCloud.Tenancy.Portability;

/// <summary>Tenant export and import (ADR 0016, docs/tenant-export.md).</summary>
public static class PortabilityExtensions
{
    public const string ExportPath = "/tenant-export";
    public const string ImportPath = "/tenant-import";

    public static IServiceCollection AddTenantPortability(this IServiceCollection services) => services
        .AddScoped<TenantExporter>()
        .AddScoped<TenantImporter>()
        .AddScoped<ImportedPeople>();

    public static IEndpointRouteBuilder MapTenantPortability(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExportPath, ExportEndpoint.HandleAsync);
        endpoints.MapPost(ImportPath, ImportEndpoint.HandleAsync).DisableAntiforgery();
        return endpoints;
    }
}
