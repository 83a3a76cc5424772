using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Evaluation.Settings;

/// <summary>An office's evaluation settings: its satisfaction target, when reoffending is checked, how long a participant's link lasts, and benchmarking.</summary>
internal sealed class EvaluationSettings : ITenantOwned
{
    public const decimal DefaultTargetPercent = 90;
    public const int DefaultReoffendingMonths = 12;
    public const int DefaultLinkDays = 28;

    private EvaluationSettings() { }

    public Guid TenantId { get; private set; }

    /// <summary>Victim satisfaction the office aims for (Essex's performance framework: 90%).</summary>
    public decimal SatisfactionTargetPercent { get => target; private set => target = Normal(value); }

    private decimal target = DefaultTargetPercent;

    /// <summary>90.0 as 90: the column keeps one decimal place, the figure shows only what was set.</summary>
    public static decimal Normal(decimal value) =>
        decimal.Parse(value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

    public int ReoffendingCheckMonths { get; private set; } = DefaultReoffendingMonths;

    public int FeedbackLinkDays { get; private set; } = DefaultLinkDays;

    /// <summary>Whether the office shares its figures (never its records) with the other offices that also take part.</summary>
    public bool Benchmarking { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static EvaluationSettings Defaults() => new();

    public static EvaluationSettings Set(decimal target, int months, int linkDays, bool benchmarking, DateTimeOffset now) => new()
    {
        SatisfactionTargetPercent = target, ReoffendingCheckMonths = months, FeedbackLinkDays = linkDays, Benchmarking = benchmarking, UpdatedAt = now,
    };

    public void Change(decimal target, int months, int linkDays, bool benchmarking, DateTimeOffset now) =>
        (SatisfactionTargetPercent, ReoffendingCheckMonths, FeedbackLinkDays, Benchmarking, UpdatedAt) = (target, months, linkDays, benchmarking, now);
}
