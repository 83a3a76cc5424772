using System.ComponentModel.DataAnnotations;

namespace RJCloud.Tenancy.Billing;

/// <summary>
/// Billing through Stripe. Every value has a safe default: with no secret key the service runs,
/// offices stay as they are, and billing mutations say BILLING_NOT_CONFIGURED.
/// </summary>
public sealed class BillingOptions
{
    public const string Section = "Billing";

    /// <summary>Stripe's secret API key; from configuration or the environment only, never the repository.</summary>
    public string? StripeSecretKey { get; set; }

    /// <summary>The webhook endpoint's signing secret (whsec_...).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Where Stripe's API is; unset means Stripe itself. Tests point it at a fake server on loopback.</summary>
    public string? ApiBase { get; set; }

    [Range(0, 90)]
    public int GraceDays { get; set; } = 14;

    [Range(0, 365)]
    public int TrialDays { get; set; } = 30;

    /// <summary>How long one call to Stripe may take before it is abandoned (and retried with the same idempotency key).</summary>
    [Range(1, 60)]
    public int RequestTimeoutSeconds { get; set; } = 4;

    /// <summary>Calls to Stripe per request, the first included: the worst case is this times the timeout.</summary>
    [Range(1, 5)]
    public int Attempts { get; set; } = 2;

    /// <summary>A webhook signed longer ago than this is refused as stale (Stripe's own default is 300).</summary>
    [Range(1, 3600)]
    public int SignatureToleranceSeconds { get; set; } = 300;

    /// <summary>How often the processor looks for received events and for grace periods and trials that have ended.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;

    /// <summary>Where Stripe's checkout and billing portal send people back to.</summary>
    public string ReturnUrl { get; set; } = "http://localhost:5080/billing";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(StripeSecretKey);

    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(RequestTimeoutSeconds);
}
