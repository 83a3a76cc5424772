using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RJCloud.Tests.Billing;

/// <summary>
/// Stripe's API as far as RJCloud uses it, on loopback: customers, checkout sessions and billing
/// portal sessions. It records every request with its Idempotency-Key, can be told to hang, and
/// answers a repeated key with the first answer, as Stripe does.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    private readonly ConcurrentQueue<StripeRequest> requests = new();
    private readonly ConcurrentDictionary<string, string> answered = new();
    private WebApplication? server;
    private int sequence;
    private int hangsLeft;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyCollection<StripeRequest> Requests => requests;

    /// <summary>The next <paramref name="count"/> requests get no answer until the caller gives up.</summary>
    public void Hang(int count) => Interlocked.Exchange(ref hangsLeft, count);

    public void Forget()
    {
        requests.Clear();
        Hang(0);
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        server = builder.Build();
        server.MapPost("/v1/customers", http => AnswerAsync(http, "cus", id => new { id, @object = "customer" }));
        server.MapPost("/v1/checkout/sessions", http => AnswerAsync(http, "cs_test", id =>
            new { id, @object = "checkout.session", mode = "subscription", url = $"https://checkout.stripe.test/c/pay/{id}" }));
        server.MapPost("/v1/billing_portal/sessions", http => AnswerAsync(http, "bps", id =>
            new { id, @object = "billing_portal.session", url = $"https://billing.stripe.test/p/session/{id}" }));
        await server.StartAsync();
        BaseUrl = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    private async Task AnswerAsync(HttpContext http, string prefix, Func<string, object> body)
    {
        var form = await http.Request.ReadFormAsync();
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        requests.Enqueue(new StripeRequest(http.Request.Path, key, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
        if (Interlocked.Decrement(ref hangsLeft) >= 0)
        {
            // Held until the client gives up (it cancels, and the connection is aborted).
            try { await Task.Delay(TimeSpan.FromMinutes(2), http.RequestAborted); } catch (OperationCanceledException) { }
            return;
        }
        var json = answered.GetOrAdd($"{http.Request.Path}|{key}", _ => JsonSerializer.Serialize(body($"{prefix}_{Interlocked.Increment(ref sequence)}")));
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
    }
}

public sealed record StripeRequest(string Path, string IdempotencyKey, IReadOnlyDictionary<string, string> Form);
