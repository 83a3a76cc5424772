using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Referrals.Intake;

/// <summary>
/// A submitting system's idempotency key: the same key and body returns the first result, the same
/// key with another body is refused. Its primary key makes concurrent duplicates wait and then fail.
/// </summary>
internal sealed class SubmissionKey : ITenantOwned
{
    private SubmissionKey() { }

    public Guid TenantId { get; private set; }

    /// <summary>The user id or client id that chose the key: keys are only unique per submitter.</summary>
    public string Submitter { get; private set; } = "";

    public string Key { get; private set; } = "";

    /// <summary>SHA-256 of the canonical request body, hex.</summary>
    public string RequestHash { get; private set; } = "";

    public string Operation { get; private set; } = "";

    public Guid ResultId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static SubmissionKey For(string submitter, string key, string requestHash, string operation, Guid resultId, DateTimeOffset now) => new()
    {
        Submitter = submitter,
        Key = key,
        RequestHash = requestHash,
        Operation = operation,
        ResultId = resultId,
        CreatedAt = now,
    };
}
