using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using RJCloud.Tenancy.Identity.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RJCloud.Tenancy.Identity.Server;

/// <summary>
/// The web app is one public client for every office: it signs people in with the authorization
/// code flow and PKCE at /t/{tenant}/connect/authorize. Registered at start-up (after migrations)
/// in every environment, and brought up to date with the configured redirect addresses.
/// </summary>
internal sealed class WebClient(IServiceScopeFactory scopes, IOptions<TokenServerSettings> settings) : IHostedService
{
    public const string ClientId = "rjcloud-web";
    private const long RegistrationLock = 0x524A576562; // "RJWeb"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = Describe(settings.Value);
        // Replicas starting together take turns: otherwise both may look it up, find nothing and create it (the second
        // refused by OpenIddict's own uniqueness check), or update it over each other (a concurrency error); either ends start-up.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({RegistrationLock})", cancellationToken);
        if (await applications.FindByClientIdAsync(ClientId, cancellationToken) is { } existing)
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        else
            await applications.CreateAsync(descriptor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static OpenIddictApplicationDescriptor Describe(TokenServerSettings settings)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "RJCloud web app",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email, Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in settings.WebRedirectUris) descriptor.RedirectUris.Add(new Uri(uri));
        foreach (var uri in settings.WebPostLogoutRedirectUris) descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        return descriptor;
    }
}
