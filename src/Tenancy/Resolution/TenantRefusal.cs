using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace RJCloud.Tenancy.Resolution;

/// <summary>Refusals at the tenant boundary, in the same error shape GraphQL clients already read.</summary>
internal static class TenantRefusal
{
    public static Task WriteAsync(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new { errors = new[] { new { message, extensions = new { code } } } }));
    }
}
