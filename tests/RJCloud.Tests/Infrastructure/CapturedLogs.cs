using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace RJCloud.Tests.Infrastructure;

/// <summary>Every log event the service writes, rendered exactly as the console sink would write it.</summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<string> lines = new();
    private readonly RenderedCompactJsonFormatter formatter = new();

    public IReadOnlyCollection<string> Lines => lines;

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter();
        formatter.Format(logEvent, writer);
        lines.Enqueue(writer.ToString());
    }
}
