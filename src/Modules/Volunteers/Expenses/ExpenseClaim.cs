using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Volunteers.Expenses;

public enum ExpenseKind { Mileage, Travel, Other }

public enum ClaimStatus { Submitted, Approved, Rejected, Paid }

/// <summary>
/// A practitioner's claim for expenses: submitted by them, approved or rejected by a coordinator,
/// then paid. An approved claim names the budget line it is charged to. Amounts are whole pence.
/// </summary>
internal sealed class ExpenseClaim : ITenantOwned
{
    private ExpenseClaim() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid PractitionerId { get; private set; }

    /// <summary>The submitter's own key for this claim: the same key again returns the same claim.</summary>
    public string? IdempotencyKey { get; private set; }

    public ClaimStatus Status { get; private set; }

    // Lists, not arrays: EF Core adds to them when it reads the JSON column.
    public IReadOnlyList<ExpenseLine> Lines { get; private set; } = new List<ExpenseLine>();

    public IReadOnlyList<Receipt> Receipts { get; private set; } = new List<Receipt>();

    public long TotalPence { get; private set; }

    public Guid? SubmittedBy { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? RejectionReason { get; private set; }

    /// <summary>The commissioning budget line an approved claim is charged to.</summary>
    public string? BudgetLineId { get; private set; }

    public DateOnly? PaidOn { get; private set; }

    public string? PaymentReference { get; private set; }

    public Guid? PaidBy { get; private set; }

    public static ExpenseClaim Submit(Guid practitionerId, IReadOnlyList<ExpenseLine> lines, IReadOnlyList<Receipt> receipts, string? idempotencyKey, Guid? by,
        DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PractitionerId = practitionerId,
        IdempotencyKey = idempotencyKey,
        Status = ClaimStatus.Submitted,
        Lines = new List<ExpenseLine>(lines),
        Receipts = new List<Receipt>(receipts),
        TotalPence = lines.Sum(l => l.AmountPence),
        SubmittedBy = by,
        SubmittedAt = now,
    };

    public void Approve(string budgetLineId, Guid? by, DateTimeOffset now)
    {
        Demand(ClaimStatus.Submitted);
        Status = ClaimStatus.Approved;
        BudgetLineId = budgetLineId;
        (DecidedBy, DecidedAt) = (by, now);
    }

    public void Reject(string reason, Guid? by, DateTimeOffset now)
    {
        Demand(ClaimStatus.Submitted);
        Status = ClaimStatus.Rejected;
        RejectionReason = reason;
        (DecidedBy, DecidedAt) = (by, now);
    }

    public void Pay(DateOnly on, string reference, Guid? by)
    {
        Demand(ClaimStatus.Approved);
        Status = ClaimStatus.Paid;
        (PaidOn, PaymentReference, PaidBy) = (on, reference, by);
    }

    private void Demand(ClaimStatus status)
    {
        if (Status != status) throw new InvalidOperationException($"The claim is {Status}, not {status}.");
    }
}

/// <param name="Miles">Mileage only; the amount is the miles at <paramref name="RatePence"/> a mile, rounded to the penny.</param>
internal sealed record ExpenseLine(ExpenseKind Kind, DateOnly IncurredOn, string Description, decimal? Miles, decimal? RatePence, long AmountPence)
{
    public static ExpenseLine Mileage(DateOnly on, string description, decimal miles, decimal ratePence) =>
        new(ExpenseKind.Mileage, on, description, miles, ratePence, (long)decimal.Round(miles * ratePence, 0, MidpointRounding.AwayFromZero));
}

/// <summary>What is known of a receipt: the file itself is kept by the office, not by this service.</summary>
internal sealed record Receipt(string FileName, string ContentType, long SizeBytes);
