using Microsoft.IdentityModel.JsonWebTokens;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Identity.Partners;
using RJCloud.Tenancy.Identity.People;
using RJCloud.Tenancy.Identity.Persistence;
using RJCloud.Tenancy.Persistence;
using RJCloud.Tenancy.Registry;
using RJCloud.Tenancy.Resolution;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Identity;

/// <summary>The service with helpers that set up offices, people and partner clients directly, as an operator would.</summary>
public class IdentityApp : RJCloudApp
{
    public const string Password = "correct horse battery";

    public async Task<CurrentTenant> OfficeAsync(string identifier)
    {
        using var scope = Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<ITenantDirectory>();
        if (await directory.FindByIdentifierAsync(identifier, default) is { } existing) return existing;
        var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();
        db.Tenants.Add(Tenant.Create(identifier, $"Office {identifier}", OfficeType.Pcc, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return (await directory.FindByIdentifierAsync(identifier, default))!;
    }

    internal async Task<T> InOfficeAsync<T>(string identifier, Func<IServiceProvider, Task<T>> work)
    {
        var tenant = await OfficeAsync(identifier);
        using var scope = Services.CreateScope();
        using (scope.ServiceProvider.GetRequiredService<ITenantContext>().Enter(tenant))
            return await work(scope.ServiceProvider);
    }

    /// <summary>A person who has accepted their invitation and holds these roles.</summary>
    internal Task<User> PersonAsync(string office, string email, params string[] roles) => InOfficeAsync(office, async services =>
    {
        var tenant = services.GetRequiredService<ITenantContext>().Current!;
        var users = services.GetRequiredService<UserManager<User>>();
        var user = User.Invite(tenant.Id, email, "Test Person", null, DateTimeOffset.UtcNow);
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddPasswordAsync(user, Password)).Succeeded);
        var db = services.GetRequiredService<IdentityDbContext>();
        foreach (var role in roles) db.RoleAssignments.Add(RoleAssignment.Give(user, role, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return user;
    });

    internal Task<(PartnerClient Client, string Secret)> PartnerClientAsync(string office) => InOfficeAsync(office, async services =>
    {
        var tenant = services.GetRequiredService<ITenantContext>().Current!;
        var db = services.GetRequiredService<IdentityDbContext>();
        var organisation = PartnerOrganisation.Register(tenant.Id, $"Police {Guid.NewGuid():N}", PartnerOrganisationKind.Police, DateTimeOffset.UtcNow);
        db.PartnerOrganisations.Add(organisation);
        await db.SaveChangesAsync();
        return await services.GetRequiredService<PartnerClientRegistry>().RegisterAsync(organisation, "Case system", default);
    });

    public async Task<TokenResponse> ClientCredentialsAsync(string office, string clientId, string secret)
    {
        using var response = await CreateClient().PostAsync($"/t/{office}/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        return await TokenResponse.ReadAsync(response);
    }

    public GraphQLClient GraphQLWith(string accessToken)
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return new GraphQLClient(http);
    }

    /// <summary>A GraphQL request sent to an office's address, /t/{office}/graphql.</summary>
    public Task<GraphQLResponse> PostAtAsync(string office, string accessToken, string query) =>
        GraphQLWith(accessToken).SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/t/{office}/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), System.Text.Encoding.UTF8, "application/json"),
        });
}

public sealed record TokenResponse(System.Net.HttpStatusCode Status, JsonElement Json)
{
    public string? AccessToken => Json.TryGetProperty("access_token", out var t) ? t.GetString() : null;

    public string? RefreshToken => Json.TryGetProperty("refresh_token", out var t) ? t.GetString() : null;

    public string? Error => Json.TryGetProperty("error", out var e) ? e.GetString() : null;

    public JsonWebToken Jwt => new(AccessToken);

    public static async Task<TokenResponse> ReadAsync(HttpResponseMessage response) =>
        new(response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
}
