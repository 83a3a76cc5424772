using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Referrals.Intake;

/// <summary>A form a system may resend: it carries the idempotency key that makes a resend harmless.</summary>
internal interface IIdempotentInput
{
    string? IdempotencyKey { get; set; }
}

/// <summary>An idempotency key with the fingerprint of the body it came with.</summary>
internal sealed record SubmissionIdentity(string Submitter, string Key, string RequestHash, string Operation)
{
    public const int MaxKeyLength = 100;

    private static readonly JsonSerializerOptions Canonical = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Systems must send a key (people may); a key is at most 100 characters.</summary>
    public static UserError? Problem(Actor actor, IIdempotentInput input, string whatARetryWouldDo) => input.IdempotencyKey switch
    {
        var key when actor.IsSystem && string.IsNullOrWhiteSpace(key) => UserError.For("IDEMPOTENCY_KEY_REQUIRED",
            $"Systems must send an idempotencyKey, so that a retried submission never {whatARetryWouldDo}.", "input", "idempotencyKey"),
        { Length: > MaxKeyLength } => UserError.For("TOO_LONG", $"The idempotency key must be {MaxKeyLength} characters or fewer.", "input", "idempotencyKey"),
        _ => null,
    };

    /// <summary>The submission's identity, or null without a key; the fingerprint leaves the key itself out.</summary>
    public static SubmissionIdentity? For<TInput>(Actor actor, TInput input, string operation) where TInput : IIdempotentInput
    {
        var key = input.IdempotencyKey;
        if (string.IsNullOrWhiteSpace(key) || actor.Subject is null) return null;
        input.IdempotencyKey = null;
        try
        {
            return new SubmissionIdentity(actor.Subject, key.Trim(), Fingerprint(input), operation);
        }
        finally
        {
            input.IdempotencyKey = key;
        }
    }

    /// <summary>The body's fingerprint: SHA-256 of its JSON.</summary>
    public static string Fingerprint<T>(T body) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body, Canonical)));
}
