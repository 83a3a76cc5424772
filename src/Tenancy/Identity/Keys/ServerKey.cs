namespace RJCloud.Tenancy.Identity.Keys;

/// <summary>
/// A key of the token server, kept in PostgreSQL so that every replica signs and validates with the
/// same keys and they survive restarts. Global: tokens are issued by one issuer for every tenant.
/// </summary>
internal sealed class ServerKey
{
    public const string Signing = "signing";
    public const string Encryption = "encryption";

    private ServerKey(Guid id, string use, byte[] material, DateTimeOffset createdAt)
    {
        Id = id;
        Use = use;
        Material = material;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary><see cref="Signing"/> (RSA private key, PKCS#1) or <see cref="Encryption"/> (AES-256 key).</summary>
    public string Use { get; private set; }

    public byte[] Material { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Retired keys still validate what they signed until removed; the newest key signs.</summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    public static ServerKey Create(string use, byte[] material, DateTimeOffset now) => new(Guid.CreateVersion7(now), use, material, now);
}
