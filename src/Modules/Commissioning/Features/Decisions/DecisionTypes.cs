using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Commissioning.Decisions;
using RJCloud.Modules.Commissioning.Features.Funding;
using RJCloud.Modules.Commissioning.Persistence;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.GraphQL.Scalars;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Commissioning.Features.Decisions;

internal static class DecisionLoaders
{
    public static IDataLoaderResult<DecisionReport?> ById(IServiceProvider services, Guid id) =>
        services.GetRequiredService<BatchLoaders>().ForOne<Guid, DecisionReport>("commissioning.decisionById", async (ids, ct) =>
            await services.GetRequiredService<CommissioningDbContext>().Decisions.AsNoTracking().Where(d => ids.Contains(d.Id))
                .ToDictionaryAsync(d => d.Id, d => (DecisionReport?)d, ct)).Load(id);
}

/// <summary>The published text: every section, with each redacted passage replaced.</summary>
internal static class PublishedText
{
    public const string Redacted = "[redacted]";

    public static IEnumerable<(string Heading, string Text)> Sections(DecisionContent c) =>
    [
        ("Purpose of the report", c.Purpose), ("Recommendations", c.Recommendations), ("Benefits of the proposal", c.Benefits),
        ("Background and proposal", c.Background), ("Alternative options considered and rejected", c.AlternativesRejected),
        ("Police and Crime Plan", c.PoliceAndCrimePlan), ("Police operational implications", c.OperationalImplications),
        ("Financial implications", c.FinancialImplications), ("Legal implications", c.LegalImplications), ("Staffing implications", c.StaffingImplications),
        ("Equality and diversity implications", c.EqualityImplications), ("Risks", c.Risks), ("Governance boards", c.Governance),
        ("Background papers", c.BackgroundPapers),
    ];

    public static string Of(DecisionReport report) =>
        report.Redactions.Aggregate(
            string.Join("\n\n", Sections(report.Content).Where(s => s.Text.Length > 0).Select(s => $"{s.Heading}\n{s.Text}")),
            (text, redaction) => text.Replace(redaction.Passage, Redacted, StringComparison.Ordinal));

    public static bool Contains(DecisionReport report, string passage) =>
        Sections(report.Content).Any(s => s.Text.Contains(passage, StringComparison.Ordinal)) || report.Content.Title.Contains(passage, StringComparison.Ordinal);
}

internal sealed class DecisionReportType : NodeGraphType<DecisionReport>
{
    public new const string Name = "DecisionReport";

