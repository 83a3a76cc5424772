using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using RJCloud.Tenancy.Identity.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RJCloud.Tenancy.Identity.Partners;

/// <summary>
/// Partner clients in both stores at once: OpenIddict's application (which holds the hashed secret)
/// and our tenant-owned link row, in one transaction so that neither exists without the other.
/// Secrets are returned once to the caller and never stored in clear or logged.
/// </summary>
internal sealed class PartnerClientRegistry(IdentityDbContext db, IOpenIddictApplicationManager applications, TimeProvider clock)
{
    public async Task<(PartnerClient Client, string Secret)> RegisterAsync(
        PartnerOrganisation organisation, string displayName, CancellationToken cancellationToken, string? clientId = null, string? secret = null)
    {
        clientId ??= $"partner-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        secret ??= NewSecret();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        }, cancellationToken);
        var client = PartnerClient.Register(organisation, clientId, displayName, clock.GetUtcNow());
        db.PartnerClients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (client, secret);
    }

    /// <summary>A new secret; the old one stops working at once.</summary>
    public async Task<string> RotateSecretAsync(PartnerClient client, CancellationToken cancellationToken)
    {
        var secret = NewSecret();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var application = await applications.FindByClientIdAsync(client.ClientId, cancellationToken)
            ?? throw new InvalidOperationException("The partner client has no OpenIddict application.");
        await applications.UpdateAsync(application, secret, cancellationToken);
        client.SecretRotated(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return secret;
    }

    /// <summary>
    /// Removes the application, so the client can no longer authenticate; the link row stays as a
    /// record. Access tokens already issued live out their (short) lifetime.
    /// </summary>
    public async Task RevokeAsync(PartnerClient client, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await applications.FindByClientIdAsync(client.ClientId, cancellationToken) is { } application)
            await applications.DeleteAsync(application, cancellationToken);
        client.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task<PartnerClient?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.PartnerClients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
