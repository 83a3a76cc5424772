using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Commissioning.Ledger;

public enum EntryKind
{
    /// <summary>Money promised to a payee from a budget line (from an agreed decision or a contract).</summary>
    Commitment,

    /// <summary>A payee's invoice against a commitment.</summary>
    Invoice,

    /// <summary>A payment of an invoice.</summary>
    Payment,

    /// <summary>An approved volunteer expense claim charged to a budget line: committed, invoiced and due at once.</summary>
    ExpenseCharge,
}

/// <summary>
/// One line of the ledger. Entries are never edited: a mistake is put right by a reversal, a new entry
/// of the same kind for the negative amount that names the entry it reverses.
/// </summary>
internal sealed class LedgerEntry : ITenantOwned
{
    private LedgerEntry() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public EntryKind Kind { get; private set; }

    public Guid BudgetLineId { get; private set; }

    /// <summary>Positive, or negative for a reversal.</summary>
    public long AmountPence { get; private set; }

    /// <summary>The day it counts from in balances.</summary>
    public DateOnly On { get; private set; }

    public string Payee { get; private set; } = "";

    /// <summary>An invoice number, a payment reference, a claim id.</summary>
    public string? Reference { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>An invoice's commitment, a payment's invoice.</summary>
    public Guid? ParentId { get; private set; }

    /// <summary>The agreed decision behind a commitment, when there is one.</summary>
    public Guid? DecisionId { get; private set; }

    /// <summary>The contract behind a commitment, when there is one.</summary>
    public Guid? ContractId { get; private set; }

    public Guid? ReversesId { get; private set; }

    public Guid? RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public bool IsReversal => ReversesId is not null;

    public static LedgerEntry Record(EntryKind kind, Guid lineId, long amountPence, DateOnly on, string payee, string? reference, string description,
        Guid? parentId, Guid? decisionId, Guid? by, DateTimeOffset now, Guid? contractId = null) => new()
    {
        ContractId = contractId,
        Id = Guid.CreateVersion7(now),
        Kind = kind,
        BudgetLineId = lineId,
        AmountPence = amountPence,
        On = on,
        Payee = payee,
        Reference = reference,
        Description = description,
        ParentId = parentId,
        DecisionId = decisionId,
        RecordedBy = by,
        RecordedAt = now,
    };

    public LedgerEntry Reverse(DateOnly on, string reason, Guid? by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Kind = Kind,
        BudgetLineId = BudgetLineId,
        AmountPence = -AmountPence,
        On = on,
        Payee = Payee,
        Reference = Reference,
        Description = reason,
        ParentId = ParentId,
        DecisionId = DecisionId,
        ContractId = ContractId,
        ReversesId = Id,
        RecordedBy = by,
        RecordedAt = now,
    };
}
