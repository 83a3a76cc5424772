namespace RJCloud.Shared.Contracts;

/// <summary>
/// How an approved volunteer expense claim is charged to a commissioning budget line (implemented by the
/// Commissioning module, called by the Volunteers module). Every call is idempotent on the claim's id.
/// </summary>
public interface IBudgetCharges
{
    /// <summary>Charges the claim to the line (once: the same claim again returns the first charge's result).</summary>
    Task<ChargeResult> ChargeAsync(ExpenseCharge charge, CancellationToken cancellationToken);

    /// <summary>Records that a charged claim was paid.</summary>
    Task RecordPaidAsync(Guid claimId, DateOnly paidOn, string paymentReference, CancellationToken cancellationToken);

    /// <summary>Reverses a claim's charge when its approval did not stand.</summary>
    Task CancelAsync(Guid claimId, DateOnly on, CancellationToken cancellationToken);
}

/// <param name="BudgetLineId">The line's global id, as the commissioning API gives it.</param>
public sealed record ExpenseCharge(Guid ClaimId, string BudgetLineId, long AmountPence, DateOnly On);

public enum ChargeResult { Charged, UnknownBudgetLine, OverBudget }
