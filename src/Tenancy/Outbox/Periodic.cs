using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Resolution;

namespace RJCloud.Tenancy.Outbox;

/// <summary>Background work that runs a pass now and then: never before the service has started, and a failed pass never stops the next.</summary>
public static class Periodic
{
    public static async Task RunAfterStartAsync(IHostApplicationLifetime lifetime, TimeProvider clock, TimeSpan every,
        Func<CancellationToken, Task<int>> pass, ILogger logger, CancellationToken stoppingToken)
    {
        // Never hold up (or fail) the host's start: whatever follows runs after StartAsync has returned.
        await Task.Yield();
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
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Failed(logger, e, every);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// A failed pass is logged and the next one runs as planned. Nothing escapes: an exception leaving a
    /// BackgroundService stops the whole host. A database outage is a warning without a stack trace (it is
    /// expected to end, and then the next pass catches up); anything else is an error.
    /// </summary>
    public static void Failed(ILogger logger, Exception e, TimeSpan every)
    {
        if (DatabaseOutage.CauseOf(e) is { } cause)
            logger.LogWarning("Background pass could not reach the database ({DatabaseError}); it runs again in {Seconds} s",
                DatabaseOutage.Describe(cause), every.TotalSeconds);
        else
            logger.LogError(e, "Background pass failed; it runs again in {Seconds} s", every.TotalSeconds);
    }

    /// <summary>
    /// One pass over every office at work, each in its own scope entered as that office (so its query filters and
    /// row-level security apply); returns the sum of what each office's work counted.
    /// </summary>
    /// <param name="narrow">Picks the offices with work to do (one query for all, say), so the others cost no scope or transaction.</param>
    public static async Task<int> ForEachOfficeAsync(IServiceScopeFactory scopes, Func<IServiceProvider, CurrentTenant, Task<int>> work, CancellationToken cancellationToken,
        Func<IServiceProvider, IReadOnlyList<CurrentTenant>, Task<IReadOnlyList<CurrentTenant>>>? narrow = null)
    {
        IReadOnlyList<CurrentTenant> offices;
        using (var scope = scopes.CreateScope())
        {
            offices = await scope.ServiceProvider.GetRequiredService<ITenantDirectory>().OfficesAtWorkAsync(cancellationToken);
            if (narrow is not null && offices.Count > 0) offices = await narrow(scope.ServiceProvider, offices);
        }
        var total = 0;
        foreach (var office in offices)
        {
            using var scope = scopes.CreateScope();
            using var _ = scope.ServiceProvider.GetRequiredService<ITenantContext>().Enter(office);
            total += await work(scope.ServiceProvider, office);
        }
        return total;
    }
}
