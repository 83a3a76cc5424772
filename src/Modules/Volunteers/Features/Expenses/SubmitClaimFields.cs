using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RJCloud.Modules.Volunteers.Expenses;
using RJCloud.Modules.Volunteers.Features.BrowsePool;
using RJCloud.Modules.Volunteers.Features.SelfService;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Modules.Volunteers.Vetting;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.GraphQL.Scalars;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;
using RJCloud.Shared.Time;
using MoneyAmount = RJCloud.Shared.Money.Money;

namespace RJCloud.Modules.Volunteers.Features.Expenses;

/// <summary>submitExpenseClaim: a practitioner claims their own mileage, travel and other expenses, with what is known of the receipts.</summary>
internal sealed class SubmitClaimFields(TimeProvider clock) : ISchemaContributor
{
    private const decimal MaxMiles = 1000;
    private const decimal MaxAmount = 5000;
    private const long MaxReceiptBytes = 10 * 1024 * 1024;
    private static readonly string[] ReceiptTypes = ["application/pdf", "image/jpeg", "image/png", "image/heic"];

    public void AddMutations(ObjectGraphType mutation) =>
        mutation.Mutation<ClaimPayloadType, SubmitClaimInputType, ClaimPayload>("submitExpenseClaim",
                "Submits your own expense claim: mileage at the office's rate a mile, travel and other costs. Nobody can claim for someone else. "
                + "Sending the same idempotencyKey again returns the claim already submitted instead of a second one.")
            .Authorize(Me.Practitioners)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var services = context.RequestServices!;
                var db = services.GetRequiredService<VolunteersDbContext>();
                var errors = new List<UserError>();
                var mine = await Me.PractitionerAsync(db, services, context.CancellationToken);
                if (mine is null)
                    errors.Add(UserError.For("NOT_A_PRACTITIONER", "Your account is not linked to a practitioner record; ask your coordinator to link it.", "input"));
                else if (input.GetValueOrDefault("practitionerId") is { } named && GlobalId.DecodeFor(PractitionerGraphType.Name, named.ToString()) != mine)
                    errors.Add(UserError.For("CLAIM_FOR_ANOTHER_PERSON", "You can claim only your own expenses.", "input", "practitionerId"));
                var key = ((string?)input.GetValueOrDefault("idempotencyKey"))?.Trim();
                if (key is { Length: 0 or > 100 }) errors.Add(UserError.For("INVALID", "The idempotency key is 1 to 100 characters.", "input", "idempotencyKey"));

                var policy = await Compliance.PolicyAsync(db, context.CancellationToken);
                var lines = ReadLines(((IEnumerable<object?>)input["lines"]!).Cast<Dictionary<string, object?>>().ToList(), policy, errors);
                var receipts = ReadReceipts(((IEnumerable<object?>?)input.GetValueOrDefault("receipts") ?? []).Cast<Dictionary<string, object?>>().ToList(), errors);
                if (errors.Count > 0) return new ClaimPayload { UserErrors = errors };

