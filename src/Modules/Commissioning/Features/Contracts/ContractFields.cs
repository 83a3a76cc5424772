using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Commissioning.Contracts;
using RJCloud.Modules.Commissioning.Decisions;
using RJCloud.Modules.Commissioning.Features.Funding;
using RJCloud.Modules.Commissioning.Persistence;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.GraphQL.Scalars;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Time;
using RJCloud.Tenancy.Authorization;
using Pounds = RJCloud.Shared.Money.Money;

namespace RJCloud.Modules.Commissioning.Features.Contracts;

/// <summary>Providers, commissioned-service contracts with their extensions, and KPIs with targets and actuals.</summary>
internal sealed class ContractFields(TimeProvider clock) : ISchemaContributor, INodeResolver
{
    public string TypeName => ContractType.Name;

    public void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContractType>>>>("contracts")
            .Description("The office's contracts, soonest ending first; only those still running that end within so many days when given (1 to 730).")
            .Argument<IntGraphType>("endingWithinDays")
            .Authorize(CommissioningAccess.Readers)
            .ResolveAsync(async context =>
            {
                var contracts = await context.RequestServices!.GetRequiredService<CommissioningDbContext>().Contracts.AsNoTracking().ToListAsync(context.CancellationToken);
                if (context.GetArgument<int?>("endingWithinDays") is { } days)
                {
                    if (days is < 1 or > 730) throw new ExecutionError("endingWithinDays must be between 1 and 730.") { Code = "INVALID_ARGUMENT" };
                    var today = clock.Today();
                    contracts = [.. contracts.Where(c => c.EndsOn >= today && c.EndsOn <= today.AddDays(days))];
                }
                return contracts.OrderBy(c => c.EndsOn).ThenBy(c => c.Service).ToList();
            });

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services) =>
        Actor.Of(services).IsInAnyRole(CommissioningAccess.Readers) ? ContractLoaders.Contract(services, id).AsObject() : DataLoaderResults.Nothing;

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Mutation<ContractPayloadType, LetContractInputType, ContractPayload>("recordContract",
                "Records a commissioned-service contract: provider (added if new), service, term, value and payment schedule, and the decision behind it.")
            .Authorize(CommissioningAccess.MoneyKeepers)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var db = context.RequestServices!.GetRequiredService<CommissioningDbContext>();
                var errors = new List<UserError>();
                var providerName = ((string?)input["provider"])?.Trim() ?? "";
                if (providerName.Length is 0 or > 200) errors.Add(UserError.For("REQUIRED", "Name the provider, at most 200 characters.", "input", "provider"));
                var service = ((string?)input["service"])?.Trim() ?? "";
                if (service.Length is 0 or > 300) errors.Add(UserError.For("REQUIRED", "Name the service, at most 300 characters.", "input", "service"));
                var (starts, ends) = ((DateOnly)input["startsOn"]!, (DateOnly)input["endsOn"]!);
                if (ends <= starts) errors.Add(UserError.For("END_BEFORE_START", "A contract ends after it starts.", "input", "endsOn"));
                var value = Amounts.Pence((Pounds)input["value"]!);
                if (value <= 0) errors.Add(UserError.For("INVALID_AMOUNT", "A contract's value is more than £0.", "input", "value"));
                var decisionId = await DecisionAsync(db, input.GetValueOrDefault("decisionId"), errors, context.CancellationToken);
                if (errors.Count > 0) return new ContractPayload { UserErrors = errors };

                var now = clock.GetUtcNow();
                var provider = await db.Providers.FirstOrDefaultAsync(p => p.Name == providerName, context.CancellationToken);
                if (provider is null) db.Providers.Add(provider = Provider.Register(providerName, now));
                var contract = Contract.Let(provider.Id, service, starts, ends, value, (PaymentSchedule)input["paymentSchedule"]!, decisionId, now);
                db.Contracts.Add(contract);
                await db.SaveChangesAsync(context.CancellationToken);
                return new ContractPayload { ContractId = contract.Id };
            });

        mutation.Mutation<ContractPayloadType, ExtendContractInputType, ContractPayload>("extendContract",
                "Extends a contract to a later end date, with any additional value and the reason or decision.")
            .Authorize(CommissioningAccess.MoneyKeepers)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var db = context.RequestServices!.GetRequiredService<CommissioningDbContext>();
                var errors = new List<UserError>();
                var contract = await FindAsync(db, input["contractId"], errors, context.CancellationToken);
                var ends = (DateOnly)input["endsOn"]!;
                if (contract is not null && ends <= contract.EndsOn)
                    errors.Add(UserError.For("NOT_LATER", $"The contract already runs to {contract.EndsOn:d MMMM yyyy}; an extension ends later.", "input", "endsOn"));
                var additional = input.GetValueOrDefault("additionalValue") is Pounds more ? Amounts.Pence(more) : 0;
                if (additional < 0) errors.Add(UserError.For("INVALID_AMOUNT", "Additional value is £0 or more.", "input", "additionalValue"));
                var reason = ((string?)input["reason"])?.Trim() ?? "";
                if (reason.Length is 0 or > 1000) errors.Add(UserError.For("REQUIRED", "Say why it is extended, at most 1,000 characters.", "input", "reason"));
                var decisionId = await DecisionAsync(db, input.GetValueOrDefault("decisionId"), errors, context.CancellationToken);
                if (errors.Count > 0) return new ContractPayload { UserErrors = errors };
                contract!.Extend(new Extension(ends, additional, clock.Today(), reason, decisionId));
                await db.SaveChangesAsync(context.CancellationToken);
                return new ContractPayload { ContractId = contract.Id };
            });

        mutation.Mutation<ContractPayloadType, DefineKpiInputType, ContractPayload>("defineKpi", "Adds a KPI to a contract: the measure and its target percentage.")
            .Authorize(CommissioningAccess.MoneyKeepers)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var db = context.RequestServices!.GetRequiredService<CommissioningDbContext>();
                var errors = new List<UserError>();
                var contract = await FindAsync(db, input["contractId"], errors, context.CancellationToken);
                var measure = ((string?)input["measure"])?.Trim() ?? "";
                if (measure.Length is 0 or > 300) errors.Add(UserError.For("REQUIRED", "Name the measure, at most 300 characters.", "input", "measure"));
                var target = (decimal)input["targetPercent"]!;
                if (target is < 0 or > 100) errors.Add(UserError.For("OUT_OF_RANGE", "A target is between 0 and 100 per cent.", "input", "targetPercent"));
                if (errors.Count > 0) return new ContractPayload { UserErrors = errors };
                var position = await db.Kpis.CountAsync(k => k.ContractId == contract!.Id, context.CancellationToken);
                db.Kpis.Add(Kpi.Define(contract!.Id, measure, target, position, clock.GetUtcNow()));
                await db.SaveChangesAsync(context.CancellationToken);
                return new ContractPayload { ContractId = contract.Id };
            });

        mutation.Mutation<ContractPayloadType, ReportKpiInputType, ContractPayload>("reportKpiActual",
                "Reports a KPI's actual percentage for a period (e.g. \"2016-17\"); reporting the same period again corrects it.")
            .Authorize(CommissioningAccess.MoneyKeepers)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var db = context.RequestServices!.GetRequiredService<CommissioningDbContext>();
                var errors = new List<UserError>();
                var id = GlobalId.DecodeFor(KpiType.Name, input["kpiId"]?.ToString());
                var kpi = id is null ? null : await db.Kpis.FirstOrDefaultAsync(k => k.Id == id, context.CancellationToken);
                if (kpi is null) errors.Add(UserError.For("NOT_FOUND", "There is no KPI with this id.", "input", "kpiId"));
                var period = ((string?)input["period"])?.Trim() ?? "";
                if (period.Length is 0 or > 20) errors.Add(UserError.For("REQUIRED", "Name the period, e.g. \"2016-17\" or \"2016-17 Q3\".", "input", "period"));
                var actual = (decimal)input["actualPercent"]!;
                if (actual is < 0 or > 100) errors.Add(UserError.For("OUT_OF_RANGE", "An actual is between 0 and 100 per cent.", "input", "actualPercent"));
                if (errors.Count > 0) return new ContractPayload { UserErrors = errors };
                kpi!.Report(period, actual, clock.GetUtcNow());
                await db.SaveChangesAsync(context.CancellationToken);
                return new ContractPayload { ContractId = kpi.ContractId };
            });
    }

    private static async Task<Contract?> FindAsync(CommissioningDbContext db, object? named, List<UserError> errors, CancellationToken cancellationToken)
    {
        var id = GlobalId.DecodeFor(ContractType.Name, named?.ToString());
        var contract = id is null ? null : await db.Contracts.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contract is null) errors.Add(UserError.For("NOT_FOUND", "There is no contract with this id.", "input", "contractId"));
        return contract;
    }

    private static async Task<Guid?> DecisionAsync(CommissioningDbContext db, object? named, List<UserError> errors, CancellationToken cancellationToken)
    {
        if (named is null) return null;
        var id = GlobalId.DecodeFor("DecisionReport", named.ToString());
        if (id is null || !await db.Decisions.AnyAsync(d => d.Id == id && d.Status == DecisionStatus.Agreed, cancellationToken))
        {
            errors.Add(UserError.For("NOT_FOUND", "There is no agreed decision report with this id.", "input", "decisionId"));
            return null;
        }
        return id;
    }
}

