namespace RJCloud.Tests.Referrals;

/// <summary>Realistic referral forms, as partners fill them in.</summary>
internal static class ReferralForms
{
    public const string Submit = """
        mutation($input: SubmitReferralInput!) {
          submitReferral(input: $input) { reference status victimsCodeDueBy userErrors { code field message } }
        }
        """;

    /// <summary>Anti-social behaviour on an estate: the young man responsible has owned up, both agree to be contacted.</summary>
    public static Dictionary<string, object?> AntiSocialBehaviour(string? key = null, string type = "ANTI_SOCIAL_BEHAVIOUR") => new()
    {
        ["idempotencyKey"] = key,
        ["type"] = type,
        ["reason"] = "ANTI_SOCIAL_BEHAVIOUR",
        ["incident"] = "Repeated loud music and shouting late at night outside 14 Elm Close; a window was cracked by a thrown bottle.",
        ["courtCase"] = false,
        ["leafletGiven"] = true,
        ["previousAction"] = "Warning letter from the housing officer in March.",
        ["riskInformation"] = "No known violence. Harmed person lives alone.",
        ["area"] = "LPA West",
        ["willingToTakePart"] = true,
        ["concerns"] = Array.Empty<string>(),
        ["enhancedEntitlement"] = false,
        ["referrer"] = new Dictionary<string, object?> { ["name"] = "PC Sam Hart", ["organisation"] = "Essex Police", ["position"] = "Neighbourhood officer", ["phone"] = "01245 491491", ["email"] = "sam.hart@police.example" },
        ["participants"] = new object[]
        {
            Participant("HARMED_PERSON", "Margaret Ellis", "1948-02-11", consent: true),
            Participant("PERSON_RESPONSIBLE", "Dean Carter", "1999-07-30", consent: true, acceptsResponsibility: true),
        },
    };

    public static Dictionary<string, object?> Participant(string role, string name, string? dateOfBirth, bool consent, bool? acceptsResponsibility = null) => new()
    {
        ["role"] = role,
        ["name"] = name,
        ["dateOfBirth"] = dateOfBirth,
        ["address"] = "Elm Close, Harlow",
        ["sex"] = null,
        ["phone"] = "07700 900123",
        ["consentToShare"] = consent,
        ["acceptsResponsibility"] = acceptsResponsibility,
    };

    public static Dictionary<string, object?> With(this Dictionary<string, object?> form, string field, object? value)
    {
        var copy = new Dictionary<string, object?>(form) { [field] = value };
        return copy;
    }
}
