using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using RJCloud.Shared.Logging;
using Serilog.Core;
using Serilog.Events;

namespace RJCloud.Api.Logging;

/// <summary>
/// Keeps personal data out of every log line: a type marked [PersonalData] is logged as a
/// placeholder, and a type with [PersonalData] properties is logged with those values redacted.
/// </summary>
internal sealed class PersonalDataDestructuringPolicy : IDestructuringPolicy
{
    public const string Redacted = "[redacted]";
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]?> PersonalProperties = new();

    public bool TryDestructure(object value, ILogEventPropertyValueFactory factory, [NotNullWhen(true)] out LogEventPropertyValue? result)
    {
        var type = value.GetType();
        if (type.IsDefined(typeof(PersonalDataAttribute), inherit: true))
        {
            result = new ScalarValue($"[{type.Name}: {Redacted}]");
            return true;
        }

        var personal = PersonalProperties.GetOrAdd(type, t =>
            t.GetProperties(BindingFlags.Instance | BindingFlags.Public).Any(p => p.IsDefined(typeof(PersonalDataAttribute), true))
                ? t.GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.GetIndexParameters().Length == 0).ToArray()
                : null);
        if (personal is null)
        {
            result = null;
            return false;
        }

        result = new StructureValue(
            personal.Select(p => new LogEventProperty(p.Name, p.IsDefined(typeof(PersonalDataAttribute), true)
                ? new ScalarValue(Redacted)
                : factory.CreatePropertyValue(p.GetValue(value), destructureObjects: true))),
            type.Name);
        return true;
    }
}
