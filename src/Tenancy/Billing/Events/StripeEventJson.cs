using System.Text.Json;

namespace RJCloud.Tenancy.Billing.Events;

/// <summary>
/// The few fields billing reads from a Stripe event, taken from its JSON: they are stable across
/// Stripe's API versions, where the typed objects move fields between versions.
/// </summary>
internal sealed class StripeEventJson(JsonElement root)
{
    public string Type => root.GetProperty("type").GetString() ?? "";

    public JsonElement Object => root.GetProperty("data").GetProperty("object");

    public string? ObjectId => Text(Object, "id");

    public string? CustomerId => Text(Object, "customer");

    public string? Status => Text(Object, "status");

    public string? Metadata(string key) =>
        Object.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object ? Text(metadata, key) : null;

    public static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static DateTimeOffset? Instant(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>Stripe amounts are in the currency's minor unit (pence).</summary>
    public static decimal Pounds(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var pence) ? pence / 100m : 0m;

    /// <summary>The end of the subscription's current period: on its items since API version 2025-03-31.</summary>
    public static DateTimeOffset? PeriodEnd(JsonElement subscription)
    {
        if (subscription.TryGetProperty("items", out var items) && items.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
            foreach (var item in data.EnumerateArray())
                if (Instant(item, "current_period_end") is { } end) return end;
        return Instant(subscription, "current_period_end");
    }

    /// <summary>The end of the period an invoice's first line charges for: when the next invoice is due.</summary>
    public static DateTimeOffset? InvoicePeriodEnd(JsonElement invoice)
    {
        if (invoice.TryGetProperty("lines", out var lines) && lines.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
            foreach (var line in data.EnumerateArray())
                if (line.TryGetProperty("period", out var period) && Instant(period, "end") is { } end) return end;
        return null;
    }

    /// <summary>Reads the envelope of a verified payload; null when it is not a Stripe event.</summary>
    public static (string Id, string Type, DateTimeOffset Created)? Envelope(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "id") is not { Length: > 0 and <= 255 } id ||
                Text(root, "type") is not { Length: > 0 and <= 100 } type || Instant(root, "created") is not { } created ||
                !root.TryGetProperty("data", out var data) || !data.TryGetProperty("object", out _))
                return null;
            return (id, type, created);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
