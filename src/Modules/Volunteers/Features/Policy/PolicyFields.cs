using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Volunteers.Features.BrowsePool;
using RJCloud.Modules.Volunteers.Features.SelfService;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Modules.Volunteers.Vetting;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;
using Microsoft.EntityFrameworkCore;

namespace RJCloud.Modules.Volunteers.Features.Policy;

/// <summary>practitionerPolicy and setPractitionerPolicy: the office's vetting periods, RJC requirements, reminder days and mileage rate.</summary>
internal sealed class PolicyFields(TimeProvider clock) : ISchemaContributor
{
    private static readonly string[] Readers = [Roles.TenantAdmin, Roles.Coordinator, Roles.ServiceManager];

    public void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<PractitionerPolicyType>>("practitionerPolicy")
            .Description("The office's rules for who may take a case: its own where its tenant admin set them, otherwise the defaults.")
            .Authorize(Readers)
            .ResolveAsync(async context => await Compliance.PolicyAsync(context.RequestServices!.GetRequiredService<VolunteersDbContext>(), context.CancellationToken));

    public void AddMutations(ObjectGraphType mutation) =>
        mutation.Mutation<SetPolicyPayloadType, SetPolicyInputType, SetPolicyPayload>("setPractitionerPolicy",
                "Sets the office's vetting periods, required checks, reminder days, RJC requirements and mileage rate. Every value is checked; nothing changes unless all are valid.")
            .Authorize(Roles.TenantAdmin)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var policy = Read(input);
                if (Check(policy) is { Count: > 0 } errors) return new SetPolicyPayload { UserErrors = errors };

                var db = context.RequestServices!.GetRequiredService<VolunteersDbContext>();
                var by = Me.UserId(context.RequestServices!);
                if (await db.Policies.FirstOrDefaultAsync(context.CancellationToken) is { } existing) existing.Change(policy, by, clock.GetUtcNow());
                else db.Policies.Add(OfficePolicy.Set(policy, by, clock.GetUtcNow()));
                await db.SaveChangesAsync(context.CancellationToken);
                return new SetPolicyPayload { Policy = policy };
            });

    private static CompliancePolicy Read(Dictionary<string, object?> input) => new()
    {
        DbsMonths = (int)input["dbsMonths"]!,
        PoliceVettingMonths = (int)input["policeVettingMonths"]!,
        NationalSecurityVettingMonths = (int)input["nationalSecurityVettingMonths"]!,
        RequiredChecks = [.. ((IEnumerable<object?>)input["requiredChecks"]!).Cast<VettingKind>()],
        ReminderDays = [.. ((IEnumerable<object?>)input["reminderDays"]!).Cast<int>().OrderDescending()],
        SupervisionEveryWeeks = (int)input["supervisionEveryWeeks"]!,
        ObservedPracticeEveryMonths = (int)input["observedPracticeEveryMonths"]!,
        CpdHoursByLevel = [.. ((IEnumerable<object?>)input["cpdHoursByLevel"]!).Cast<Dictionary<string, object?>>()
            .Select(l => new CpdRequirement(((string)l["level"]!).Trim(), (decimal)l["hoursPerYear"]!))],
        MileageRatePence = (decimal)input["mileageRatePence"]!,
    };

    private static List<UserError> Check(CompliancePolicy policy)
    {
        var errors = new List<UserError>();
        void Range(string field, decimal value, decimal min, decimal max, string what)
        {
            if (value < min || value > max) errors.Add(UserError.For("OUT_OF_RANGE", $"{what} must be between {min} and {max}.", "input", field));
        }
        Range("dbsMonths", policy.DbsMonths, 1, 60, "The DBS renewal period in months");
        Range("policeVettingMonths", policy.PoliceVettingMonths, 1, 60, "The police vetting renewal period in months");
        Range("nationalSecurityVettingMonths", policy.NationalSecurityVettingMonths, 1, 120, "The national security vetting review period in months");
        Range("supervisionEveryWeeks", policy.SupervisionEveryWeeks, 0, 52, "Weeks between case supervisions (0 when not required)");
        Range("observedPracticeEveryMonths", policy.ObservedPracticeEveryMonths, 0, 36, "Months between observations of practice (0 when not required)");
        Range("mileageRatePence", policy.MileageRatePence, 1, 200, "The mileage rate in pence a mile");
        if (decimal.Round(policy.MileageRatePence, 1) != policy.MileageRatePence)
            errors.Add(UserError.For("OUT_OF_RANGE", "The mileage rate has at most one decimal place of pence.", "input", "mileageRatePence"));
        if (policy.RequiredChecks.Distinct().Count() != policy.RequiredChecks.Count)
            errors.Add(UserError.For("DUPLICATE", "Name each required check once.", "input", "requiredChecks"));
        if (policy.ReminderDays.Count is 0 or > 5 || policy.ReminderDays.Any(d => d is < 1 or > 366) || policy.ReminderDays.Distinct().Count() != policy.ReminderDays.Count)
            errors.Add(UserError.For("OUT_OF_RANGE", "Give one to five different reminder days, each between 1 and 366 days before expiry.", "input", "reminderDays"));
        if (policy.CpdHoursByLevel.Count is 0 or > 10)
            errors.Add(UserError.For("REQUIRED", "Give between one and ten practitioner levels with their CPD hours.", "input", "cpdHoursByLevel"));
        for (var i = 0; i < policy.CpdHoursByLevel.Count; i++)
        {
            var level = policy.CpdHoursByLevel[i];
            if (level.Level.Length is 0 or > 50)
                errors.Add(UserError.For("REQUIRED", "Name the level, at most 50 characters.", "input", "cpdHoursByLevel", i.ToString(), "level"));
            else if (policy.CpdHoursByLevel.Take(i).Any(l => string.Equals(l.Level, level.Level, StringComparison.OrdinalIgnoreCase)))
                errors.Add(UserError.For("DUPLICATE", $"The level \"{level.Level}\" is named twice.", "input", "cpdHoursByLevel", i.ToString(), "level"));
            if (level.HoursPerYear is < 0 or > 200)
                errors.Add(UserError.For("OUT_OF_RANGE", "CPD hours a year must be between 0 and 200.", "input", "cpdHoursByLevel", i.ToString(), "hoursPerYear"));
        }
        return errors;
    }
}

