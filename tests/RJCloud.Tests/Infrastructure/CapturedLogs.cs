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

    /// <summary>
    /// Waits for a line to arrive: the request log line is written after the response has been
    /// sent, so it can land just after the client has its answer.
    /// </summary>
    public async Task<bool> ArrivesAsync(Func<string, bool> match)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (lines.Any(match)) return true;
            await Task.Delay(50);
        }
        return false;
    }

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter();
        formatter.Format(logEvent, writer);
        lines.Enqueue(writer.ToString());
    }
}
