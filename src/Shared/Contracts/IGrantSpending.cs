namespace RJCloud.Shared.Contracts;

/// <summary>Money spent from the office's grants, from the commissioning ledger (implemented by Commissioning, read by Evaluation's returns).</summary>
public interface IGrantSpending
{
    /// <summary>What was paid between two days (inclusive), in pence: in all, and the share funded by Ministry of Justice allocations.</summary>
    Task<GrantSpending> PaidBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

/// <param name="MojAllocations">How many Ministry of Justice allocations the office has recorded for the financial years the period touches.</param>
public sealed record GrantSpending(long PaidPence, long MojFundedPaidPence, int MojAllocations);
