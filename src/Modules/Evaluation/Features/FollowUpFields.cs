using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Evaluation.Persistence;
using RJCloud.Modules.Evaluation.Reoffending;
using RJCloud.Modules.Evaluation.Settings;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Time;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Evaluation.Features;

/// <summary>Reoffending follow-up of people responsible, and the office's evaluation settings.</summary>
internal sealed class FollowUpFields(TimeProvider clock) : ISchemaContributor, INodeResolver
{
    public static readonly string[] SettingsEditors = [Roles.TenantAdmin, Roles.ServiceManager];
    public static readonly string[] SettingsReaders = [.. EvaluationFields.MeasureReaders, Roles.TenantAdmin];

    public string TypeName => ReoffendingCheckType.Name;

    public IDataLoaderResult<object?> Resolve(Guid id, IServiceProvider services) =>
        Actor.Of(services).IsInAnyRole(EvaluationFields.Staff)
            ? services.GetRequiredService<BatchLoaders>().ForOne<Guid, ReoffendingCheck>("evaluation.checkById", async (ids, ct) =>
                await services.GetRequiredService<EvaluationDbContext>().ReoffendingChecks.AsNoTracking().Where(c => ids.Contains(c.Id))
                    .ToDictionaryAsync(c => c.Id, c => (ReoffendingCheck?)c, ct)).Load(id).AsObject()
            : DataLoaderResults.Nothing;

    public void AddQueries(ObjectGraphType query)
    {
        query.ConnectionField<object?, ReoffendingCheckType>("reoffendingChecks")
            .Description("Reoffending follow-ups of people responsible, soonest due first: by default those due by today without a result.")
            .Argument<DateOnlyGraphType>("dueBy", "Due on or before this day (today by default).")
            .Argument<BooleanGraphType>("outstanding", "Only those without a result (the default), or only those with one.")
            .Authorize(EvaluationFields.Staff)
            .ResolveAsync(async context =>
            {
                var dueBy = context.GetArgument<DateOnly?>("dueBy") ?? clock.Today();
                var outstanding = context.GetArgument<bool?>("outstanding") ?? true;
                var checks = context.RequestServices!.GetRequiredService<EvaluationDbContext>().ReoffendingChecks.AsNoTracking()
                    .Where(c => c.DueOn <= dueBy && (outstanding ? c.Reoffended == null : c.Reoffended != null));
                return await checks.ToConnectionByDayAsync(c => c.DueOn, c => c.Id, context.GetPage(), context.CancellationToken);
            });

        query.Field<NonNullGraphType<SettingsType>>("evaluationSettings")
            .Description("The office's satisfaction target, when reoffending is checked, how long a participant's link lasts, and whether it takes part in benchmarking.")
            .Authorize(SettingsReaders)
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<EvaluationDbContext>().Settings.AsNoTracking()
                .SingleOrDefaultAsync(context.CancellationToken) ?? EvaluationSettings.Defaults());
    }

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Mutation<CheckPayloadType, RecordCheckInputType, CheckPayload>("recordReoffendingCheck",
                "Records the result of a reoffending check from the police's records: whether the person responsible reoffended, and the day it was checked. "
                + "A result can be corrected.")
            .Authorize(EvaluationFields.Staff)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var db = context.RequestServices!.GetRequiredService<EvaluationDbContext>();
                var id = GlobalId.DecodeFor(ReoffendingCheckType.Name, input["checkId"]?.ToString());
                var check = id is null ? null : await db.ReoffendingChecks.FirstOrDefaultAsync(c => c.Id == id, context.CancellationToken);
                if (check is null) return CheckPayload.Refuse(UserError.For("NOT_FOUND", "There is no reoffending check with this id.", "input", "checkId"));
                var checkedOn = input.GetValueOrDefault("checkedOn") as DateOnly? ?? clock.Today();
                var errors = new List<UserError>();
                if (checkedOn > clock.Today()) errors.Add(UserError.For("IN_FUTURE", "The check is done today or earlier.", "input", "checkedOn"));
                if (checkedOn < check.DueOn)
                    errors.Add(UserError.For("NOT_DUE", $"This check is due on {check.DueOn:d MMMM yyyy}: a check made earlier would not compare with the others.", "input", "checkedOn"));
                if (errors.Count > 0) return new CheckPayload { UserErrors = errors };
                check.Record((bool)input["reoffended"]!, checkedOn, Actor.Of(context.RequestServices!).Subject);
                if (!await Saves.TrySaveAsync(db, context.CancellationToken))
                    return CheckPayload.Refuse(UserError.For("CHANGED_MEANWHILE", "Someone else recorded this check at the same moment. Look at it again.", "input", "checkId"));
                return new CheckPayload { Check = check };
            });

        mutation.Mutation<SettingsPayloadType, SettingsInputType, SettingsPayload>("setEvaluationSettings",
                "Sets the office's evaluation settings. Changing when reoffending is checked applies to referrals that end from now on.")
            .Authorize(SettingsEditors)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var target = Convert.ToDecimal(input["satisfactionTargetPercent"], System.Globalization.CultureInfo.InvariantCulture);
                var months = (int)input["reoffendingCheckMonths"]!;
                var days = (int)input["feedbackLinkDays"]!;
                var benchmarking = (bool)input["benchmarking"]!;
                var errors = new List<UserError>();
                if (target is < 0 or > 100 || decimal.Round(target, 1) != target)
                    errors.Add(UserError.For("OUT_OF_RANGE", "The target is a percentage from 0 to 100, to one decimal place.", "input", "satisfactionTargetPercent"));
                if (months is < 1 or > 60) errors.Add(UserError.For("OUT_OF_RANGE", "Reoffending is checked from 1 to 60 months after a referral ends.", "input", "reoffendingCheckMonths"));
                if (days is < 1 or > 90) errors.Add(UserError.For("OUT_OF_RANGE", "A participant's link lasts from 1 to 90 days.", "input", "feedbackLinkDays"));
                if (errors.Count > 0) return new SettingsPayload { UserErrors = errors };
                var db = context.RequestServices!.GetRequiredService<EvaluationDbContext>();
                var settings = await db.Settings.SingleOrDefaultAsync(context.CancellationToken);
                if (settings is null) db.Settings.Add(settings = EvaluationSettings.Set(target, months, days, benchmarking, clock.GetUtcNow()));
                else settings.Change(target, months, days, benchmarking, clock.GetUtcNow());
                if (!await Saves.TrySaveAsync(db, context.CancellationToken))
                    return SettingsPayload.Refuse(UserError.For("CHANGED_MEANWHILE", "Someone else changed the settings at the same moment. Look at them again.", "input"));
                return new SettingsPayload { Settings = settings };
            });
    }
}

