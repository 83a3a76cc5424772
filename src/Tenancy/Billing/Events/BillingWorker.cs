using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RJCloud.Tenancy.Outbox;

namespace RJCloud.Tenancy.Billing.Events;

/// <summary>Runs the billing passes every few seconds on every replica: SKIP LOCKED keeps them from doing the same work.</summary>
internal sealed class BillingWorker(
    BillingEventProcessor processor, IHostApplicationLifetime lifetime, IOptions<BillingOptions> options, ILogger<BillingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not before the service has started: migrations have run, and a start-up that fails never sees a pass.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
            await started.Task;

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds));
        do
        {
            try
            {
                await processor.ProcessPendingAsync(stoppingToken);
                await processor.EnforceDeadlinesAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Periodic.Failed(logger, e, TimeSpan.FromSeconds(options.Value.PollSeconds));
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