internal static class ContractLoaders
{
    public static IDataLoaderResult<Contract?> Contract(IServiceProvider services, Guid id) =>
        services.GetRequiredService<BatchLoaders>().ForOne<Guid, Contract>("commissioning.contractById", async (ids, ct) =>
            await services.GetRequiredService<CommissioningDbContext>().Contracts.AsNoTracking().Where(c => ids.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => (Contract?)c, ct)).Load(id);

    public static IDataLoaderResult<Provider?> Provider(IServiceProvider services, Guid id) =>
        services.GetRequiredService<BatchLoaders>().ForOne<Guid, Provider>("commissioning.providerById", async (ids, ct) =>
            await services.GetRequiredService<CommissioningDbContext>().Providers.AsNoTracking().Where(p => ids.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, p => (Provider?)p, ct)).Load(id);

    public static IDataLoaderResult<IReadOnlyList<Kpi>> Kpis(IServiceProvider services, Guid contractId) =>
        services.GetRequiredService<BatchLoaders>().ForMany<Guid, Kpi>("commissioning.kpisByContract", async (ids, ct) =>
            (await services.GetRequiredService<CommissioningDbContext>().Kpis.AsNoTracking().Where(k => ids.Contains(k.ContractId)).OrderBy(k => k.Position).ToListAsync(ct))
            .GroupBy(k => k.ContractId).ToDictionary(g => g.Key, g => (IReadOnlyList<Kpi>)g.ToList())).Load(contractId);
}

