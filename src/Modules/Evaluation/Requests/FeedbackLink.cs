using System.Buffers.Text;
using System.Security.Cryptography;
using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Evaluation.Requests;

/// <summary>
/// A one-time link a participant answers their feedback through, with no account. Only a hash of its secret is kept:
/// the link itself is shown once, to the member of staff who sends it. It works once and until it expires; issuing a new
/// link for the same request ends the old one.
/// </summary>
internal sealed class FeedbackLink : ITenantOwned
{
    private FeedbackLink() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid RequestId { get; private set; }

    public byte[] SecretHash { get; private set; } = [];

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string IssuedBy { get; private set; } = "";

    public bool OpenAt(DateTimeOffset now) => UsedAt is null && RevokedAt is null && now < ExpiresAt;

    public static (FeedbackLink Link, string Secret) Issue(Guid requestId, int days, string by, DateTimeOffset now)
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (new FeedbackLink
        {
            Id = Guid.CreateVersion7(now), RequestId = requestId, SecretHash = Hash(secret), IssuedAt = now, ExpiresAt = now.AddDays(days), IssuedBy = by,
        }, secret);
    }

    public static byte[] Hash(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));

    public void Use(DateTimeOffset now) => UsedAt = now;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
