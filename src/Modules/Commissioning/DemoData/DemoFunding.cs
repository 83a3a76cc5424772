using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Commissioning.Contracts;
using RJCloud.Modules.Commissioning.Decisions;
using RJCloud.Modules.Commissioning.Ledger;
using RJCloud.Modules.Commissioning.Money;
using RJCloud.Modules.Commissioning.Persistence;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Resolution;

namespace RJCloud.Modules.Commissioning.DemoData;

/// <summary>
/// The demo offices' money as their documents give it: Durham and Darlington's MoJ RJ funding (£68,000 in
/// 2014/15, £140,000 in 2015/16) and the PCC's further £30,000 (PCP update, October 2015); Norfolk's costed
/// RJ service (decision 2019/57); Essex's ERMS 2021-22 budget and decision 085-21 from draft to paid.
/// Where the documents give no figure (Essex's Victims Grant total, the invoice and payment dates and
/// travel), the demo's figure is marked "illustrative".
/// </summary>
internal sealed class DemoFunding(CommissioningDbContext db, ITenantDirectory directory, ITenantContext tenants, TimeProvider clock) : IDemoDataSeeder
{
    public int Order => 40;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await SeedOfficeAsync("durham", Durham, cancellationToken);
        await SeedOfficeAsync("norfolk", Norfolk, cancellationToken);
        await SeedOfficeAsync("essex", Essex, cancellationToken);
    }

    private async Task SeedOfficeAsync(string office, Action seed, CancellationToken cancellationToken)
    {
        if (await directory.FindByIdentifierAsync(office, cancellationToken) is not { } tenant) return;
        using var _ = tenants.Enter(tenant);
        if (await db.FundingStreams.AnyAsync(cancellationToken)) return;
        seed();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private void Durham()
    {
        var now = clock.GetUtcNow();
        var moj = Stream("MoJ restorative justice funding", FundingKind.MojRjFunding);
        db.Allocations.Add(Allocation.Record(moj.Id, new FinancialYear(2014), 68_000_00, "£6.25m nationally in 2014/15 (PCP update, October 2015, para 2-3)", now));
        db.Allocations.Add(Allocation.Record(moj.Id, new FinancialYear(2015), 140_000_00, "Within £14m of victim services commissioning in 2015/16", now));
        var contribution = Stream("PCC contribution from MoJ monies", FundingKind.PccCore);
        var further = Allocation.Record(contribution.Id, new FinancialYear(2015), 30_000_00, "To extend Neighbourhood Resolutions' administration and case worker hours (para 20)", now);
        db.Allocations.Add(further);
        var budget = Budget.Create("Neighbourhood Resolutions RJ extension 2015-16", new FinancialYear(2015), now);
        db.Budgets.Add(budget);
        db.BudgetLines.Add(BudgetLine.Add(budget.Id, LineCategory.Staff, "Extended administration and case worker hours", 24_000_00, 0, now));
        db.BudgetLines.Add(BudgetLine.Add(budget.Id, LineCategory.VolunteerExpenses, "Volunteer recruitment, training and expenses", 6_000_00, 1, now));
        db.BudgetFunding.Add(BudgetFunding.From(budget.Id, further.Id, 30_000_00, now));

        // This year's service, so that coordinators have a volunteer-expenses line to charge claims to (illustrative figures).
        var year = FinancialYear.Of(RJCloud.Shared.Time.EnglandClock.Today(clock));
        var grant = Stream("MoJ Victims Grant", FundingKind.MojVictimsGrant);
        var current = Allocation.Record(grant.Id, year, 140_000_00, "Illustrative: this year's RJ share of the Victims Grant", now);
        db.Allocations.Add(current);
        var service = Budget.Create($"Restorative Justice Hub {year.Name}", year, now);
        db.Budgets.Add(service);
        db.BudgetLines.Add(BudgetLine.Add(service.Id, LineCategory.Staff, "Co-ordinator and case workers (illustrative)", 120_000_00, 0, now));
        db.BudgetLines.Add(BudgetLine.Add(service.Id, LineCategory.Training, "Volunteer training (illustrative)", 8_000_00, 1, now));
        db.BudgetLines.Add(BudgetLine.Add(service.Id, LineCategory.VolunteerExpenses, "Volunteer expenses (illustrative)", 6_000_00, 2, now));
        db.BudgetLines.Add(BudgetLine.Add(service.Id, LineCategory.CaseManagementSystem, "Case management system (illustrative)", 6_000_00, 3, now));
        db.BudgetFunding.Add(BudgetFunding.From(service.Id, current.Id, 140_000_00, now));
    }

    private void Norfolk()
    {
        var now = clock.GetUtcNow();
        var core = Stream("PCC core funding", FundingKind.PccCore);
        var year = new FinancialYear(2019);
        var allocation = Allocation.Record(core.Id, year, 69_553_00, "The RJ service's costed lines (decision 2019/57)", now);
        db.Allocations.Add(allocation);
        var budget = Budget.Create("Norfolk RJ Service 2019-20", year, now);
        db.Budgets.Add(budget);
        db.BudgetLines.Add(BudgetLine.Add(budget.Id, LineCategory.Staff, "RJ Co-ordinator, Band E (1 FTE, with on-costs)", 35_623_00, 0, now));
        db.BudgetLines.Add(BudgetLine.Add(budget.Id, LineCategory.Staff, "RJ Administrator, Band C (1 FTE, with on-costs), after 6 months", 26_180_00, 1, now));
        db.BudgetLines.Add(BudgetLine.Add(budget.Id, LineCategory.CaseManagementSystem, "RJ case management system (MyRJ), per annum", 5_250_00, 2, now));
        db.BudgetLines.Add(BudgetLine.Add(budget.Id, LineCategory.Training, "Annual training (initial estimate)", 2_500_00, 3, now));
        db.BudgetFunding.Add(BudgetFunding.From(budget.Id, allocation.Id, 69_553_00, now));

        var report = DecisionReport.Draft("2019/57", new DecisionContent
        {
            Title = "Norfolk Constabulary Restorative Justice initiative", Area = "Countywide", Author = "Stephanie Stearman", ReportDate = new DateOnly(2019, 11, 4),
            Purpose = "Proposed creation of a Restorative Justice Service Scheme within Norfolk Constabulary.",
            Recommendations = "The adoption of this business case is recommended.",
            Background = "Norfolk Constabulary currently has 8 staff fully trained to deliver full restorative conferencing and at least 22 staff identified who have a lower level of RJ training suitable for 'street RJ'.",
            FinancialImplications = "This is a continuation of previous funding and therefore there are no new financial implications.",
            Checklist = [new("Has the PCC's Chief Finance Officer been consulted?", true), new("Is the recommendation consistent with the objectives in the Police and Crime Plan?", true)],
        }, [], null, now);
        report.Submit(null, now);
        report.SignAsChiefExecutive(new Signature(Guid.Empty, "Chief Executive", Historic(2019, 11, 4)), now);
        report.SignAsFinance(new Signature(Guid.Empty, "Chief Finance Officer (Section 151 Officer)", Historic(2019, 11, 4)), CostsMet.ExistingBudgets, now);
        report.Decide(new Signature(Guid.Empty, "Police and Crime Commissioner for Norfolk", Historic(2019, 11, 4)), true, null, now);
        report.SetPublication(true, null, [], null, now);
        db.Decisions.Add(report);
    }

    private void Essex()
    {
        var now = clock.GetUtcNow();
        var grant = Stream("MoJ Victims Grant", FundingKind.MojVictimsGrant);
        var year = new FinancialYear(2021);
        var allocation = Allocation.Record(grant.Id, year, 60_000_00, "Illustrative: the ERMS share of the 2021-22 Victims Grant", now);
        db.Allocations.Add(allocation);
        var budget = Budget.Create("ERMS 2021-22", year, now);
        db.Budgets.Add(budget);
        db.BudgetLines.Add(BudgetLine.Add(budget.Id, LineCategory.Staff, "ERMS staff (illustrative)", 50_000_00, 0, now));
        db.BudgetLines.Add(BudgetLine.Add(budget.Id, LineCategory.Training, "Training (illustrative)", 4_000_00, 1, now));
        var consultants = BudgetLine.Add(budget.Id, LineCategory.Consultants, "Consultant practitioners (illustrative)", 3_000_00, 2, now);
        db.BudgetLines.Add(consultants);
        db.BudgetLines.Add(BudgetLine.Add(budget.Id, LineCategory.VolunteerExpenses, "Volunteer expenses (illustrative)", 3_000_00, 3, now));
        db.BudgetFunding.Add(BudgetFunding.From(budget.Id, allocation.Id, 60_000_00, now));

        var report = DecisionReport.Draft("085-21", new DecisionContent
        {
            Title = "Domestic Abuse Case Consultant for ERMS team", Area = "Countywide", Author = "Greg Myddelton", ReportDate = new DateOnly(2021, 5, 28),
            Purpose = "To approve the allocation of funding for a consultant restorative justice (RJ) practitioner to work with the team on two domestic abuse referrals, supporting the development of the Essex Restorative Mediation Service (ERMS).",
            Recommendations = "Approve the allocation of £500, plus any travel expenses, from the 2021-22 MoJ Victims Grant, via the ERMS 2021-22 budget, to pay Helen Calvert from Kiwi Communities to co-work two complex domestic abuse cases with ERMS staff.",
            Benefits = "Two domestic abuse cases will be facilitated by a practitioner with lots of experience in this area, which is fairly new to ERMS.",
            Background = "ERMS has trained 3 staff members and 5 volunteers to work with cases involving domestic and sexual abuse.",
            AlternativesRejected = "The PFCC has the option to reject the proposal; this would deny the team a hands-on, practical training and coaching opportunity.",
            PoliceAndCrimePlan = "The Police and Crime Plan extension pledges to increase the use of restorative justice as a proven way to prevent domestic abuse reoffending.",
            OperationalImplications = "No operational implications identified.",
            FinancialImplications = "The PFCC will pay Kiwi Communities £500, plus any travel expenses incurred, from the 2021-22 ERMS budget (funded from the MoJ's Victims Grant). Kiwi Communities will issue an invoice for payment.",
            LegalImplications = "Helen will provide one-off support for these ERMS cases as a consultant. There will be no employment liabilities placed on the PFCC.",
            StaffingImplications = "ERMS staff would facilitate these cases alongside Helen.",
            EqualityImplications = "No equality and diversity implications identified.",
            Risks = "There is always a risk when facilitating highly complex and sensitive RJ cases, reduced by using an experienced practitioner.",
            Governance = "This proposal has not been discussed at any governance boards.",
            BackgroundPapers = "No background papers are required for this proposal.",
        }, [new FinancialRecommendation(consultants.Id, "Kiwi Communities", 500_00, "Consultant RJ practitioner for two domestic abuse cases")], null, now);
        report.Submit(null, now);
        report.SignAsChiefExecutive(new Signature(Guid.Empty, "Darren Horsman - Deputy MO", Historic(2021, 6, 10)), now);
        report.SignAsFinance(new Signature(Guid.Empty, "Julia Berry", Historic(2021, 6, 10)), CostsMet.ExistingBudgets, now);
        report.Decide(new Signature(Guid.Empty, "Roger Hirst, PFCC", Historic(2021, 6, 28)), true, null, now);
        report.SetPublication(true, null, [], null, now);
        db.Decisions.Add(report);

        var commitment = LedgerEntry.Record(EntryKind.Commitment, consultants.Id, 500_00, new DateOnly(2021, 6, 28), "Kiwi Communities", "085-21",
            "Consultant RJ practitioner for two domestic abuse cases (decision 085-21)", null, report.Id, null, now);
        var travel = LedgerEntry.Record(EntryKind.Commitment, consultants.Id, 64_80, new DateOnly(2021, 9, 30), "Kiwi Communities", "085-21",
            "Travel expenses for the two cases (illustrative amount)", null, report.Id, null, now);
        var invoice = LedgerEntry.Record(EntryKind.Invoice, consultants.Id, 564_80, new DateOnly(2021, 9, 30), "Kiwi Communities", "KC-2021-017",
            "Fee £500 and travel £64.80 (illustrative invoice)", commitment.Id, report.Id, null, now);
        var paid = LedgerEntry.Record(EntryKind.Payment, consultants.Id, 564_80, new DateOnly(2021, 10, 21), "Kiwi Communities", "BACS-2021-10-21",
            "Payment of invoice KC-2021-017 (illustrative date)", invoice.Id, report.Id, null, now);
        db.Ledger.AddRange(commitment, travel, invoice, paid);

        // The Essex IDVA service (PCP update, 2017): Safer Places, three years from April 2015, extended one year to March 2019.
        var saferPlaces = Provider.Register("Safer Places", now);
        db.Providers.Add(saferPlaces);
        var idva = Contract.Let(saferPlaces.Id, "Essex Independent Domestic Violence Advisor (IDVA) service", new DateOnly(2015, 4, 1), new DateOnly(2018, 3, 31),
            2_400_000_00, PaymentSchedule.Quarterly, null, now);
        idva.Extend(new Extension(new DateOnly(2019, 3, 31), 800_000_00, new DateOnly(2017, 6, 1),
            "Approved by the Domestic Abuse Board on the service's 2016-17 performance (values illustrative)", null));
        db.Contracts.Add(idva);
        (string Measure, decimal Target, decimal Actual)[] kpis =
        [
            ("Cessation of abuse", 50, 66), ("IDVA reported reduction in risk of further harm", 50, 69),
            ("Victim reported improved feelings of safety", 50, 71), ("Victim reported quality of life improvements", 40, 67),
        ];
        for (var i = 0; i < kpis.Length; i++)
        {
            var kpi = Kpi.Define(idva.Id, kpis[i].Measure, kpis[i].Target, i, now);
            kpi.Report("2016-17", kpis[i].Actual, now);
            db.Kpis.Add(kpi);
        }
    }

    private FundingStream Stream(string name, FundingKind kind)
    {
        var stream = FundingStream.Add(name, kind, clock.GetUtcNow());
        db.FundingStreams.Add(stream);
        return stream;
    }

    private static DateTimeOffset Historic(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.FromHours(1));
}
