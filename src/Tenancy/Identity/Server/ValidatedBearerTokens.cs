using System.Buffers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace RJCloud.Tenancy.Identity.Server;

/// <summary>
/// The default authentication scheme: a bearer token that OpenIddict has already validated in this process is not
/// validated again (its signature check was about 5% of the service's CPU under load, ADR 0020). The answer is kept
/// under a hash of the token until the token's own expiry and no longer, so it accepts exactly what OpenIddict would:
/// tokens are self-contained JWTs and the signing keys do not change within a process. Everything that can change
/// (a person's roles, suspension, a partner client's revocation) is checked against the database on every request
/// anyway (CurrentAccess). Anything else (no token, a token OpenIddict refuses, challenges) goes to OpenIddict.
/// </summary>
internal sealed class ValidatedBearerTokens(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ValidatedBearerTokens.Cache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "RJCloud.Bearer";
    private const string Prefix = "Bearer ";

    public static void Configure(AuthenticationSchemeOptions options)
    {
        options.ForwardChallenge = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
        options.ForwardForbid = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length == Prefix.Length)
            return await Context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);

        var key = Cache.KeyOf(header.AsSpan(Prefix.Length).Trim());
        var now = TimeProvider.GetUtcNow();
        if (cache.Find(key, now) is { } known)
            return AuthenticateResult.Success(new AuthenticationTicket(known.Principal.Clone(), Name));

        var result = await Context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (result is { Succeeded: true, Principal: { } principal } && principal.GetExpirationDate() is { } expires && expires > now)
            cache.Keep(key, principal.Clone(), expires);
        return result;
    }

    /// <summary>Bounded: at most <see cref="Limit"/> tokens, each gone at its expiry; a full cache keeps no more until it is compacted.</summary>
    internal sealed class Cache : IDisposable
    {
        public const int Limit = 10_000;
        private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = Limit });

        public static string KeyOf(ReadOnlySpan<char> token)
        {
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(token.Length));
            try
            {
                SHA256.HashData(buffer.AsSpan(0, Encoding.UTF8.GetBytes(token, buffer)), hash);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            return Convert.ToBase64String(hash);
        }

        public Known? Find(string key, DateTimeOffset now) =>
            entries.TryGetValue(key, out Known? known) && known!.Expires > now ? known : null;

        public void Keep(string key, ClaimsPrincipal principal, DateTimeOffset expires) =>
            entries.Set(key, new Known(principal, expires), new MemoryCacheEntryOptions { AbsoluteExpiration = expires, Size = 1 });

        public void Dispose() => entries.Dispose();

        internal sealed record Known(ClaimsPrincipal Principal, DateTimeOffset Expires);
    }
}
