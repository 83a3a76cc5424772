using System.Text.Json;
using System.Text.Json.Serialization;

namespace RJCloud.Modules.Referrals.Policies;

/// <summary>Criteria as the JSON document a version is stored and published as: camelCase, enums by name.</summary>
internal static class ReferralPolicyJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static string Serialize(ReferralPolicy policy) => JsonSerializer.Serialize(policy, Options);

    /// <exception cref="JsonException">The document is not criteria in this shape.</exception>
    public static ReferralPolicy Deserialize(string json) =>
        JsonSerializer.Deserialize<ReferralPolicy>(json, Options) ?? throw new JsonException("The document is empty.");
}
