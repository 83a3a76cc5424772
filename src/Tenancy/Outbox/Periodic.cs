using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RJCloud.Tenancy.Outbox;

/// <summary>Background work that runs a pass now and then: never before the service has started, and a failed pass never stops the next.</summary>
public static class Periodic
{
    public static async Task RunAfterStartAsync(IHostApplicationLifetime lifetime, TimeProvider clock, TimeSpan every,
        Func<CancellationToken, Task<int>> pass, ILogger logger, CancellationToken stoppingToken)
    {
        // Not before the service has started: migrations have run, and a start-up that fails never sees a pass.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
            await started.Task;

        using var timer = new PeriodicTimer(every, clock);
        do
        {
            try
            {
                await pass(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Background pass failed; it runs again in {Seconds} s", every.TotalSeconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
