using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Commissioning.Ledger;
using RJCloud.Modules.Commissioning.Money;
using RJCloud.Modules.Commissioning.Persistence;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.GraphQL.Scalars;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Time;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Commissioning.Features.Funding;

/// <summary>
/// volunteerExpenseLines: the budget lines a coordinator may charge an approved expense claim to, with what
/// each has left: all a coordinator sees of the office's money.
/// </summary>
internal sealed class ExpenseLineFields(TimeProvider clock) : ISchemaContributor
{
    public void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExpenseLineOptionType>>>>("volunteerExpenseLines")
            .Description("This financial year's volunteer-expenses budget lines, with what each budget has left to commit.")
            .Authorize([Roles.Coordinator, Roles.ServiceManager, Roles.ChiefFinanceOfficer])
            .ResolveAsync(async context =>
            {
                var db = context.RequestServices!.GetRequiredService<CommissioningDbContext>();
                var year = FinancialYear.Of(clock.Today());
                var lines = await (from line in db.BudgetLines.AsNoTracking()
                                   join budget in db.Budgets on line.BudgetId equals budget.Id
                                   where line.Category == LineCategory.VolunteerExpenses && budget.YearStarting == year.StartYear
                                   orderby budget.Name, line.Position
                                   select new { line.Id, line.Name, line.BudgetId, Budget = budget.Name }).ToListAsync(context.CancellationToken);
                var balances = await Balances.ByBudgetAsync(db, [.. lines.Select(l => l.BudgetId).Distinct()], DateOnly.MaxValue, context.CancellationToken);
                return lines.Select(l => new ExpenseLineOption(l.Id, l.Name, l.Budget, balances[l.BudgetId].RemainingPence)).ToList();
            });
}

internal sealed record ExpenseLineOption(Guid Id, string Name, string Budget, long RemainingPence);

internal sealed class ExpenseLineOptionType : ObjectGraphType<ExpenseLineOption>
{
    public ExpenseLineOptionType()
    {
        Name = "VolunteerExpenseLine";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The BudgetLine id to approve a claim against.").Resolve(c => GlobalId.Encode(BudgetLineType.Name, c.Source.Id));
        Field(l => l.Name);
        Field(l => l.Budget);
        Field<NonNullGraphType<MoneyGraphType>>("remaining").Description("What its budget has left to commit.").Resolve(c => Amounts.Of(c.Source.RemainingPence));
    }
}
