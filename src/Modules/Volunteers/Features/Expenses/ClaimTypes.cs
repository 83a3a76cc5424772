using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Volunteers.Expenses;
using RJCloud.Modules.Volunteers.Features.BrowsePool;
using RJCloud.Modules.Volunteers.Features.SelfService;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.GraphQL.Scalars;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;
using MoneyAmount = RJCloud.Shared.Money.Money;

namespace RJCloud.Modules.Volunteers.Features.Expenses;

/// <summary>expenseClaims: the office's claims for coordinators and finance, newest first; a claim by id for the same people.</summary>
internal sealed class ClaimQueries : ISchemaContributor, INodeResolver
{
    public static readonly string[] Reviewers = [Roles.Coordinator, Roles.ServiceManager, Roles.ChiefFinanceOfficer];

    public string TypeName => ExpenseClaimType.Name;

    public void AddQueries(ObjectGraphType query) =>
        query.ConnectionField<object?, ExpenseClaimType>("expenseClaims")
            .Description("The office's expense claims, newest first.")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<ClaimStatus>>>>("status", "Any of these statuses.")
            .Authorize(Reviewers)
            .ResolveAsync(async context =>
            {
                var claims = context.RequestServices!.GetRequiredService<VolunteersDbContext>().ExpenseClaims.AsNoTracking();
                if (context.GetArgument<List<ClaimStatus>?>("status") is { Count: > 0 } statuses) claims = claims.Where(c => statuses.Contains(c.Status));
                return await claims.ToConnectionAsync(c => c.Id, context.GetPage(), context.CancellationToken, newestFirst: true);
            });

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services) =>
        Actor.Of(services).IsInAnyRole(Reviewers)
            ? services.GetRequiredService<BatchLoaders>().ForOne<Guid, ExpenseClaim>("volunteers.claimById", async (ids, ct) =>
                await services.GetRequiredService<VolunteersDbContext>().ExpenseClaims.AsNoTracking().Where(c => ids.Contains(c.Id))
                    .ToDictionaryAsync(c => c.Id, c => (ExpenseClaim?)c, ct)).Load(id).AsObject()
            : DataLoaderResults.Nothing;

    /// <summary>A practitioner's own claims, newest first.</summary>
    public static IDataLoaderResult<IReadOnlyList<ExpenseClaim>> OfPractitioner(IServiceProvider services, Guid practitionerId) =>
        services.GetRequiredService<BatchLoaders>().ForMany<Guid, ExpenseClaim>("volunteers.claimsByPractitioner", async (ids, ct) =>
            (await services.GetRequiredService<VolunteersDbContext>().ExpenseClaims.AsNoTracking().Where(c => ids.Contains(c.PractitionerId))
                .OrderByDescending(c => c.Id).ToListAsync(ct))
            .GroupBy(c => c.PractitionerId).ToDictionary(g => g.Key, g => (IReadOnlyList<ExpenseClaim>)g.ToList())).Load(practitionerId);
}

internal sealed class ExpenseClaimType : NodeGraphType<ExpenseClaim>
{
    public new const string Name = "ExpenseClaim";

    public ExpenseClaimType() : base(Name, c => c.Id)
    {
        Description = "A practitioner's expense claim: submitted, then approved or rejected, then paid.";
        this.Authorize([.. ClaimQueries.Reviewers, Roles.Facilitator]);
        Field<NonNullGraphType<EnumerationGraphType<ClaimStatus>>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<MoneyGraphType>>("total").Resolve(c => MoneyAmount.FromPence(c.Source.TotalPence));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExpenseLineType>>>>("lines").Resolve(c => c.Source.Lines);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReceiptType>>>>("receipts").Resolve(c => c.Source.Receipts);
        Field(c => c.SubmittedAt);
        Field(c => c.DecidedAt, nullable: true);
        Field(c => c.RejectionReason, nullable: true);
        Field(c => c.BudgetLineId, nullable: true).Description("The budget line an approved claim is charged to.");
        Field(c => c.PaidOn, nullable: true);
        Field(c => c.PaymentReference, nullable: true);
        Field<NonNullGraphType<IdGraphType>>("practitionerId").Description("Whose claim it is: their Practitioner id.")
            .Resolve(c => GlobalId.Encode(PractitionerGraphType.Name, c.Source.PractitionerId));
        Field<StringGraphType>("claimant").Description("The claimant's name (coordinators and finance).")
            .Authorize(ClaimQueries.Reviewers)
            .Resolve(c => PoolLoaders.Practitioner(c.RequestServices!, c.Source.PractitionerId).Then(p => p?.Name));
    }
}

internal sealed class ExpenseLineType : ObjectGraphType<ExpenseLine>
{
    public ExpenseLineType()
    {
        Name = "ExpenseLine";
        Field<NonNullGraphType<EnumerationGraphType<ExpenseKind>>>("kind").Resolve(c => c.Source.Kind);
        Field(l => l.IncurredOn);
        Field(l => l.Description);
        Field(l => l.Miles, nullable: true);
        Field(l => l.RatePence, nullable: true).Description("Mileage: the office's rate a mile when the claim was made.");
        Field<NonNullGraphType<MoneyGraphType>>("amount").Resolve(c => MoneyAmount.FromPence(c.Source.AmountPence));
    }
}

internal sealed class ReceiptType : ObjectGraphType<Receipt>
{
    public ReceiptType()
    {
        Name = "Receipt";
        Field(r => r.FileName);
        Field(r => r.ContentType);
        Field(r => r.SizeBytes, type: typeof(NonNullGraphType<LongGraphType>));
    }
}

internal sealed record ClaimPayload : Payload
{
    public ExpenseClaim? Claim { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => Claim is null ? [] : [Claim.PractitionerId, Claim.Id];
}

internal sealed class ClaimPayloadType : PayloadGraphType<ClaimPayload>
{
    public ClaimPayloadType() : base("ExpenseClaimPayload") =>
        Field<ExpenseClaimType>("claim").Resolve(c => c.Source.Claim);
}
