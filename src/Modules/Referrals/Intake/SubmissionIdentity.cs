using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Referrals.Intake;

/// <summary>An idempotency key with the fingerprint of the body it came with.</summary>
internal sealed record SubmissionIdentity(string Submitter, string Key, string RequestHash, string Operation)
{
    public const int MaxKeyLength = 100;

    private static readonly JsonSerializerOptions Canonical = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static SubmissionIdentity? For(Actor actor, string? key, string operation, Func<string> fingerprint) =>
        string.IsNullOrWhiteSpace(key) || actor.Subject is null ? null : new SubmissionIdentity(actor.Subject, key.Trim(), fingerprint(), operation);

    /// <summary>The body's fingerprint: SHA-256 of its JSON with the key itself left out.</summary>
    public static string Fingerprint<T>(T body) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body, Canonical)));
}
