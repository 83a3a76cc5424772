using RJCloud.Api.Database;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace RJCloud.Api.Logging;

internal static class LoggingExtensions
{
    /// <summary>Structured JSON to the console, off the request's thread; levels from configuration ("Serilog" section).</summary>
    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .Enrich.FromLogContext()
                .Destructure.With<PersonalDataDestructuringPolicy>()
                // Rendered and written on a worker thread: on the request's own thread the request line cost about 20 µs of every
                // request (ADR 0030). A console that cannot keep up fills the buffer and then holds callers back, so no line is
                // dropped; disposing the logger at shutdown writes whatever is still buffered.
                .WriteTo.Async(sink => sink.Console(new RenderedCompactJsonFormatter()), bufferSize: 10_000, blockWhenFull: true);
            // Further sinks (e.g. a log shipper) are registered as services.
            foreach (var sink in services.GetServices<ILogEventSink>()) logger.WriteTo.Sink(sink);
        },
        // Each host keeps its own logger: through the static Log.Logger, two hosts in one process
        // (tests, benchmarks) would write into whichever was built last.
        preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// One line per request with its timing, tenant and user ids (never names), and the correlation id
    /// that error responses quote. Paths are logged without query strings, which can carry variables.
    /// </summary>
    public static WebApplication UseStructuredRequestLogging(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            http.Response.Headers["X-Correlation-Id"] = http.TraceIdentifier;
            return next(http);
        });
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            // A database outage is logged once, as a warning, where it is answered; its request line is ordinary.
            options.GetLevel = (http, _, exception) =>
                exception is not null || (http.Response.StatusCode > 499 && !http.Items.ContainsKey(DatabaseUnavailable.Marker))
                    ? LogEventLevel.Error
                    : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set("CorrelationId", http.TraceIdentifier);
                diagnostics.Set("TenantId", http.User.FindFirst("tenant")?.Value);
                diagnostics.Set("UserId", http.User.FindFirst("sub")?.Value);
            };
        });
        return app;
    }
}