    public DecisionReportType() : base(Name, d => d.Id)
    {
        Description = "A decision report in the office's template, through its sign-off workflow.";
        this.Authorize(CommissioningAccess.Readers);
        Field(d => d.Reference).Description("In the office's own format, e.g. \"085-21\" or \"2019/57\".");
        Field<NonNullGraphType<EnumerationGraphType<DecisionStatus>>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<DecisionContentType>>("content").Resolve(c => c.Source.Content);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecommendationType>>>>("spending")
            .Description("The commitments agreeing it creates.").Resolve(c => c.Source.Spending);
        Field<SignatureType>("chiefExecutiveSignature").Resolve(c => c.Source.ChiefExecutive);
        Field<SignatureType>("financeSignature").Resolve(c => c.Source.Finance);
        Field<EnumerationGraphType<CostsMet>>("costsMet").Description("How the chief finance officer certified the costs are met.").Resolve(c => c.Source.CostsMet);
        Field<SignatureType>("decision").Description("The commissioner in office's signature, agreeing or not.").Resolve(c => c.Source.Decider);
        Field(d => d.NotAgreedReasons, nullable: true);
        Field(d => d.ForPublication, nullable: true);
        Field(d => d.NonPublicationReason, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RedactionType>>>>("redactions").Resolve(c => c.Source.Redactions);
        Field<SignatureType>("redactionSignOff").Resolve(c => c.Source.RedactionSignOff);
        Field<NonNullGraphType<BooleanGraphType>>("published").Description("Decided, for publication, and any redaction signed off.").Resolve(c => c.Source.IsPublished);
        Field<NonNullGraphType<StringGraphType>>("publishedText").Description("The text as the public sees it, with redacted passages removed.")
            .Resolve(c => PublishedText.Of(c.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DecisionEventType>>>>("history").Description("Every step, oldest first.").Resolve(c => c.Source.History);
    }
}

internal sealed class DecisionContentType : ObjectGraphType<DecisionContent>
{
    public DecisionContentType()
    {
        Name = "DecisionContent";
        foreach (var name in new[] { "title", "area", "author", "classification", "purpose", "recommendations", "benefits", "background", "alternativesRejected",
                     "policeAndCrimePlan", "operationalImplications", "financialImplications", "legalImplications", "staffingImplications", "equalityImplications",
                     "risks", "governance", "backgroundPapers" })
        {
            var property = typeof(DecisionContent).GetProperty(char.ToUpperInvariant(name[0]) + name[1..])!;
            Field<NonNullGraphType<StringGraphType>>(name).Resolve(c => property.GetValue(c.Source));
        }
        Field(c => c.ReportDate);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChecklistAnswerType>>>>("checklist").Resolve(c => c.Source.Checklist);
    }
}

internal sealed class ChecklistAnswerType : ObjectGraphType<ChecklistAnswer>
{
    public ChecklistAnswerType()
    {
        Name = "ChecklistAnswer";
        Field(a => a.Question);
        Field(a => a.Answer);
    }
}

internal sealed class RecommendationType : ObjectGraphType<FinancialRecommendation>
{
    public RecommendationType()
    {
        Name = "FinancialRecommendation";
        Field<NonNullGraphType<BudgetLineType>>("budgetLine").Resolve(c => MoneyLoaders.Line(c.RequestServices!, c.Source.BudgetLineId));
        Field(r => r.Payee);
        Field<NonNullGraphType<MoneyGraphType>>("amount").Resolve(c => Amounts.Of(c.Source.AmountPence));
        Field(r => r.Description);
    }
}

internal sealed class SignatureType : ObjectGraphType<Signature>
{
    public SignatureType()
    {
        Name = "Signature";
        Field(s => s.Name).Description("As printed under the signature.");
        Field(s => s.At);
    }
}

internal sealed class RedactionType : ObjectGraphType<Redaction>
{
    public RedactionType()
    {
        Name = "Redaction";
        Field(r => r.Passage);
        Field(r => r.Reason);
    }
}

internal sealed class DecisionEventType : ObjectGraphType<DecisionEvent>
{
    public DecisionEventType()
    {
        Name = "DecisionEvent";
        Field(e => e.What);
        Field(e => e.At);
    }
}

internal sealed class DecisionNodes : INodeResolver
{
    public string TypeName => DecisionReportType.Name;

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services) =>
        Actor.Of(services).IsInAnyRole(CommissioningAccess.Readers) ? DecisionLoaders.ById(services, id).AsObject() : DataLoaderResults.Nothing;
}

internal sealed record DecisionPayload : Payload
{
    public Guid? DecisionId { get; init; }

    public IReadOnlyList<Guid> CommitmentIds { get; init; } = [];

    public override IReadOnlyList<Guid> AuditRecordIds => DecisionId is { } id ? [id, .. CommitmentIds] : [];

    public static DecisionPayload Refuse(params UserError[] errors) => new() { UserErrors = errors };
}

internal sealed class DecisionPayloadType : PayloadGraphType<DecisionPayload>
{
    public DecisionPayloadType() : base("DecisionReportPayload")
    {
        Field<DecisionReportType>("decisionReport").Resolve(c => c.Source.DecisionId is { } id ? DecisionLoaders.ById(c.RequestServices!, id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LedgerEntryType>>>>("commitments").Description("Created by agreeing it.")
            .Resolve(c => DataLoaderResults.WhenAll(c.Source.CommitmentIds.Select(id => (IDataLoaderResult<RJCloud.Modules.Commissioning.Ledger.LedgerEntry?>?)MoneyLoaders.Entry(c.RequestServices!, id)).ToList())
                .Then(entries => entries.OfType<RJCloud.Modules.Commissioning.Ledger.LedgerEntry>().ToList()));
    }
}
