namespace RJCloud.Shared.Logging;

/// <summary>
/// Marks a property (or a whole type) as personal data: logs show it redacted, never its value.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class | AttributeTargets.Struct)]
public sealed class PersonalDataAttribute : Attribute;