                if (key is not null && await ExistingAsync(db, mine!.Value, key, context.CancellationToken) is { } earlier) return new ClaimPayload { Claim = earlier };
                var claim = ExpenseClaim.Submit(mine!.Value, lines, receipts, key, Me.UserId(services), clock.GetUtcNow());
                db.ExpenseClaims.Add(claim);
                try
                {
                    await db.SaveChangesAsync(context.CancellationToken);
                }
                catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } && key is not null)
                {
                    // The same claim sent twice at once: the other request stored it.
                    db.ChangeTracker.Clear();
                    return new ClaimPayload { Claim = await ExistingAsync(db, mine.Value, key, context.CancellationToken) };
                }
                return new ClaimPayload { Claim = claim };
            });

    private static Task<ExpenseClaim?> ExistingAsync(VolunteersDbContext db, Guid practitionerId, string key, CancellationToken cancellationToken) =>
        db.ExpenseClaims.AsNoTracking().FirstOrDefaultAsync(c => c.PractitionerId == practitionerId && c.IdempotencyKey == key, cancellationToken);

    private List<ExpenseLine> ReadLines(List<Dictionary<string, object?>> inputs, CompliancePolicy policy, List<UserError> errors)
    {
        if (inputs.Count is 0 or > 30) errors.Add(UserError.For("REQUIRED", "A claim has between one and 30 lines.", "input", "lines"));
        var lines = new List<ExpenseLine>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var line = inputs[i];
            string[] At(string field) => ["input", "lines", i.ToString(), field];
            var kind = (ExpenseKind)line["kind"]!;
            var on = (DateOnly)line["incurredOn"]!;
            var description = ((string?)line["description"])?.Trim() ?? "";
            var miles = line.GetValueOrDefault("miles") as decimal?;
            var amount = line.GetValueOrDefault("amount") as MoneyAmount?;
            var before = errors.Count;
            if (on > clock.Today()) errors.Add(UserError.For("IN_FUTURE", "An expense cannot be claimed before it is incurred.", At("incurredOn")));
            if (description.Length is 0 or > 200) errors.Add(UserError.For("REQUIRED", "Say what the expense was for, at most 200 characters.", At("description")));
            if (kind == ExpenseKind.Mileage)
            {
                if (amount is not null) errors.Add(UserError.For("NOT_FOR_MILEAGE", "Mileage is paid at the office's rate; give the miles, not an amount.", At("amount")));
                if (miles is not { } m || m <= 0 || m > MaxMiles || decimal.Round(m, 1) != m)
                    errors.Add(UserError.For("INVALID_MILES", $"Enter the miles driven: more than 0, at most {MaxMiles:N0}, to one decimal place.", At("miles")));
            }
            else
            {
                if (miles is not null) errors.Add(UserError.For("MILES_FOR_MILEAGE", "Miles are only for mileage lines.", At("miles")));
                if (amount is not { } a || a.Amount <= 0 || a.Amount > MaxAmount)
                    errors.Add(UserError.For("INVALID_AMOUNT", $"Enter the amount spent: more than £0 and at most £{MaxAmount:N0}.", At("amount")));
            }
            if (errors.Count > before) continue;
            lines.Add(kind == ExpenseKind.Mileage
                ? ExpenseLine.Mileage(on, description, miles!.Value, policy.MileageRatePence)
                : new ExpenseLine(kind, on, description, null, null, (long)(amount!.Value.Amount * 100)));
        }
        return lines;
    }

    private static List<Receipt> ReadReceipts(List<Dictionary<string, object?>> inputs, List<UserError> errors)
    {
        if (inputs.Count > 20) errors.Add(UserError.For("TOO_MANY", "At most 20 receipts a claim.", "input", "receipts"));
        var receipts = new List<Receipt>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var receipt = inputs[i];
            string[] At(string field) => ["input", "receipts", i.ToString(), field];
            var name = ((string?)receipt["fileName"])?.Trim() ?? "";
            var type = ((string?)receipt["contentType"])?.Trim().ToLowerInvariant() ?? "";
            var size = Convert.ToInt64(receipt["sizeBytes"]);
            var before = errors.Count;
            if (name.Length is 0 or > 200) errors.Add(UserError.For("REQUIRED", "Give the receipt's file name, at most 200 characters.", At("fileName")));
            if (!ReceiptTypes.Contains(type)) errors.Add(UserError.For("UNSUPPORTED_TYPE", $"A receipt is one of {string.Join(", ", ReceiptTypes)}.", At("contentType")));
            if (size is <= 0 or > MaxReceiptBytes) errors.Add(UserError.For("INVALID_SIZE", "A receipt is more than 0 bytes and at most 10 MB.", At("sizeBytes")));
            if (errors.Count == before) receipts.Add(new Receipt(name, type, size));
        }
        return receipts;
    }
}

internal sealed class SubmitClaimInputType : InputObjectGraphType
{
    public SubmitClaimInputType()
    {
        Name = "SubmitExpenseClaimInput";
        Field<IdGraphType>("practitionerId").Description("Leave out: a claim is always your own. Naming anyone else is refused.");
        Field<StringGraphType>("idempotencyKey").Description("Your own key for this claim (e.g. a UUID): sending it again returns the same claim.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExpenseLineInputType>>>>("lines");
        Field<ListGraphType<NonNullGraphType<ReceiptInputType>>>("receipts");
    }
}

internal sealed class ExpenseLineInputType : InputObjectGraphType
{
    public ExpenseLineInputType()
    {
        Name = "ExpenseLineInput";
        Field<NonNullGraphType<EnumerationGraphType<ExpenseKind>>>("kind");
        Field<NonNullGraphType<DateOnlyGraphType>>("incurredOn");
        Field<NonNullGraphType<StringGraphType>>("description").Description("What it was for, e.g. \"Visit to a participant, Harlow and back\". No names.");
        Field<DecimalGraphType>("miles").Description("Mileage only, to one decimal place.");
        Field<MoneyGraphType>("amount").Description("Travel and other costs only.");
    }
}

internal sealed class ReceiptInputType : InputObjectGraphType
{
    public ReceiptInputType()
    {
        Name = "ReceiptInput";
        Field<NonNullGraphType<StringGraphType>>("fileName");
        Field<NonNullGraphType<StringGraphType>>("contentType").Description("application/pdf, image/jpeg, image/png or image/heic.");
        Field<NonNullGraphType<IntGraphType>>("sizeBytes");
    }
}
