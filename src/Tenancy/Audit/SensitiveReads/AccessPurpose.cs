namespace RJCloud.Tenancy.Audit.SensitiveReads;

/// <summary>Why someone opened a record holding special-category data; stated on every such request.</summary>
public enum AccessPurpose
{
    /// <summary>Working the case: screening, contact, preparation, conference, follow-up.</summary>
    CaseWork,

    /// <summary>A safeguarding concern about a participant or someone else.</summary>
    Safeguarding,

    /// <summary>A manager's or supervisor's oversight of a practitioner's case.</summary>
    Supervision,

    /// <summary>Quality assurance or case file audit.</summary>
    QualityAssurance,

    /// <summary>Investigating a complaint.</summary>
    Complaint,

    /// <summary>Answering a subject access or other data protection request.</summary>
    DataProtectionRequest,
}
