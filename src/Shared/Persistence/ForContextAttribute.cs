namespace RJCloud.Shared.Persistence;

/// <summary>Pins an entity configuration to one DbContext when an assembly holds more than one.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ForContextAttribute(Type contextType) : Attribute
{
    public Type ContextType { get; } = contextType;
}
