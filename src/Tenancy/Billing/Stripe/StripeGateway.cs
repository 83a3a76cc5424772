using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;

namespace RJCloud.Tenancy.Billing.Stripe;

/// <summary>
/// Every call RJCloud makes to Stripe while someone waits: each attempt is abandoned after the
/// configured timeout and tried again with the same idempotency key, so Stripe does the work once
/// however many attempts reached it; after the last attempt the caller gets a clear answer instead
/// of a hung request.
/// </summary>
internal sealed class StripeGateway(IOptions<BillingOptions> options, ILogger<StripeGateway> logger) : IDisposable
{
    private readonly Lazy<(HttpClient Http, StripeClient Client)> client = new(() => Create(options.Value));

    public async Task<T> CallAsync<T>(string operation, string idempotencyKey,
        Func<IStripeClient, RequestOptions, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured) throw new BillingNotConfiguredException();
        for (var attempt = 1; ; attempt++)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(settings.RequestTimeout);
            string failure;
            try
            {
                return await call(client.Value.Client, new RequestOptions { IdempotencyKey = idempotencyKey }, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = "timeout";
            }
            catch (HttpRequestException)
            {
                failure = "unreachable";
            }
            catch (StripeException e) when ((int)e.HttpStatusCode >= 500 || (int)e.HttpStatusCode == 429 || (int)e.HttpStatusCode == 0)
            {
                failure = $"status {(int)e.HttpStatusCode}";
            }
            catch (StripeException e)
            {
                logger.LogWarning("Stripe refused {Operation}: {Status} {StripeCode}", operation, (int)e.HttpStatusCode, e.StripeError?.Code);
                throw new BillingProviderException(refused: true);
            }

            logger.LogWarning("Stripe {Operation} attempt {Attempt} of {Attempts} failed ({Failure})", operation, attempt, settings.Attempts, failure);
            if (attempt >= settings.Attempts) throw new BillingProviderException(refused: false);
        }
    }

    public void Dispose()
    {
        if (client.IsValueCreated) client.Value.Http.Dispose();
    }

    private static (HttpClient, StripeClient) Create(BillingOptions settings)
    {
        // Our own deadline per attempt, and no retries inside Stripe.net: retries are ours, with our key.
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var stripeOptions = new StripeClientOptions
        {
            ApiKey = settings.StripeSecretKey,
            HttpClient = new SystemNetHttpClient(http, maxNetworkRetries: 0, enableTelemetry: false),
        };
        if (!string.IsNullOrWhiteSpace(settings.ApiBase)) stripeOptions.ApiBase = settings.ApiBase.TrimEnd('/');
        return (http, new StripeClient(stripeOptions));
    }
}

internal sealed class BillingNotConfiguredException() : InvalidOperationException("Billing has no Stripe key configured.");

/// <summary>Stripe did not answer in time, could not be reached, or refused the request.</summary>
internal sealed class BillingProviderException(bool refused) : Exception(refused ? "Stripe refused the request." : "Stripe did not answer in time.")
{
    public bool Refused => refused;
}
