using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Volunteers.Expenses;
using RJCloud.Modules.Volunteers.Features.BrowsePool;
using RJCloud.Modules.Volunteers.Features.SelfService;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Shared.Contracts;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Time;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Volunteers.Features.Expenses;

/// <summary>
/// approveExpenseClaim, rejectExpenseClaim and payExpenseClaim: a coordinator decides a submitted claim
/// (never their own) and names the budget line it is charged to; finance then records the payment.
/// </summary>
internal sealed class DecideClaimFields(TimeProvider clock) : ISchemaContributor
{
    public static readonly string[] Payers = [Roles.ServiceManager, Roles.ChiefFinanceOfficer];

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Mutation<ClaimPayloadType, ApproveClaimInputType, ClaimPayload>("approveExpenseClaim",
                "Approves a submitted claim and names the budget line it is charged to. Nobody approves their own claim.")
            .Authorize(PractitionerGraphType.Managers)
            .ResolveAsync(context => DecideAsync(context, async (claim, input, by) =>
            {
                var line = ((string?)input["budgetLineId"])?.Trim() ?? "";
                if (line.Length is 0 or > 100) return UserError.For("REQUIRED", "Name the budget line the claim is charged to.", "input", "budgetLineId");
                var charged = await context.RequestServices!.GetRequiredService<IBudgetCharges>()
                    .ChargeAsync(new ExpenseCharge(claim.Id, line, claim.TotalPence, clock.Today()), context.CancellationToken);
                if (charged == ChargeResult.UnknownBudgetLine)
                    return UserError.For("UNKNOWN_BUDGET_LINE", "There is no budget line with this id.", "input", "budgetLineId");
                if (charged == ChargeResult.OverBudget)
                    return UserError.For("OVER_BUDGET", "The budget has not enough left for this claim; ask finance.", "input", "budgetLineId");
                claim.Approve(line, by, clock.GetUtcNow());
                return null;
            }, ClaimStatus.Submitted, decider: true));

        mutation.Mutation<ClaimPayloadType, RejectClaimInputType, ClaimPayload>("rejectExpenseClaim",
                "Rejects a submitted claim with the reason the practitioner will see.")
            .Authorize(PractitionerGraphType.Managers)
            .ResolveAsync(context => DecideAsync(context, async (claim, input, by) =>
            {
                await Task.CompletedTask;
                var reason = ((string?)input["reason"])?.Trim() ?? "";
                if (reason.Length is 0 or > 1000) return UserError.For("REQUIRED", "Give the reason, at most 1,000 characters.", "input", "reason");
                claim.Reject(reason, by, clock.GetUtcNow());
                return null;
            }, ClaimStatus.Submitted, decider: true));

        mutation.Mutation<ClaimPayloadType, PayClaimInputType, ClaimPayload>("payExpenseClaim",
                "Records that an approved claim was paid, on a date with the payment's reference.")
            .Authorize(Payers)
            .ResolveAsync(context => DecideAsync(context, async (claim, input, by) =>
            {
                await Task.CompletedTask;
                var reference = ((string?)input["paymentReference"])?.Trim() ?? "";
                var paidOn = (DateOnly)input["paidOn"]!;
                if (reference.Length is 0 or > 100) return UserError.For("REQUIRED", "Give the payment's reference, at most 100 characters.", "input", "paymentReference");
                if (paidOn > clock.Today()) return UserError.For("IN_FUTURE", "Record a payment once it is made.", "input", "paidOn");
                if (paidOn < EnglandClock.DayOf(claim.DecidedAt!.Value))
                    return UserError.For("BEFORE_APPROVAL", "A claim is paid after it is approved.", "input", "paidOn");
                claim.Pay(paidOn, reference, by);
                return null;
            }, ClaimStatus.Approved, decider: false));
    }

    private async Task<ClaimPayload?> DecideAsync(IResolveFieldContext context, Func<ExpenseClaim, Dictionary<string, object?>, Guid?, Task<UserError?>> decide,
        ClaimStatus from, bool decider)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var services = context.RequestServices!;
        var db = services.GetRequiredService<VolunteersDbContext>();
        var id = GlobalId.DecodeFor(ExpenseClaimType.Name, input["claimId"]?.ToString());
        if (id is null || await db.ExpenseClaims.FirstOrDefaultAsync(c => c.Id == id, context.CancellationToken) is not { } claim)
            return Refuse(UserError.For("NOT_FOUND", "There is no expense claim with this id.", "input", "claimId"));
        if (claim.Status != from)
            return Refuse(UserError.For(from == ClaimStatus.Submitted ? "ALREADY_DECIDED" : "NOT_APPROVED",
                $"The claim is {claim.Status.ToString().ToLowerInvariant()}; only a {from.ToString().ToLowerInvariant()} claim can be.", "input", "claimId"));
        if (decider && claim.PractitionerId == await Me.PractitionerAsync(db, services, context.CancellationToken))
            return Refuse(UserError.For("OWN_CLAIM", "Your own claim is decided by someone else.", "input", "claimId"));
        if (await decide(claim, input, Me.UserId(services)) is { } refusal) return Refuse(refusal);
        var charges = services.GetRequiredService<IBudgetCharges>();
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else decided it first: a charge made for this approval stands only if the claim ended up approved.
            db.ChangeTracker.Clear();
            if (await db.ExpenseClaims.AsNoTracking().Where(c => c.Id == claim.Id).Select(c => c.Status).FirstAsync(context.CancellationToken) == ClaimStatus.Rejected)
                await charges.CancelAsync(claim.Id, clock.Today(), context.CancellationToken);
            return Refuse(UserError.For("CHANGED_MEANWHILE", "Someone else acted on this claim at the same moment; look at it again.", "input", "claimId"));
        }
        if (claim.Status == ClaimStatus.Paid)
            await charges.RecordPaidAsync(claim.Id, claim.PaidOn!.Value, claim.PaymentReference!, context.CancellationToken);
        return new ClaimPayload { Claim = claim };
    }

    private static ClaimPayload Refuse(UserError error) => new() { UserErrors = [error] };
}

internal sealed class ApproveClaimInputType : InputObjectGraphType
{
    public ApproveClaimInputType()
    {
        Name = "ApproveExpenseClaimInput";
        Field<NonNullGraphType<IdGraphType>>("claimId");
        Field<NonNullGraphType<IdGraphType>>("budgetLineId").Description("The commissioning BudgetLine the claim is charged to (e.g. volunteer expenses in this year's budget).");
    }
}

internal sealed class RejectClaimInputType : InputObjectGraphType
{
    public RejectClaimInputType()
    {
        Name = "RejectExpenseClaimInput";
        Field<NonNullGraphType<IdGraphType>>("claimId");
        Field<NonNullGraphType<StringGraphType>>("reason");
    }
}

internal sealed class PayClaimInputType : InputObjectGraphType
{
    public PayClaimInputType()
    {
        Name = "PayExpenseClaimInput";
        Field<NonNullGraphType<IdGraphType>>("claimId");
        Field<NonNullGraphType<DateOnlyGraphType>>("paidOn");
        Field<NonNullGraphType<StringGraphType>>("paymentReference");
    }
}
