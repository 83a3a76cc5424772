using System.Net.Mail;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Volunteers.Features.BrowsePool;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Modules.Volunteers.Pool;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Time;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Volunteers.Features.RegisterPractitioner;

/// <summary>
/// registerPractitioner adds someone to the pool (a volunteer enters the recruitment pipeline as an
/// applicant); advanceRecruitment moves a volunteer on, one stage at a time.
/// </summary>
internal sealed class RegisterPractitionerFields(TimeProvider clock) : ISchemaContributor
{
    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Mutation<PractitionerPayloadType, RegisterPractitionerInputType, PractitionerPayload>("registerPractitioner",
                "Adds a member of staff, a volunteer applicant or an external consultant to the office's pool.")
            .Authorize(PractitionerGraphType.Managers)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var today = clock.Today();
                var kind = (PractitionerKind)input["kind"]!;
                var errors = new List<UserError>();
                var name = (input["name"] as string)?.Trim() ?? "";
                if (name.Length is 0 or > 200) errors.Add(UserError.For("REQUIRED", "Enter their name, at most 200 characters.", "input", "name"));
                var email = (input.GetValueOrDefault("email") as string)?.Trim();
                if (email is { Length: > 0 } && (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
                    errors.Add(UserError.For("INVALID_EMAIL", "Enter an e-mail address in the right format, like name@example.org.", "input", "email"));
                var born = input.GetValueOrDefault("dateOfBirth") as DateOnly?;
                if (born > today) errors.Add(UserError.For("DATE_OF_BIRTH_IN_FUTURE", "Date of birth must be today or in the past.", "input", "dateOfBirth"));
                else if (kind == PractitionerKind.Volunteer && born is null)
                    errors.Add(UserError.For("DATE_OF_BIRTH_REQUIRED", "Enter the applicant's date of birth: volunteers must be 18 or over.", "input", "dateOfBirth"));
                else if (kind == PractitionerKind.Volunteer && Practitioner.IsUnder18(born, today))
                    errors.Add(UserError.For("APPLICANT_UNDER_18", "Volunteers must be 18 or over: this applicant cannot be taken on yet.", "input", "dateOfBirth"));
                var capacity = input.GetValueOrDefault("maxConcurrentCases") as int? ?? 2;
                if (capacity is < 1 or > 50) errors.Add(UserError.For("INVALID_CAPACITY", "Maximum concurrent cases must be between 1 and 50.", "input", "maxConcurrentCases"));
                var hours = Convert.ToDecimal(input.GetValueOrDefault("hoursPerWeek") ?? 0m, System.Globalization.CultureInfo.InvariantCulture);
                if (hours is < 0 or > 80) errors.Add(UserError.For("INVALID_HOURS", "Hours a week must be between 0 and 80.", "input", "hoursPerWeek"));
                if (errors.Count > 0) return new PractitionerPayload { UserErrors = errors };

                var practitioner = Practitioner.Register(kind, new PractitionerDetails(name, email is { Length: > 0 } ? email : null,
                    (input.GetValueOrDefault("phone") as string)?.Trim(), born, Texts(input, "areas"), Texts(input, "languages"),
                    new Availability
                    {
                        HoursPerWeek = hours,
                        Days = [.. ((IEnumerable<object?>?)input.GetValueOrDefault("days") ?? []).OfType<DayOfWeek>().Distinct()],
                        Evenings = input.GetValueOrDefault("evenings") as bool? ?? false,
                        Weekends = input.GetValueOrDefault("weekends") as bool? ?? false,
                    }, capacity), clock.GetUtcNow());
                var db = context.RequestServices!.GetRequiredService<VolunteersDbContext>();
                db.Practitioners.Add(practitioner);
                await db.SaveChangesAsync(context.CancellationToken);
                return new PractitionerPayload { Practitioner = practitioner };
            });

        mutation.Mutation<AdvanceRecruitmentPayloadType, AdvanceRecruitmentInputType, PractitionerPayload>("advanceRecruitment",
                "Moves a volunteer to the next recruitment stage: applied, interviewed, trained, vetted, confirmed. Confirmation makes them active for 12 months' commitment.")
            .Authorize(PractitionerGraphType.Managers)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var db = context.RequestServices!.GetRequiredService<VolunteersDbContext>();
                var id = GlobalId.DecodeFor(PractitionerGraphType.Name, input["practitionerId"]?.ToString());
                var practitioner = id is null ? null : await db.Practitioners.FirstOrDefaultAsync(p => p.Id == id, context.CancellationToken);
                if (practitioner is null) return PractitionerPayload.Refuse(UserError.For("NOT_FOUND", "There is no practitioner with this id.", "input", "practitionerId"));
                var stage = (RecruitmentStage)input["stage"]!;
                if (practitioner.Stage is not { } current || stage != current + 1)
                    return PractitionerPayload.Refuse(UserError.For("OUT_OF_ORDER",
                        practitioner.Stage is null ? "Only volunteers go through recruitment." : $"The next stage after {practitioner.Stage} is {practitioner.Stage + 1}.",
                        "input", "stage"));
                practitioner.Advance(stage, clock.Today());
                await db.SaveChangesAsync(context.CancellationToken);
                return new PractitionerPayload { Practitioner = practitioner };
            });
    }

    private static IReadOnlyList<string> Texts(Dictionary<string, object?> input, string field) =>
        [.. ((IEnumerable<object?>?)input.GetValueOrDefault(field) ?? []).OfType<string>().Select(t => t.Trim()).Where(t => t.Length is > 0 and <= 100).Distinct()];
}

internal sealed record PractitionerPayload : Payload
{
    public Practitioner? Practitioner { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => Practitioner is null ? [] : [Practitioner.Id];

    public static PractitionerPayload Refuse(UserError error) => new() { UserErrors = [error] };
}

internal sealed class PractitionerPayloadType : PayloadGraphType<PractitionerPayload>
{
    public PractitionerPayloadType() : base("RegisterPractitionerPayload") =>
        Field<PractitionerGraphType>("practitioner").Resolve(c => c.Source.Practitioner);
}

internal sealed class AdvanceRecruitmentPayloadType : PayloadGraphType<PractitionerPayload>
{
    public AdvanceRecruitmentPayloadType() : base("AdvanceRecruitmentPayload") =>
        Field<PractitionerGraphType>("practitioner").Resolve(c => c.Source.Practitioner);
}

internal sealed class RegisterPractitionerInputType : InputObjectGraphType
{
    public RegisterPractitionerInputType()
    {
        Name = "RegisterPractitionerInput";
        Field<NonNullGraphType<EnumerationGraphType<PractitionerKind>>>("kind");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<StringGraphType>("email");
        Field<StringGraphType>("phone");
        Field<DateOnlyGraphType>("dateOfBirth").Description("Required for volunteers, who must be 18 or over.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("areas").Description("Areas they cover, e.g. Peterlee.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("languages");
        Field<DecimalGraphType>("hoursPerWeek");
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<DayOfWeek>>>>("days");
        Field<BooleanGraphType>("evenings");
        Field<BooleanGraphType>("weekends");
        Field<IntGraphType>("maxConcurrentCases").Description("The most cases at once (default 2).");
    }
}

internal sealed class AdvanceRecruitmentInputType : InputObjectGraphType
{
    public AdvanceRecruitmentInputType()
    {
        Name = "AdvanceRecruitmentInput";
        Field<NonNullGraphType<IdGraphType>>("practitionerId");
        Field<NonNullGraphType<EnumerationGraphType<RecruitmentStage>>>("stage").Description("The next stage.");
    }
}