internal sealed class ContractType : NodeGraphType<Contract>
{
    public new const string Name = "Contract";

    public ContractType() : base(Name, c => c.Id)
    {
        Description = "A commissioned-service contract.";
        this.Authorize(CommissioningAccess.Readers);
        Field<NonNullGraphType<StringGraphType>>("provider").Resolve(c => ContractLoaders.Provider(c.RequestServices!, c.Source.ProviderId).Then(p => p?.Name));
        Field(c => c.Service);
        Field(c => c.StartsOn);
        Field(c => c.EndsOn).Description("With every extension.");
        Field(c => c.OriginalEndsOn);
        Field<NonNullGraphType<MoneyGraphType>>("value").Description("With every extension's additional value.").Resolve(c => Amounts.Of(c.Source.ValuePence));
        Field<NonNullGraphType<EnumerationGraphType<PaymentSchedule>>>("paymentSchedule").Resolve(c => c.Source.Schedule);
        Field<IdGraphType>("decisionId").Resolve(c => c.Source.DecisionId is { } id ? GlobalId.Encode("DecisionReport", id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExtensionType>>>>("extensions").WithComplexityImpact(1, 5).Resolve(c => c.Source.Extensions);
        // A contract has a handful of KPIs, each with an actual per period: their lists weigh less than a page of records.
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KpiType>>>>("kpis").WithComplexityImpact(1, 5).Resolve(c => ContractLoaders.Kpis(c.RequestServices!, c.Source.Id));
    }
}

internal sealed class ExtensionType : ObjectGraphType<Extension>
{
    public ExtensionType()
    {
        Name = "ContractExtension";
        Field(e => e.EndsOn);
        Field<NonNullGraphType<MoneyGraphType>>("additionalValue").Resolve(c => Amounts.Of(c.Source.AdditionalValuePence));
        Field(e => e.AgreedOn);
        Field(e => e.Reason);
    }
}

internal sealed class KpiType : ObjectGraphType<Kpi>
{
    public new const string Name = "Kpi";

    public KpiType()
    {
        base.Name = Name;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(Name, c.Source.Id));
        Field(k => k.Measure);
        Field(k => k.TargetPercent);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KpiActualType>>>>("actuals").Description("By period.").WithComplexityImpact(1, 5)
            .Resolve(c => c.Source.Actuals.Select(a => new KpiResult(a.Period, a.ActualPercent, a.ActualPercent >= c.Source.TargetPercent)).ToList());
    }
}

internal sealed record KpiResult(string Period, decimal ActualPercent, bool Met);

internal sealed class KpiActualType : ObjectGraphType<KpiResult>
{
    public KpiActualType()
    {
        Name = "KpiActual";
        Field(a => a.Period);
        Field(a => a.ActualPercent);
        Field(a => a.Met).Description("At or above the target.");
    }
}

internal sealed record ContractPayload : Payload
{
    public Guid? ContractId { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => ContractId is { } id ? [id] : [];
}

internal sealed class ContractPayloadType : PayloadGraphType<ContractPayload>
{
    public ContractPayloadType() : base("ContractPayload") =>
        Field<ContractType>("contract").Resolve(c => c.Source.ContractId is { } id ? ContractLoaders.Contract(c.RequestServices!, id) : null);
}

internal sealed class LetContractInputType : InputObjectGraphType
{
    public LetContractInputType()
    {
        Name = "RecordContractInput";
        Field<NonNullGraphType<StringGraphType>>("provider").Description("The provider's name; added if new.");
        Field<NonNullGraphType<StringGraphType>>("service");
        Field<NonNullGraphType<DateOnlyGraphType>>("startsOn");
        Field<NonNullGraphType<DateOnlyGraphType>>("endsOn");
        Field<NonNullGraphType<MoneyGraphType>>("value");
        Field<NonNullGraphType<EnumerationGraphType<PaymentSchedule>>>("paymentSchedule");
        Field<IdGraphType>("decisionId").Description("The agreed decision behind it.");
    }
}

internal sealed class ExtendContractInputType : InputObjectGraphType
{
    public ExtendContractInputType()
    {
        Name = "ExtendContractInput";
        Field<NonNullGraphType<IdGraphType>>("contractId");
        Field<NonNullGraphType<DateOnlyGraphType>>("endsOn");
        Field<MoneyGraphType>("additionalValue");
        Field<NonNullGraphType<StringGraphType>>("reason");
        Field<IdGraphType>("decisionId");
    }
}

internal sealed class DefineKpiInputType : InputObjectGraphType
{
    public DefineKpiInputType()
    {
        Name = "DefineKpiInput";
        Field<NonNullGraphType<IdGraphType>>("contractId");
        Field<NonNullGraphType<StringGraphType>>("measure");
        Field<NonNullGraphType<DecimalGraphType>>("targetPercent");
    }
}

internal sealed class ReportKpiInputType : InputObjectGraphType
{
    public ReportKpiInputType()
    {
        Name = "ReportKpiActualInput";
        Field<NonNullGraphType<IdGraphType>>("kpiId");
        Field<NonNullGraphType<StringGraphType>>("period");
        Field<NonNullGraphType<DecimalGraphType>>("actualPercent");
    }
}
