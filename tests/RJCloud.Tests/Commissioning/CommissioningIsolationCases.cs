using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Commissioning.Decisions;
using RJCloud.Modules.Commissioning.Ledger;
using RJCloud.Modules.Commissioning.Money;
using RJCloud.Modules.Commissioning.Persistence;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tests.Isolation.Matrix;

namespace RJCloud.Tests.Commissioning;

/// <summary>Commissioning in the isolation matrix: A's funding, budgets, ledger and decisions are out of B's reach.</summary>
public sealed class CommissioningIsolationCases : IIsolationCases
{
    private const string Stream = "Office A's secret funding stream";
    private const string BudgetName = "Office A's budget 2026-27";
    private const string Payee = "Office A's consultant payee";
    private const string Reference = "A-777-26";
    private const string Title = "Office A's decision title";
    private Guid streamId, allocationId, lineId, commitmentId, invoiceId, paymentId, decisionId, contractId, kpiId;
    private const string Provider = "Office A's provider charity";

    public async Task SeedAsync(OfficeA a)
    {
        a.Remember(Stream, BudgetName, Payee, Reference, Title, "Office A's budget line", Provider, "Office A's IDVA service", "Office A's KPI measure");
        await a.App.InOfficeAsync(a.Identifier, async services =>
        {
            var db = services.GetRequiredService<CommissioningDbContext>();
            var now = DateTimeOffset.UtcNow;
            var stream = FundingStream.Add(Stream, FundingKind.MojVictimsGrant, now);
            var allocation = Allocation.Record(stream.Id, new FinancialYear(2026), 1_000_00, null, now);
            var budget = Budget.Create(BudgetName, new FinancialYear(2026), now);
            var line = BudgetLine.Add(budget.Id, LineCategory.Consultants, "Office A's budget line", 1_000_00, 0, now);
            var report = DecisionReport.Draft(Reference, new DecisionContent { Title = Title, Author = "A", Purpose = "p", Recommendations = "r" }, [], null, now);
            report.Submit(null, now);
            report.SignAsChiefExecutive(new Signature(Guid.CreateVersion7(), "A's chief executive", now), now);
            report.SignAsFinance(new Signature(Guid.CreateVersion7(), "A's treasurer", now), CostsMet.ExistingBudgets, now);
            report.Decide(new Signature(Guid.CreateVersion7(), "A's commissioner", now), true, null, now);
            report.SetPublication(true, null, [], null, now);
            var commitment = LedgerEntry.Record(EntryKind.Commitment, line.Id, 900_00, new DateOnly(2026, 5, 1), Payee, Reference, "A's work", null, report.Id, null, now);
            var invoice = LedgerEntry.Record(EntryKind.Invoice, line.Id, 900_00, new DateOnly(2026, 5, 2), Payee, "A-INV-1", "", commitment.Id, report.Id, null, now);
            var payment = LedgerEntry.Record(EntryKind.Payment, line.Id, 900_00, new DateOnly(2026, 5, 3), Payee, "A-PAY-1", "", invoice.Id, report.Id, null, now);
            db.FundingStreams.Add(stream);
            db.Allocations.Add(allocation);
            db.Budgets.Add(budget);
            db.BudgetLines.Add(line);
            db.BudgetFunding.Add(BudgetFunding.From(budget.Id, allocation.Id, 1_000_00, now));
            db.Decisions.Add(report);
            db.Ledger.AddRange(commitment, invoice, payment);
            var provider = RJCloud.Modules.Commissioning.Contracts.Provider.Register(Provider, now);
            var contract = RJCloud.Modules.Commissioning.Contracts.Contract.Let(provider.Id, "Office A's IDVA service", new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31),
                50_000_00, RJCloud.Modules.Commissioning.Contracts.PaymentSchedule.Quarterly, report.Id, now);
            var kpi = RJCloud.Modules.Commissioning.Contracts.Kpi.Define(contract.Id, "Office A's KPI measure", 50, 0, now);
            kpi.Report("2026-27", 66, now);
            db.Providers.Add(provider);
            db.Contracts.Add(contract);
            db.Kpis.Add(kpi);
            (contractId, kpiId) = (contract.Id, kpi.Id);
            a.Owns("Contract", contract.Id);
            await db.SaveChangesAsync();
            (streamId, allocationId, lineId, decisionId) = (stream.Id, allocation.Id, line.Id, report.Id);
            (commitmentId, invoiceId, paymentId) = (commitment.Id, invoice.Id, payment.Id);
            a.Owns("FundingStream", stream.Id);
            a.Owns("Allocation", allocation.Id);
            a.Owns("Budget", budget.Id);
            a.Owns("BudgetLine", line.Id);
            a.Owns("LedgerEntry", commitment.Id);
            a.Owns("LedgerEntry", payment.Id);
            a.Owns("DecisionReport", report.Id);
            return true;
        });
    }

    public IEnumerable<IsolationCase> Cases =>
    [
        new Listing("Query.fundingStreams"),
        new Listing("Query.budgets"),
        new Listing("Query.decisionReports"),
        new Listing("Query.transparency"),
        new Probe("Mutation.addFundingStream", "A's stream name is free for B", () => AddStream(Stream), () => AddStream("B's own stream")) { Minted = ["id", "name"] },
        new Probe("Mutation.recordAllocation", "A's stream is not found, as one that does not exist",
            () => Allocate(streamId), () => Allocate(Guid.CreateVersion7())) { UserError = "NOT_FOUND" },
        new Probe("Mutation.createBudget", "A's allocation is not found, as one that does not exist",
            () => CreateBudget(allocationId), () => CreateBudget(Guid.CreateVersion7())) { UserError = "NOT_FOUND" },
        new Probe("Mutation.recordCommitment", "A's budget line is not found, as one that does not exist",
            () => Commit(lineId), () => Commit(Guid.CreateVersion7())) { UserError = "NOT_FOUND" },
        new Probe("Mutation.recordInvoice", "A's commitment is not found, as one that does not exist",
            () => Invoice(commitmentId), () => Invoice(Guid.CreateVersion7())) { UserError = "NOT_FOUND" },
        new Probe("Mutation.recordPayment", "A's invoice is not found, as one that does not exist",
            () => Pay(invoiceId), () => Pay(Guid.CreateVersion7())) { UserError = "NOT_FOUND" },
        new Probe("Mutation.reverseLedgerEntry", "A's payment is not found, as one that does not exist",
            () => Reverse(paymentId), () => Reverse(Guid.CreateVersion7())) { UserError = "NOT_FOUND" },
        new Probe("Mutation.draftDecisionReport", "A's reference is free for B's own numbering",
            () => Draft(Reference), () => Draft("B-001-26")) { Minted = ["id", "reference", "at"] },
        new Probe("Mutation.editDecisionReport", "A's decision is not found, as one that does not exist",
            () => Edit(decisionId), () => Edit(Guid.CreateVersion7())) { UserError = "NOT_FOUND" },
        new Probe("Mutation.submitDecisionReport", "A's decision is not found, as one that does not exist",
            () => Id(decisionId), () => Id(Guid.CreateVersion7())) { UserError = "NOT_FOUND" },
        new Probe("Mutation.signDecisionReport", "A's decision is not found, as one that does not exist",
            () => Sign(decisionId), () => Sign(Guid.CreateVersion7())) { UserError = "NOT_FOUND" },
        new Probe("Mutation.decideDecisionReport", "A's decision is not found, as one that does not exist",
            () => Decide(decisionId), () => Decide(Guid.CreateVersion7())) { UserError = "NOT_FOUND" },
        new Probe("Mutation.setDecisionPublication", "A's decision is not found, as one that does not exist",
            () => Publish(decisionId), () => Publish(Guid.CreateVersion7())) { UserError = "NOT_FOUND" },
        new Probe("Mutation.signDecisionRedaction", "A's decision is not found, as one that does not exist",
            () => Id(decisionId), () => Id(Guid.CreateVersion7())) { UserError = "NOT_FOUND" },
        new Listing("Query.contracts"),
        new Listing("Query.volunteerExpenseLines"),
        new Probe("Query.spendReport", "B's report for A's year shows B's money only: the same as for a year nobody has money in",
            () => new { financialYear = "2026-27" }, () => new { financialYear = "2026-27" }),
        new Probe("Mutation.recordContract", "A's provider name is free for B, and makes B's own provider",
            () => Contract(Provider), () => Contract("B's provider")) { Minted = ["id", "provider"] },
        new Probe("Mutation.extendContract", "A's contract is not found, as one that does not exist",
            () => Extend(contractId), () => Extend(Guid.CreateVersion7())) { UserError = "NOT_FOUND" },
        new Probe("Mutation.defineKpi", "A's contract is not found, as one that does not exist",
            () => Kpi(contractId), () => Kpi(Guid.CreateVersion7())) { UserError = "NOT_FOUND" },
        new Probe("Mutation.reportKpiActual", "A's KPI is not found, as one that does not exist",
            () => Actual(kpiId), () => Actual(Guid.CreateVersion7())) { UserError = "NOT_FOUND" },
        new NodeCase("Contract", OwnerView.Nobody),
        new NodeCase("FundingStream", OwnerView.Nobody),
        new NodeCase("Allocation", OwnerView.Nobody),
        new NodeCase("Budget", OwnerView.Nobody),
        new NodeCase("BudgetLine", OwnerView.Nobody),
        new NodeCase("LedgerEntry", OwnerView.Nobody),
        new NodeCase("DecisionReport", OwnerView.Nobody),
    ];

    private static string Gid(string type, Guid id) => GlobalId.Encode(type, id);

    private static object Contract(string provider) => new
    {
        input = new { provider, service = "B's service", startsOn = "2026-04-01", endsOn = "2027-03-31", value = "20000.00", paymentSchedule = "MONTHLY" },
    };

    private static object Extend(Guid contract) => new { input = new { contractId = Gid("Contract", contract), endsOn = "2028-03-31", reason = "B's reason" } };

    private static object Kpi(Guid contract) => new { input = new { contractId = Gid("Contract", contract), measure = "B's measure", targetPercent = 50 } };

    private static object Actual(Guid kpi) => new { input = new { kpiId = Gid("Kpi", kpi), period = "2026-27", actualPercent = 60 } };

    private static object AddStream(string name) => new { input = new { name, kind = "PCC_CORE" } };

    private static object Allocate(Guid stream) => new { input = new { fundingStreamId = Gid("FundingStream", stream), financialYear = "2026-27", amount = "100.00" } };

    private static object CreateBudget(Guid allocation) => new
    {
        input = new
        {
            name = "B's budget", financialYear = "2026-27",
            lines = new[] { new { category = "TRAINING", name = "B's line", amount = "100.00" } },
            funding = new[] { new { allocationId = Gid("Allocation", allocation), amount = "100.00" } },
        },
    };

    private static object Commit(Guid line) => new { input = new { budgetLineId = Gid("BudgetLine", line), amount = "10.00", on = "2026-05-01", payee = "B's payee" } };

    private static object Invoice(Guid commitment) => new { input = new { commitmentId = Gid("LedgerEntry", commitment), amount = "10.00", on = "2026-05-01", invoiceNumber = "B-1" } };

    private static object Pay(Guid invoice) => new { input = new { invoiceId = Gid("LedgerEntry", invoice), amount = "10.00", on = "2026-05-01", paymentReference = "B-P" } };

    private static object Reverse(Guid entry) => new { input = new { entryId = Gid("LedgerEntry", entry), on = "2026-05-04", reason = "B's reason" } };

    private static object Draft(string reference) => new
    {
        input = new { reference, title = "B's report", author = "B", reportDate = "2026-05-01", purpose = "B's purpose", recommendations = "B's recommendation" },
    };

    private static object Edit(Guid decision) => new
    {
        input = new { decisionId = Gid("DecisionReport", decision), title = "B's report", author = "B", reportDate = "2026-05-01", purpose = "p", recommendations = "r" },
    };

    private static object Id(Guid decision) => new { input = new { decisionId = Gid("DecisionReport", decision) } };

    private static object Sign(Guid decision) => new { input = new { decisionId = Gid("DecisionReport", decision), @as = "CHIEF_EXECUTIVE" } };

    private static object Decide(Guid decision) => new { input = new { decisionId = Gid("DecisionReport", decision), agree = true } };

    private static object Publish(Guid decision) => new { input = new { decisionId = Gid("DecisionReport", decision), forPublication = true } };
}
