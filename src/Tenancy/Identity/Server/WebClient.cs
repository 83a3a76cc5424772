using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
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

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = Describe(settings.Value);
        try
        {
            if (await applications.FindByClientIdAsync(ClientId, cancellationToken) is { } existing)
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            else
                await applications.CreateAsync(descriptor, cancellationToken);
        }
        catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or OpenIddictExceptions.ConcurrencyException)
        {
            // Another replica registered or updated it at the same moment, from the same settings.
        }
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
