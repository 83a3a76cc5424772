using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Commissioning.Decisions;
using RJCloud.Modules.Commissioning.Features.Funding;
using RJCloud.Modules.Commissioning.Ledger;
using RJCloud.Modules.Commissioning.Persistence;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.GraphQL.Scalars;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Time;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Identity.People;
using Pounds = RJCloud.Shared.Money.Money;

namespace RJCloud.Modules.Commissioning.Features.Decisions;

public enum SigningAs { ChiefExecutive, ChiefFinanceOfficer }

/// <summary>
/// Decision reports through their workflow: drafted, submitted, signed by the chief executive and then
/// the chief finance officer, decided by the commissioner in office; publication and redaction.
/// Agreeing a report with spending creates its commitments in the same transaction.
/// </summary>
internal sealed class DecisionFields(TimeProvider clock) : ISchemaContributor
{
    private static readonly string[] Signatories = [Roles.ChiefExecutive, Roles.ChiefFinanceOfficer];

    public void AddQueries(ObjectGraphType query) =>
        query.ConnectionField<object?, DecisionReportType>("decisionReports")
            .Description("The office's decision reports, newest first.")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<DecisionStatus>>>>("status", "Any of these statuses.")
            .Authorize(CommissioningAccess.Readers)
            .ResolveAsync(async context =>
            {
                var reports = context.RequestServices!.GetRequiredService<CommissioningDbContext>().Decisions.AsNoTracking();
                if (context.GetArgument<List<DecisionStatus>?>("status") is { Count: > 0 } statuses) reports = reports.Where(d => statuses.Contains(d.Status));
                return await reports.ToConnectionAsync(d => d.Id, context.GetPage(), context.CancellationToken, newestFirst: true);
            });

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Mutation<DecisionPayloadType, DraftDecisionInputType, DecisionPayload>("draftDecisionReport",
                "Drafts a decision report in the office's template, with the spending it recommends.")
            .Authorize(CommissioningAccess.Drafters)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var db = Db(context);
                var errors = new List<UserError>();
                var reference = ((string?)input["reference"])?.Trim() ?? "";
                if (reference.Length is 0 or > 32) errors.Add(UserError.For("REQUIRED", "Give the report's reference in the office's format (e.g. 085-21), at most 32 characters.", "input", "reference"));
                else if (await db.Decisions.AnyAsync(d => d.Reference == reference, context.CancellationToken))
                    errors.Add(UserError.For("DUPLICATE", "There is already a decision report with this reference.", "input", "reference"));
                var content = ReadContent(input, errors);
                var spending = await ReadSpendingAsync(db, input, errors, context.CancellationToken);
                if (errors.Count > 0) return DecisionPayload.Refuse([.. errors]);
                var report = DecisionReport.Draft(reference, content, spending, CommissioningAccess.UserId(context.RequestServices!), clock.GetUtcNow());
                db.Decisions.Add(report);
                await db.SaveChangesAsync(context.CancellationToken);
                return new DecisionPayload { DecisionId = report.Id };
            });

        mutation.Mutation<DecisionPayloadType, EditDecisionInputType, DecisionPayload>("editDecisionReport",
                "Changes the report's text or spending before it is decided. Every signature already given is void, and the report is signed again.")
            .Authorize(CommissioningAccess.Drafters)
            .ResolveAsync(context => ActAsync(context, async (db, report, input) =>
            {
                if (report.IsDecided) return Refusal("DECIDED", "A decided report is not edited.");
                var errors = new List<UserError>();
                var content = ReadContent(input, errors);
                var spending = await ReadSpendingAsync(db, input, errors, context.CancellationToken);
                if (errors.Count > 0) return errors;
                report.Edit(content, spending, CommissioningAccess.UserId(context.RequestServices!), clock.GetUtcNow());
                return [];
            }));

        mutation.Mutation<DecisionPayloadType, DecisionIdInputType, DecisionPayload>("submitDecisionReport", "Submits a draft for signature.")
            .Authorize(CommissioningAccess.Drafters)
            .ResolveAsync(context => ActAsync(context, (_, report, _) =>
            {
                if (report.Status != DecisionStatus.Draft) return Task.FromResult(Refusal("NOT_DRAFT", "Only a draft is submitted."));
                report.Submit(CommissioningAccess.UserId(context.RequestServices!), clock.GetUtcNow());
                return Task.FromResult<List<UserError>>([]);
            }));

        mutation.Mutation<DecisionPayloadType, SignDecisionInputType, DecisionPayload>("signDecisionReport",
                "Signs a submitted report: first the chief executive / monitoring officer, then the chief finance officer / treasurer, who certifies how the costs are met. Nobody signs in two roles.")
            .Authorize(Signatories)
            .ResolveAsync(context => ActAsync(context, async (_, report, input) =>
            {
                var capacity = (SigningAs)input["as"]!;
                var actor = Actor.Of(context.RequestServices!);
                var role = capacity == SigningAs.ChiefExecutive ? Roles.ChiefExecutive : Roles.ChiefFinanceOfficer;
                if (!actor.IsInRole(role)) return Refusal("NOT_YOUR_ROLE", $"Only the office's {role.Replace('_', ' ')} signs in this capacity.", "as");
                if (await SignatureAsync(context) is not { } signature) return Refusal("NOT_A_PERSON", "Only a person signs.");
                if (report.HasSigned(signature.UserId)) return Refusal("ALREADY_SIGNED", "You have already signed this report in another role; someone else signs in this one.");
                if (capacity == SigningAs.ChiefExecutive)
                {
                    if (report.Status != DecisionStatus.Submitted) return Refusal("OUT_OF_ORDER", "The chief executive signs a submitted report, before finance.");
                    report.SignAsChiefExecutive(signature, clock.GetUtcNow());
                    return [];
                }
                if (report.Status != DecisionStatus.SignedByChiefExecutive) return Refusal("OUT_OF_ORDER", "Finance signs after the chief executive.");
                if (input.GetValueOrDefault("costsMet") is not CostsMet costs) return Refusal("REQUIRED", "Certify how the costs are met.", "costsMet");
                if (costs == CostsMet.NoFinancialConsequence && report.Spending.Count > 0)
                    return Refusal("HAS_SPENDING", "The report recommends spending, so it has financial consequences.", "costsMet");
                report.SignAsFinance(signature, costs, clock.GetUtcNow());
                return [];
            }));

        mutation.Mutation<DecisionPayloadType, DecideInputType, DecisionPayload>("decideDecisionReport",
                "The commissioner in office agrees the recommendations, or does not with reasons. Agreeing creates the report's commitments.")
            .Authorize(Roles.CommissionerInOffice)
            .ResolveAsync(async context =>
            {
                var created = new List<Guid>();
                var payload = await ActAsync(context, async (db, report, input) =>
                {
                    if (report.Status != DecisionStatus.SignedByFinance) return Refusal("NOT_SIGNED", "A report is decided once the chief executive and finance have signed it.");
                    if (await SignatureAsync(context) is not { } signature) return Refusal("NOT_A_PERSON", "Only a person decides.");
                    if (report.HasSigned(signature.UserId)) return Refusal("ALREADY_SIGNED", "You signed this report in another role; someone else decides it.");
                    var agree = (bool)input["agree"]!;
                    var reasons = ((string?)input.GetValueOrDefault("reasons"))?.Trim();
                    if (!agree && reasons is not { Length: > 0 and <= 4000 }) return Refusal("REQUIRED", "Say why the recommendations are not agreed, at most 4,000 characters.", "reasons");
                    report.Decide(signature, agree, reasons, clock.GetUtcNow());
                    if (agree)
                        foreach (var spend in report.Spending)
                        {
                            var commitment = LedgerEntry.Record(EntryKind.Commitment, spend.BudgetLineId, spend.AmountPence, clock.Today(), spend.Payee, report.Reference,
                                spend.Description, null, report.Id, signature.UserId, clock.GetUtcNow());
                            db.Ledger.Add(commitment);
                            created.Add(commitment.Id);
                        }
                    return [];
                });
                return payload! with { CommitmentIds = payload!.UserErrors.Count == 0 ? created : [] };
            });

        mutation.Mutation<DecisionPayloadType, PublicationInputType, DecisionPayload>("setDecisionPublication",
                "Says whether the report is published (with the reason when not) and which passages are redacted; redactions then need their own sign-off.")
            .Authorize([.. CommissioningAccess.Drafters, Roles.ChiefExecutive])
            .ResolveAsync(context => ActAsync(context, (_, report, input) =>
            {
                var publish = (bool)input["forPublication"]!;
                var reason = ((string?)input.GetValueOrDefault("reason"))?.Trim();
                if (!publish && reason is not { Length: > 0 and <= 4000 })
                    return Task.FromResult(Refusal("REQUIRED", "Give the reason for not publishing (cite the security classification where relevant).", "reason"));
                var redactions = ((IEnumerable<object?>?)input.GetValueOrDefault("redactions") ?? []).Cast<Dictionary<string, object?>>()
                    .Select(r => new Redaction(((string?)r["passage"])?.Trim() ?? "", ((string?)r["reason"])?.Trim() ?? "")).ToList();
                var errors = new List<UserError>();
                for (var i = 0; i < redactions.Count; i++)
                {
                    if (redactions[i].Passage.Length == 0 || !PublishedText.Contains(report, redactions[i].Passage))
                        errors.Add(UserError.For("PASSAGE_NOT_FOUND", "Quote the passage exactly as it appears in the report.", "input", "redactions", i.ToString(), "passage"));
                    if (redactions[i].Reason.Length is 0 or > 1000)
                        errors.Add(UserError.For("REQUIRED", "Say why it is redacted, at most 1,000 characters.", "input", "redactions", i.ToString(), "reason"));
                }
                if (errors.Count > 0) return Task.FromResult(errors);
                report.SetPublication(publish, reason, redactions, CommissioningAccess.UserId(context.RequestServices!), clock.GetUtcNow());
                return Task.FromResult<List<UserError>>([]);
            }));

        mutation.Mutation<DecisionPayloadType, DecisionIdInputType, DecisionPayload>("signDecisionRedaction",
                "The chief executive or treasurer signs off that the redaction has been carried out; the report is then published.")
            .Authorize(Signatories)
            .ResolveAsync(context => ActAsync(context, async (_, report, _) =>
            {
                if (report.ForPublication != true || report.Redactions.Count == 0) return Refusal("NOTHING_TO_SIGN", "The report has no redactions to sign off.");
                if (report.RedactionSignOff is not null) return Refusal("ALREADY_SIGNED", "The redaction is already signed off.");
                if (await SignatureAsync(context) is not { } signature) return Refusal("NOT_A_PERSON", "Only a person signs.");
                report.SignRedaction(signature, clock.GetUtcNow());
                return [];
            }));
    }

    private static CommissioningDbContext Db(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<CommissioningDbContext>();

    private static List<UserError> Refusal(string code, string message, string? field = null) =>
        [field is null ? UserError.For(code, message, "input", "decisionId") : UserError.For(code, message, "input", field)];

    private static async Task<Signature?> SignatureAsync(IResolveFieldContext context)
    {
        if (CommissioningAccess.UserId(context.RequestServices!) is not { } userId) return null;
        var people = await context.RequestServices!.GetRequiredService<IPeopleDirectory>().FindAsync([userId], context.CancellationToken);
        return people.TryGetValue(userId, out var person)
            ? new Signature(userId, person.DisplayName, context.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow())
            : null;
    }

    /// <summary>Finds the report the input names, lets the step act on it, and saves; any refusal changes nothing.</summary>
    private static async Task<DecisionPayload?> ActAsync(IResolveFieldContext context,
        Func<CommissioningDbContext, DecisionReport, Dictionary<string, object?>, Task<List<UserError>>> act)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var db = Db(context);
        var id = GlobalId.DecodeFor(DecisionReportType.Name, input["decisionId"]?.ToString());
        if (id is null || await db.Decisions.FirstOrDefaultAsync(d => d.Id == id, context.CancellationToken) is not { } report)
            return DecisionPayload.Refuse(UserError.For("NOT_FOUND", "There is no decision report with this id.", "input", "decisionId"));
        var errors = await act(db, report, input);
        if (errors.Count > 0) return DecisionPayload.Refuse([.. errors]);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DecisionPayload.Refuse(UserError.For("CHANGED_MEANWHILE", "Someone else acted on this report at the same moment; look at it again.", "input", "decisionId"));
        }
        return new DecisionPayload { DecisionId = report.Id };
    }

    private static DecisionContent ReadContent(Dictionary<string, object?> input, List<UserError> errors)
    {
        string Text(string field, int max, bool required = false)
        {
            var value = ((string?)input.GetValueOrDefault(field))?.Trim() ?? "";
            if (required && value.Length == 0) errors.Add(UserError.For("REQUIRED", $"The report needs its {Words(field)}.", "input", field));
            else if (value.Length > max) errors.Add(UserError.For("TOO_LONG", $"The {Words(field)} is at most {max:N0} characters.", "input", field));
            return value;
        }
        var checklist = ((IEnumerable<object?>?)input.GetValueOrDefault("checklist") ?? []).Cast<Dictionary<string, object?>>()
            .Select(a => new ChecklistAnswer(((string?)a["question"])?.Trim() ?? "", (bool)a["answer"]!)).ToList();
        if (checklist.Count > 20 || checklist.Any(a => a.Question.Length is 0 or > 500))
            errors.Add(UserError.For("INVALID", "The checklist has at most 20 questions, each 1 to 500 characters.", "input", "checklist"));
        return new DecisionContent
        {
            Title = Text("title", 300, required: true), Area = Text("area", 300), Author = Text("author", 200, required: true),
            ReportDate = (DateOnly)input["reportDate"]!, Classification = Text("classification", 100) is { Length: > 0 } c ? c : "Not protectively marked",
            Purpose = Text("purpose", 20000, required: true), Recommendations = Text("recommendations", 20000, required: true), Benefits = Text("benefits", 20000),
            Background = Text("background", 40000), AlternativesRejected = Text("alternativesRejected", 20000), PoliceAndCrimePlan = Text("policeAndCrimePlan", 20000),
            OperationalImplications = Text("operationalImplications", 20000), FinancialImplications = Text("financialImplications", 20000),
            LegalImplications = Text("legalImplications", 20000), StaffingImplications = Text("staffingImplications", 20000),
            EqualityImplications = Text("equalityImplications", 20000), Risks = Text("risks", 20000), Governance = Text("governance", 20000),
            BackgroundPapers = Text("backgroundPapers", 20000), Checklist = checklist,
        };
    }

    private static string Words(string field) => string.Concat(field.Select(ch => char.IsUpper(ch) ? " " + char.ToLowerInvariant(ch) : ch.ToString()));

    private static async Task<List<FinancialRecommendation>> ReadSpendingAsync(CommissioningDbContext db, Dictionary<string, object?> input, List<UserError> errors,
        CancellationToken cancellationToken)
    {
        var items = ((IEnumerable<object?>?)input.GetValueOrDefault("spending") ?? []).Cast<Dictionary<string, object?>>().ToList();
        var spending = new List<FinancialRecommendation>();
        for (var i = 0; i < items.Count; i++)
        {
            var lineId = GlobalId.DecodeFor(BudgetLineType.Name, items[i]["budgetLineId"]?.ToString());
            if (lineId is null || !await db.BudgetLines.AnyAsync(l => l.Id == lineId, cancellationToken))
                errors.Add(UserError.For("NOT_FOUND", "There is no budget line with this id.", "input", "spending", i.ToString(), "budgetLineId"));
            var payee = ((string?)items[i]["payee"])?.Trim() ?? "";
            if (payee.Length is 0 or > 200) errors.Add(UserError.For("REQUIRED", "Name the payee, at most 200 characters.", "input", "spending", i.ToString(), "payee"));
            var pence = Amounts.Pence((Pounds)items[i]["amount"]!);
            if (pence <= 0) errors.Add(UserError.For("INVALID_AMOUNT", "The amount is more than £0.", "input", "spending", i.ToString(), "amount"));
            var description = ((string?)items[i].GetValueOrDefault("description"))?.Trim() ?? "";
            spending.Add(new FinancialRecommendation(lineId ?? Guid.Empty, payee, pence, description));
        }
        return spending;
    }
}

