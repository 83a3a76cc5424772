using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Commissioning.Contracts;

/// <summary>An organisation the office commissions services from (e.g. Safer Places, Kiwi Communities).</summary>
internal sealed class Provider : ITenantOwned
{
    private Provider() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Name { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static Provider Register(string name, DateTimeOffset now) => new() { Id = Guid.CreateVersion7(now), Name = name, CreatedAt = now };
}

public enum PaymentSchedule { Monthly, Quarterly, Annually, OnInvoice }

/// <summary>A commissioned-service contract: provider, service, term, value and how it is paid; extended by later decisions.</summary>
internal sealed class Contract : ITenantOwned
{
    private Contract() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ProviderId { get; private set; }

    public string Service { get; private set; } = "";

    public DateOnly StartsOn { get; private set; }

    /// <summary>The end of the original term.</summary>
    public DateOnly OriginalEndsOn { get; private set; }

    public long OriginalValuePence { get; private set; }

    public PaymentSchedule Schedule { get; private set; }

    /// <summary>The decision that let it, when recorded.</summary>
    public Guid? DecisionId { get; private set; }

    public IReadOnlyList<Extension> Extensions { get; private set; } = new List<Extension>();

    public DateTimeOffset CreatedAt { get; private set; }

    public DateOnly EndsOn => Extensions.Count == 0 ? OriginalEndsOn : Extensions.Max(e => e.EndsOn);

    public long ValuePence => OriginalValuePence + Extensions.Sum(e => e.AdditionalValuePence);

    public static Contract Let(Guid providerId, string service, DateOnly startsOn, DateOnly endsOn, long valuePence, PaymentSchedule schedule, Guid? decisionId,
        DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), ProviderId = providerId, Service = service, StartsOn = startsOn, OriginalEndsOn = endsOn,
        OriginalValuePence = valuePence, Schedule = schedule, DecisionId = decisionId, CreatedAt = now,
    };

    public void Extend(Extension extension) => Extensions = new List<Extension>(Extensions) { extension };
}

/// <param name="Reason">e.g. "Approved by the Domestic Abuse Board on the service's performance".</param>
internal sealed record Extension(DateOnly EndsOn, long AdditionalValuePence, DateOnly AgreedOn, string Reason, Guid? DecisionId);

/// <summary>A key performance indicator of a contract: a target, and the actual reported for each period.</summary>
internal sealed class Kpi : ITenantOwned
{
    private Kpi() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ContractId { get; private set; }

    public string Measure { get; private set; } = "";

    public decimal TargetPercent { get; private set; }

    public IReadOnlyList<KpiActual> Actuals { get; private set; } = new List<KpiActual>();

    public int Position { get; private set; }

    public static Kpi Define(Guid contractId, string measure, decimal targetPercent, int position, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), ContractId = contractId, Measure = measure, TargetPercent = targetPercent, Position = position };

    /// <summary>Reports (or corrects) the actual for a period.</summary>
    public void Report(string period, decimal actualPercent, DateTimeOffset now) =>
        Actuals = new List<KpiActual>(Actuals.Where(a => a.Period != period).Append(new KpiActual(period, actualPercent, now)).OrderBy(a => a.Period, StringComparer.Ordinal));
}

internal sealed record KpiActual(string Period, decimal ActualPercent, DateTimeOffset ReportedAt);
