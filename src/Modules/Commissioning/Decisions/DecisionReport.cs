using RJCloud.Shared.Logging;
using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Commissioning.Decisions;

public enum DecisionStatus { Draft, Submitted, SignedByChiefExecutive, SignedByFinance, Agreed, NotAgreed }

/// <summary>How the chief finance officer certifies the costs are met.</summary>
public enum CostsMet { NoFinancialConsequence, ExistingBudgets, Reserves }

/// <summary>
/// A decision report in the office's template (Essex "085-21", Norfolk "2019/57"): drafted, submitted,
/// signed by the chief executive / monitoring officer, then the chief finance officer / treasurer,
/// then agreed or not by the commissioner in office. An edit voids every signature given before it.
/// </summary>
internal sealed class DecisionReport : ITenantOwned
{
    private DecisionReport() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Reference { get; private set; } = "";

    public DecisionStatus Status { get; private set; }

    public DecisionContent Content { get; private set; } = new();

    /// <summary>The commitments an agreement creates: money from budget lines to payees.</summary>
    public IReadOnlyList<FinancialRecommendation> Spending { get; private set; } = new List<FinancialRecommendation>();

    public Signature? ChiefExecutive { get; private set; }

    public Signature? Finance { get; private set; }

    public CostsMet? CostsMet { get; private set; }

    public Signature? Decider { get; private set; }

    public string? NotAgreedReasons { get; private set; }

    public bool? ForPublication { get; private set; }

    public string? NonPublicationReason { get; private set; }

    /// <summary>Passages to be removed from the published text, with why.</summary>
    public IReadOnlyList<Redaction> Redactions { get; private set; } = new List<Redaction>();

    public Signature? RedactionSignOff { get; private set; }

    public IReadOnlyList<DecisionEvent> History { get; private set; } = new List<DecisionEvent>();

    public Guid? CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static DecisionReport Draft(string reference, DecisionContent content, IReadOnlyList<FinancialRecommendation> spending, Guid? by, DateTimeOffset now)
    {
        var report = new DecisionReport
        {
            Id = Guid.CreateVersion7(now), Reference = reference, Status = DecisionStatus.Draft, Content = content,
            Spending = new List<FinancialRecommendation>(spending), CreatedBy = by, CreatedAt = now,
        };
        report.Log("drafted", by, now);
        return report;
    }

    public bool IsDecided => Status is DecisionStatus.Agreed or DecisionStatus.NotAgreed;

    /// <summary>Published once decided, marked for publication, and any redaction signed off.</summary>
    public bool IsPublished => IsDecided && ForPublication == true && (Redactions.Count == 0 || RedactionSignOff is not null);

    /// <summary>Changes the text; every signature given so far is void and the report goes back to be signed again.</summary>
    public void Edit(DecisionContent content, IReadOnlyList<FinancialRecommendation> spending, Guid? by, DateTimeOffset now)
    {
        Content = content;
        Spending = new List<FinancialRecommendation>(spending);
        if (ChiefExecutive is not null || Finance is not null) Log("signatures voided by an edit", by, now);
        (ChiefExecutive, Finance, CostsMet) = (null, null, null);
        if (Status != DecisionStatus.Draft) Status = DecisionStatus.Submitted;
        Log("edited", by, now);
    }

    public void Submit(Guid? by, DateTimeOffset now)
    {
        Status = DecisionStatus.Submitted;
        Log("submitted", by, now);
    }

    public void SignAsChiefExecutive(Signature signature, DateTimeOffset now)
    {
        ChiefExecutive = signature;
        Status = DecisionStatus.SignedByChiefExecutive;
        Log("signed by the chief executive", signature.UserId, now);
    }

    public void SignAsFinance(Signature signature, CostsMet costsMet, DateTimeOffset now)
    {
        Finance = signature;
        CostsMet = costsMet;
        Status = DecisionStatus.SignedByFinance;
        Log("signed by the chief finance officer", signature.UserId, now);
    }

    public void Decide(Signature signature, bool agreed, string? reasons, DateTimeOffset now)
    {
        Decider = signature;
        Status = agreed ? DecisionStatus.Agreed : DecisionStatus.NotAgreed;
        NotAgreedReasons = agreed ? null : reasons;
        Log(agreed ? "agreed" : "not agreed", signature.UserId, now);
    }

    public void SetPublication(bool forPublication, string? reason, IReadOnlyList<Redaction> redactions, Guid? by, DateTimeOffset now)
    {
        ForPublication = forPublication;
        NonPublicationReason = forPublication ? null : reason;
        Redactions = new List<Redaction>(forPublication ? redactions : []);
        RedactionSignOff = null;
        Log(forPublication ? $"marked for publication with {redactions.Count} redaction(s)" : "marked not for publication", by, now);
    }

    public void SignRedaction(Signature signature, DateTimeOffset now)
    {
        RedactionSignOff = signature;
        Log("redaction signed off", signature.UserId, now);
    }

    /// <summary>Who has signed so far in any role: the same person never signs twice.</summary>
    public bool HasSigned(Guid userId) => new[] { ChiefExecutive, Finance, Decider }.Any(s => s?.UserId == userId);

    private void Log(string what, Guid? by, DateTimeOffset now) => History = new List<DecisionEvent>(History) { new(what, by, now) };
}

/// <summary>The report's text, section by section, as the seed reports set it out.</summary>
internal sealed record DecisionContent
{
    public string Title { get; init; } = "";

    public string Area { get; init; } = "";

    [PersonalData]
    public string Author { get; init; } = "";

    public DateOnly ReportDate { get; init; }

    public string Classification { get; init; } = "Not protectively marked";

    public string Purpose { get; init; } = "";

    public string Recommendations { get; init; } = "";

    public string Benefits { get; init; } = "";

    public string Background { get; init; } = "";

    public string AlternativesRejected { get; init; } = "";

    public string PoliceAndCrimePlan { get; init; } = "";

    public string OperationalImplications { get; init; } = "";

    public string FinancialImplications { get; init; } = "";

    public string LegalImplications { get; init; } = "";

    public string StaffingImplications { get; init; } = "";

    public string EqualityImplications { get; init; } = "";

    public string Risks { get; init; } = "";

    public string Governance { get; init; } = "";

    public string BackgroundPapers { get; init; } = "";

    /// <summary>The originator checklist: each question with the originator's yes or no.</summary>
    public IReadOnlyList<ChecklistAnswer> Checklist { get; init; } = new List<ChecklistAnswer>();
}

internal sealed record ChecklistAnswer(string Question, bool Answer);

internal sealed record FinancialRecommendation(Guid BudgetLineId, string Payee, long AmountPence, string Description);

internal sealed record Signature(Guid UserId, string Name, DateTimeOffset At);

internal sealed record Redaction(string Passage, string Reason);

internal sealed record DecisionEvent(string What, Guid? By, DateTimeOffset At);