internal sealed class ReoffendingCheckType : NodeGraphType<ReoffendingCheck>
{
    public new const string Name = "ReoffendingCheck";

    public ReoffendingCheckType() : base(Name, c => c.Id)
    {
        Description = "The reoffending follow-up of one person responsible.";
        this.Authorize(EvaluationFields.Staff);
        Field(c => c.Reference).Description("The referral's reference.");
        Field<NonNullGraphType<IdGraphType>>("participantId").Resolve(c => GlobalId.Encode("Participant", c.Source.ParticipantId));
        Field<NonNullGraphType<EnumerationGraphType<ReoffendingGroup>>>("group").Resolve(c => c.Source.Group);
        Field(c => c.EndedOn).Description("When the referral ended: rejected or redirected, or its case closed.");
        Field(c => c.DueOn);
        Field(c => c.CheckedOn, nullable: true);
        Field(c => c.Reoffended, nullable: true);
    }
}

internal sealed class SettingsType : ObjectGraphType<EvaluationSettings>
{
    public SettingsType()
    {
        Name = "EvaluationSettings";
        Field(s => s.SatisfactionTargetPercent);
        Field(s => s.ReoffendingCheckMonths);
        Field(s => s.FeedbackLinkDays);
        Field(s => s.Benchmarking).Description("The office's figures (never its records) are compared with the other offices that take part.");
    }
}

internal sealed record CheckPayload : Payload
{
    public ReoffendingCheck? Check { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => Check is null ? [] : [Check.Id];

    public static CheckPayload Refuse(UserError error) => new() { UserErrors = [error] };
}

internal sealed class CheckPayloadType : PayloadGraphType<CheckPayload>
{
    public CheckPayloadType() : base("RecordReoffendingCheckPayload") =>
        Field<ReoffendingCheckType>("check").Resolve(c => c.Source.Check);
}

internal sealed record SettingsPayload : Payload
{
    public EvaluationSettings? Settings { get; init; }

    public static SettingsPayload Refuse(UserError error) => new() { UserErrors = [error] };
}

internal sealed class SettingsPayloadType : PayloadGraphType<SettingsPayload>
{
    public SettingsPayloadType() : base("SetEvaluationSettingsPayload") =>
        Field<SettingsType>("settings").Resolve(c => c.Source.Settings);
}

internal sealed class RecordCheckInputType : InputObjectGraphType
{
    public RecordCheckInputType()
    {
        Name = "RecordReoffendingCheckInput";
        Field<NonNullGraphType<IdGraphType>>("checkId");
        Field<NonNullGraphType<BooleanGraphType>>("reoffended");
        Field<DateOnlyGraphType>("checkedOn").Description("Today by default.");
    }
}

internal sealed class SettingsInputType : InputObjectGraphType
{
    public SettingsInputType()
    {
        Name = "SetEvaluationSettingsInput";
        Field<NonNullGraphType<DecimalGraphType>>("satisfactionTargetPercent");
        Field<NonNullGraphType<IntGraphType>>("reoffendingCheckMonths");
        Field<NonNullGraphType<IntGraphType>>("feedbackLinkDays");
        Field<NonNullGraphType<BooleanGraphType>>("benchmarking");
    }
}
