using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Commissioning.Money;

public enum FundingKind { MojVictimsGrant, MojRjFunding, PccCore, PartnerContribution, Other }

/// <summary>Where money comes from: the MoJ Victims Grant, MoJ RJ funding, the PCC's core budget, a partner's contribution.</summary>
internal sealed class FundingStream : ITenantOwned
{
    private FundingStream() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Name { get; private set; } = "";

    public FundingKind Kind { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static FundingStream Add(string name, FundingKind kind, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), Name = name, Kind = kind, CreatedAt = now };
}

/// <summary>What a funding stream gives the office in one financial year, in pence.</summary>
internal sealed class Allocation : ITenantOwned
{
    private Allocation() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid FundingStreamId { get; private set; }

    public int YearStarting { get; private set; }

    public long AmountPence { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public FinancialYear Year => new(YearStarting);

    public static Allocation Record(Guid streamId, FinancialYear year, long amountPence, string? note, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), FundingStreamId = streamId, YearStarting = year.StartYear, AmountPence = amountPence, Note = note, CreatedAt = now };
}

/// <summary>A budget for a service in one financial year (e.g. "ERMS 2021-22"), funded from allocations, spent through its lines.</summary>
internal sealed class Budget : ITenantOwned
{
    private Budget() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Name { get; private set; } = "";

    public int YearStarting { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public FinancialYear Year => new(YearStarting);

    public static Budget Create(string name, FinancialYear year, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), Name = name, YearStarting = year.StartYear, CreatedAt = now };
}

/// <summary>How much of an allocation funds a budget.</summary>
internal sealed class BudgetFunding : ITenantOwned
{
    private BudgetFunding() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid BudgetId { get; private set; }

    public Guid AllocationId { get; private set; }

    public long AmountPence { get; private set; }

    public static BudgetFunding From(Guid budgetId, Guid allocationId, long amountPence, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), BudgetId = budgetId, AllocationId = allocationId, AmountPence = amountPence };
}

public enum LineCategory { Staff, Training, Consultants, VolunteerExpenses, CaseManagementSystem, Other }

/// <summary>One line of a budget: staff, training, consultants, volunteer expenses, the case management system.</summary>
internal sealed class BudgetLine : ITenantOwned
{
    private BudgetLine() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid BudgetId { get; private set; }

    public LineCategory Category { get; private set; }

    public string Name { get; private set; } = "";

    public long AmountPence { get; private set; }

    public int Position { get; private set; }

    public static BudgetLine Add(Guid budgetId, LineCategory category, string name, long amountPence, int position, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), BudgetId = budgetId, Category = category, Name = name, AmountPence = amountPence, Position = position };
}
