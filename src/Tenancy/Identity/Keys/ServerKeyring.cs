using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Tenancy.Identity.Persistence;

namespace RJCloud.Tenancy.Identity.Keys;

/// <summary>
/// Reads the token server's keys, creating the first signing and encryption keys if there are none.
/// Creation runs under a transaction-scoped advisory lock so that replicas starting together agree
/// on one key pair instead of each minting its own.
/// </summary>
internal sealed class ServerKeyring(IServiceScopeFactory scopes, TimeProvider clock)
{
    private const long KeyCreationLock = 0x524A4B657973; // "RJKeys"

    public IReadOnlyList<ServerKey> LoadOrCreate()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        using var transaction = db.Database.BeginTransaction();
        db.Database.ExecuteSql($"SELECT pg_advisory_xact_lock({KeyCreationLock})");
        var keys = db.ServerKeys.AsNoTracking().Where(k => k.RetiredAt == null).OrderByDescending(k => k.CreatedAt).ToList();
        var missing = new List<ServerKey>();
        if (keys.All(k => k.Use != ServerKey.Signing))
        {
            using var rsa = RSA.Create(2048);
            missing.Add(ServerKey.Create(ServerKey.Signing, rsa.ExportRSAPrivateKey(), clock.GetUtcNow()));
        }
        if (keys.All(k => k.Use != ServerKey.Encryption))
            missing.Add(ServerKey.Create(ServerKey.Encryption, RandomNumberGenerator.GetBytes(32), clock.GetUtcNow()));
        db.ServerKeys.AddRange(missing);
        db.SaveChanges();
        transaction.Commit();
        return [.. missing, .. keys];
    }
}
