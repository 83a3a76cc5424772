using Microsoft.AspNetCore.Identity;
using RJCloud.Tenancy.Identity.People;

namespace RJCloud.Tenancy.Identity.SignIn;

internal enum SignInOutcome
{
    SignedIn,
    Failed,
    LockedOut,
    Deactivated,
}

/// <summary>
/// Checks an e-mail and password in the addressed office, counting failures: five in a row lock
/// the account for fifteen minutes. An unknown address costs the same password hashing as a known
/// one, so timing does not tell which addresses exist.
/// </summary>
internal sealed class PasswordCheck(UserManager<User> users, IPasswordHasher<User> hasher)
{
    private static readonly User Nobody = User.Invite(Guid.Empty, "nobody@invalid", "nobody", null, DateTimeOffset.UnixEpoch);
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<User>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    public async Task<(SignInOutcome Outcome, User? User)> CheckAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || !user.HasAcceptedInvitation)
        {
            hasher.VerifyHashedPassword(Nobody, DecoyHash.Value, password);
            return (SignInOutcome.Failed, user);
        }
        if (await users.IsLockedOutAsync(user)) return (SignInOutcome.LockedOut, user);
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return (await users.IsLockedOutAsync(user) ? SignInOutcome.LockedOut : SignInOutcome.Failed, user);
        }
        await users.ResetAccessFailedCountAsync(user);
        return (user.IsActive ? SignInOutcome.SignedIn : SignInOutcome.Deactivated, user);
    }
}
