using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Evaluation.Reoffending;

/// <summary>Whose referral the person responsible was in: one that was completed, or one that did not go ahead.</summary>
public enum ReoffendingGroup
{
    /// <summary>The restorative communication was completed (face to face or indirectly).</summary>
    Completed,

    /// <summary>The referral did not go ahead: rejected or redirected at screening, or its case closed before communication was completed.</summary>
    NotCompleted,
}

/// <summary>
/// The follow-up of one person responsible: due some months after their referral ended (the office's setting, 12 by
/// default), with the result staff enter from the police's records.
/// </summary>
internal sealed class ReoffendingCheck : ITenantOwned
{
    private ReoffendingCheck() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ReferralId { get; private set; }

    public string Reference { get; private set; } = "";

    public Guid ParticipantId { get; private set; }

    public ReoffendingGroup Group { get; private set; }

    public DateOnly EndedOn { get; private set; }

    public DateOnly DueOn { get; private set; }

    public DateOnly? CheckedOn { get; private set; }

    public bool? Reoffended { get; private set; }

    public string? CheckedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static ReoffendingCheck Due(Guid referralId, string reference, Guid participantId, ReoffendingGroup group, DateOnly endedOn, int months, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), ReferralId = referralId, Reference = reference, ParticipantId = participantId, Group = group,
        EndedOn = endedOn, DueOn = endedOn.AddMonths(months), CreatedAt = now,
    };

    public void Record(bool reoffended, DateOnly on, string? by) => (Reoffended, CheckedOn, CheckedBy) = (reoffended, on, by);
}
