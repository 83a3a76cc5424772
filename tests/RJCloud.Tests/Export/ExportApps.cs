using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Identity.People;
using RJCloud.Tests.Identity;

namespace RJCloud.Tests.Export;

/// <summary>The seeded demo offices (essex, norfolk, durham), where archives are made.</summary>
public sealed class ExportSourceApp : PortableApp
{
    protected override string Environment => "Development";

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting("SeedDemoData", "true");
    }
}

/// <summary>Another service on another, fresh database: where archives are imported.</summary>
public sealed class ExportTargetApp : PortableApp;

/// <summary>The service with the export and import endpoints called as operators and admins would.</summary>
public abstract class PortableApp : IdentityApp
{
    public const string DemoPassword = "Demo-password-2026!";

    // The round trip reads every field a few levels deep, far beyond any client's query; the complexity limit is tested on its own.
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Identity:AccessTokenMinutes", "240");
        builder.UseSetting("GraphQL:MaxComplexity", "1000000");
        // Only the test's own passes deliver the outbox (EssexWork): a background pass holding the rows (SKIP LOCKED) let one
        // return early under load, before the closed case's evaluation requests existed.
        builder.UseSetting("Outbox:PollSeconds", "3600");
    }

    public async Task<string> TokenAsync(string office, string email, string password = DemoPassword) =>
        (await new Browser(this).AuthorizationCodeFlowAsync(office, email, password)).AccessToken!;

    /// <summary>A platform operator of this service (the demo one where seeded, a new one elsewhere).</summary>
    public async Task<string> OperatorTokenAsync()
    {
        var email = $"operator-{Guid.NewGuid():N}@platform.test";
        await PersonAsync("platform", email, Roles.PlatformOperator);
        return await TokenAsync("platform", email, Password);
    }

    public async Task<HttpResponseMessage> ExportAsync(string accessToken, string path = "/tenant-export")
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await http.GetAsync(path);
    }

    public async Task<byte[]> ExportBytesAsync(string accessToken, string path)
    {
        using var response = await ExportAsync(accessToken, path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    public async Task<ImportAnswer> ImportAsync(string accessToken, string office, byte[] archive)
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var content = new ByteArrayContent(archive);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var response = await http.PostAsync($"/tenant-import?office={office}", content);
        return new ImportAnswer(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>What an imported person does with their invitation link: chooses a password.</summary>
    internal Task ChoosePasswordAsync(string office, string email, string password = DemoPassword) => InOfficeAsync(office, async services =>
    {
        var users = services.GetRequiredService<UserManager<User>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"{email} is not in {office}.");
        Assert.True((await users.AddPasswordAsync(user, password)).Succeeded);
        return true;
    });
}

public sealed record ImportAnswer(HttpStatusCode Status, string Body)
{
    public string? Code => System.Text.Json.JsonDocument.Parse(Body).RootElement.TryGetProperty("errors", out var errors)
        ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;
}
