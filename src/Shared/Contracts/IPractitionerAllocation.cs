namespace RJCloud.Shared.Contracts;

/// <summary>
/// What case work asks of the practitioner pool (implemented by the Volunteers module): who can take
/// a case, best fit first, and the record of who holds which case, which is what "current load" counts.
/// </summary>
public interface IPractitionerAllocation
{
    /// <summary>Every practitioner of the current office, those who can take the case ranked by fit, the rest with why not.</summary>
    Task<AllocationCandidates> CandidatesAsync(CaseNeeds needs, CancellationToken cancellationToken);

    /// <summary>Records that a practitioner took on a case; refused (false) if they cannot take it now.</summary>
    Task<bool> AssignAsync(Guid practitionerId, Guid caseId, DateOnly from, CancellationToken cancellationToken);

    /// <summary>Records that a practitioner's work on a case ended (closure, withdrawal, reallocation).</summary>
    Task ReleaseAsync(Guid practitionerId, Guid caseId, DateOnly on, CancellationToken cancellationToken);
}

/// <param name="Area">Where the case is, as the office names its areas.</param>
/// <param name="RequiredSkills">Skills every candidate must hold, e.g. "domestic abuse specialist".</param>
/// <param name="ParticipantNames">For conflict-of-interest checks against practitioners' declarations.</param>
/// <param name="PreviousPractitioners">Who already worked with these participants: continuity ranks them higher.</param>
public sealed record CaseNeeds(
    string? Area, IReadOnlyList<string> RequiredSkills, IReadOnlyList<string> ParticipantNames, DateOnly On, IReadOnlyList<Guid> PreviousPractitioners);

public sealed record AllocationCandidates(IReadOnlyList<Candidate> Ranked, IReadOnlyList<Candidate> Excluded);

/// <param name="Reasons">Why they rank where they do, or why they are excluded.</param>
public sealed record Candidate(Guid PractitionerId, string Name, double Score, int CurrentCases, int Capacity, IReadOnlyList<string> Reasons);

/// <summary>Which practitioner of the current office a signed-in person is (implemented by the Volunteers module), so that facilitators see only their own work.</summary>
public interface IPractitionerAccounts
{
    /// <summary>The practitioner linked to this user in the current office, or null when they are not one.</summary>
    Task<Guid?> PractitionerOfUserAsync(Guid userId, CancellationToken cancellationToken);
}
