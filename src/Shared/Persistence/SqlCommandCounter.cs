namespace RJCloud.Shared.Persistence;

/// <summary>
/// Counts the SQL commands issued inside a scope (one GraphQL request), so that tests and benchmarks
/// can show that a rejected query runs none and a list of 100 costs what a list of 1 costs.
/// </summary>
public sealed class SqlCommandCounter
{
    private static readonly AsyncLocal<SqlCommandCounter?> current = new();
    private int count;

    public static SqlCommandCounter? Current => current.Value;

    public int Count => Volatile.Read(ref count);

    public static IDisposable BeginScope(out SqlCommandCounter counter)
    {
        var previous = current.Value;
        counter = new SqlCommandCounter();
        current.Value = counter;
        return new Restore(previous);
    }

    internal void Increment() => Interlocked.Increment(ref count);

    internal void Add(int commands) => Interlocked.Add(ref count, commands);

    private sealed class Restore(SqlCommandCounter? previous) : IDisposable
    {
        public void Dispose() => current.Value = previous;
    }
}
