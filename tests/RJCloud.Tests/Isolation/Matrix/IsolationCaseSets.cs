namespace RJCloud.Tests.Isolation.Matrix;

/// <summary>Every <see cref="IIsolationCases"/> in the test assembly, so a module adds its cases without editing a list.</summary>
internal static class IsolationCaseSets
{
    public static IReadOnlyList<IIsolationCases> Discover() =>
    [
        .. typeof(IIsolationCases).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IIsolationCases).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IIsolationCases)Activator.CreateInstance(t)!),
    ];

    /// <summary>Case names for theory rows, read without seeding anything.</summary>
    public static TheoryData<string> Names(Func<IsolationCase, bool> which) =>
        new(Discover().SelectMany(s => s.Cases).Where(which).Select(c => c.Name));
}