internal sealed class DecisionIdInputType : InputObjectGraphType
{
    public DecisionIdInputType()
    {
        Name = "DecisionReportIdInput";
        Field<NonNullGraphType<IdGraphType>>("decisionId");
    }
}

internal abstract class DecisionContentInputFields : InputObjectGraphType
{
    protected void AddContent()
    {
        Field<NonNullGraphType<StringGraphType>>("title");
        Field<StringGraphType>("area").Description("Area of the county / stakeholders affected.");
        Field<NonNullGraphType<StringGraphType>>("author").Description("Report by.");
        Field<NonNullGraphType<DateOnlyGraphType>>("reportDate");
        Field<StringGraphType>("classification").Description("e.g. \"Not protectively marked\" (the default).");
        foreach (var name in new[] { "purpose", "recommendations" }) Field<NonNullGraphType<StringGraphType>>(name);
        foreach (var name in new[] { "benefits", "background", "alternativesRejected", "policeAndCrimePlan", "operationalImplications", "financialImplications",
                     "legalImplications", "staffingImplications", "equalityImplications", "risks", "governance", "backgroundPapers" })
            Field<StringGraphType>(name);
        Field<ListGraphType<NonNullGraphType<ChecklistAnswerInputType>>>("checklist").Description("The originator checklist.");
        Field<ListGraphType<NonNullGraphType<RecommendationInputType>>>("spending").Description("What agreeing the report commits, from which budget lines to whom.");
    }
}