internal sealed class PractitionerPolicyType : ObjectGraphType<CompliancePolicy>
{
    public PractitionerPolicyType()
    {
        Name = "PractitionerPolicy";
        Description = "The office's rules for who may take a case.";
        Field(p => p.DbsMonths).Description("A DBS check lasts this many months.");
        Field(p => p.PoliceVettingMonths).Description("Police vetting lasts this many months.");
        Field(p => p.NationalSecurityVettingMonths).Description("National security vetting is reviewed after this many months.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<VettingKind>>>>>("requiredChecks").Resolve(c => c.Source.RequiredChecks);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("reminderDays").Description("Days before expiry on which a reminder is sent.")
            .Resolve(c => c.Source.ReminderDays);
        Field(p => p.SupervisionEveryWeeks).Description("Case supervision is needed at least this often (0: not required).");
        Field(p => p.ObservedPracticeEveryMonths).Description("An observation of practice is needed this often (0: not required).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CpdRequirementType>>>>("cpdHoursByLevel").Resolve(c => c.Source.CpdHoursByLevel);
        Field(p => p.MileageRatePence).Description("Mileage is paid at this many pence a mile.");
    }
}

internal sealed class CpdRequirementType : ObjectGraphType<CpdRequirement>
{
    public CpdRequirementType()
    {
        Name = "CpdRequirement";
        Field(r => r.Level);
        Field(r => r.HoursPerYear).Description("CPD (training) hours needed in any 12 months, once they have practised a year.");
    }
}

internal sealed record SetPolicyPayload : Payload
{
    public CompliancePolicy? Policy { get; init; }
}

internal sealed class SetPolicyPayloadType : PayloadGraphType<SetPolicyPayload>
{
    public SetPolicyPayloadType() : base("SetPractitionerPolicyPayload") =>
        Field<PractitionerPolicyType>("policy").Resolve(c => c.Source.Policy);
}

internal sealed class SetPolicyInputType : InputObjectGraphType
{
    public SetPolicyInputType()
    {
        Name = "SetPractitionerPolicyInput";
        Field<NonNullGraphType<IntGraphType>>("dbsMonths");
        Field<NonNullGraphType<IntGraphType>>("policeVettingMonths");
        Field<NonNullGraphType<IntGraphType>>("nationalSecurityVettingMonths");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<VettingKind>>>>>("requiredChecks");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("reminderDays");
        Field<NonNullGraphType<IntGraphType>>("supervisionEveryWeeks");
        Field<NonNullGraphType<IntGraphType>>("observedPracticeEveryMonths");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CpdRequirementInputType>>>>("cpdHoursByLevel");
        Field<NonNullGraphType<DecimalGraphType>>("mileageRatePence");
    }
}

internal sealed class CpdRequirementInputType : InputObjectGraphType
{
    public CpdRequirementInputType()
    {
        Name = "CpdRequirementInput";
        Field<NonNullGraphType<StringGraphType>>("level");
        Field<NonNullGraphType<DecimalGraphType>>("hoursPerYear");
    }
}
