namespace RJCloud.Tenancy.Registry;

public enum TenantKind
{
    /// <summary>A PCC/PFCC office: owns referrals, cases, volunteers, money.</summary>
    Office,

    /// <summary>
    /// The platform operators' own realm. Operators are its users, so they sign in like anyone else,
    /// yet row-level security keeps every office's records out of their reach.
    /// </summary>
    Platform,
}