internal sealed class DraftDecisionInputType : DecisionContentInputFields
{
    public DraftDecisionInputType()
    {
        Name = "DraftDecisionReportInput";
        Field<NonNullGraphType<StringGraphType>>("reference").Description("In the office's own format, e.g. \"085-21\" or \"2019/57\".");
        AddContent();
    }
}

internal sealed class EditDecisionInputType : DecisionContentInputFields
{
    public EditDecisionInputType()
    {
        Name = "EditDecisionReportInput";
        Field<NonNullGraphType<IdGraphType>>("decisionId");
        AddContent();
    }
}

internal sealed class ChecklistAnswerInputType : InputObjectGraphType
{
    public ChecklistAnswerInputType()
    {
        Name = "ChecklistAnswerInput";
        Field<NonNullGraphType<StringGraphType>>("question");
        Field<NonNullGraphType<BooleanGraphType>>("answer");
    }
}

internal sealed class RecommendationInputType : InputObjectGraphType
{
    public RecommendationInputType()
    {
        Name = "FinancialRecommendationInput";
        Field<NonNullGraphType<IdGraphType>>("budgetLineId");
        Field<NonNullGraphType<StringGraphType>>("payee");
        Field<NonNullGraphType<MoneyGraphType>>("amount");
        Field<StringGraphType>("description");
    }
}

