using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RJCloud.Tenancy.Identity.Server;

namespace RJCloud.Tenancy.Identity.People;

/// <summary>Invitation links: how an invited person, who has no password yet, chooses one.</summary>
internal sealed class Invitations(UserManager<User> users, IOptions<TokenServerSettings> settings)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(3);

    /// <summary>NCSC guidance: length over complexity rules.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>The link is shown once to the admin who invited; it is never stored or logged.</summary>
    public async Task<string> LinkAsync(User user, string tenantIdentifier)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var issuer = settings.Value.Issuer.TrimEnd('/');
        return $"{issuer}/t/{tenantIdentifier}/accept-invitation?user={user.Id}&token={Uri.EscapeDataString(token)}";
    }
}