internal sealed class SignDecisionInputType : InputObjectGraphType
{
    public SignDecisionInputType()
    {
        Name = "SignDecisionReportInput";
        Field<NonNullGraphType<IdGraphType>>("decisionId");
        Field<NonNullGraphType<EnumerationGraphType<SigningAs>>>("as");
        Field<EnumerationGraphType<CostsMet>>("costsMet").Description("Finance only: how the costs are met.");
    }
}

internal sealed class DecideInputType : InputObjectGraphType
{
    public DecideInputType()
    {
        Name = "DecideDecisionReportInput";
        Field<NonNullGraphType<IdGraphType>>("decisionId");
        Field<NonNullGraphType<BooleanGraphType>>("agree");
        Field<StringGraphType>("reasons").Description("Why not, when not agreed.");
    }
}

internal sealed class PublicationInputType : InputObjectGraphType
{
    public PublicationInputType()
    {
        Name = "SetDecisionPublicationInput";
        Field<NonNullGraphType<IdGraphType>>("decisionId");
        Field<NonNullGraphType<BooleanGraphType>>("forPublication");
        Field<StringGraphType>("reason").Description("Why not, when not for publication.");
        Field<ListGraphType<NonNullGraphType<RedactionInputType>>>("redactions");
    }
}

internal sealed class RedactionInputType : InputObjectGraphType
{
    public RedactionInputType()
    {
        Name = "RedactionInput";
        Field<NonNullGraphType<StringGraphType>>("passage").Description("Quoted exactly as it appears in the report.");
        Field<NonNullGraphType<StringGraphType>>("reason");
    }
}
