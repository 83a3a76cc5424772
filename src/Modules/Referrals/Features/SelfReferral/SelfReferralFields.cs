using RJCloud.Shared.Time;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RJCloud.Modules.Referrals.Features.SubmitReferral;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;

namespace RJCloud.Modules.Referrals.Features.SelfReferral;

/// <summary>
/// submitSelfReferral: the public form, reached at the office's own address without signing in.
/// It answers only with a reference number: nothing of the office's records is visible through it.
/// </summary>
internal sealed class SelfReferralFields(TimeProvider clock, ILogger<SelfReferralFields> logger) : ISchemaContributor
{
    public const int MaxOtherPeople = 5;

    public void AddMutations(ObjectGraphType mutation) =>
        mutation.Mutation<SelfReferralPayloadType, SelfReferralInputType, SubmitReferralPayload>("submitSelfReferral",
                "Refers yourself to the office's restorative justice service. No sign-in: use the office's address. You get a reference number to quote.")
            .AllowAnonymous()
            .ResolveAsync(async context =>
            {
                var services = context.RequestServices!;
                if (services.GetRequiredService<ITenantContext>().Current is not { } tenant)
                    return SubmitReferralPayload.Refuse(UserError.For("OFFICE_REQUIRED",
                        "Send the form to your office's own address, e.g. /t/essex/graphql."));
                var input = context.GetArgument<SelfReferralInput>("input");
                if (!string.IsNullOrEmpty(input.Website))
                {
                    logger.LogWarning("Self-referral refused: the hidden field was filled in");
                    return SubmitReferralPayload.Refuse(UserError.For("SUBMISSION_REFUSED",
                        "This form could not be accepted. Please phone the office instead.", "input", "website"));
                }
                var address = services.GetRequiredService<IHttpContextAccessor>().HttpContext?.Connection.RemoteIpAddress?.ToString();
                if (!await services.GetRequiredService<PublicFormLimits>().TryAcquireAsync(address, context.CancellationToken))
                    return SubmitReferralPayload.Refuse(UserError.For("TOO_MANY_SUBMISSIONS",
                        "Too many forms have been sent from here recently. Please try again later, or phone the office."));

                var (draft, checks) = Read(input, clock.Today());
                if (draft is null) return new SubmitReferralPayload { UserErrors = checks.Errors };
                var result = await services.GetRequiredService<ReferralIntake>().ReceiveAsync(
                    draft, ReferralRoute.SelfReferral, new Submitter(Actor.From(context.User).Subject, null), null, context.CancellationToken);
                return SubmitReferralPayload.From(result);
            });

    private static (ReferralDraft?, FormChecks) Read(SelfReferralInput input, DateOnly today)
    {
        var checks = new FormChecks("input");
        if (!input.Consent)
            checks.Add("CONSENT_REQUIRED", "Tick the box to agree to the office holding your details and contacting you.", "consent");
        if (input.YourRole == ParticipantRole.Supporter)
            checks.Add("INVALID_ROLE", "Choose whether it happened to you, you did it, or it is a dispute between you and others.", "yourRole");
        if (!input.CourtCase && input.Sentenced is not null)
            checks.Add("NOT_A_COURT_CASE", "Say whether someone was sentenced only if it went to court.", "sentenced");
        var others = input.OtherPeople ?? [];
        if (others.Count > MaxOtherPeople) checks.Add("TOO_MANY_PEOPLE", $"Name at most {MaxOtherPeople} other people.", "otherPeople");

        var name = checks.Required(input.Name, "name", "your name") ?? "";
        var email = checks.Email(input.Email, "email");
        var phone = checks.Phone(input.Phone, "phone");
        if (email is null && phone is null && string.IsNullOrWhiteSpace(input.Address))
            checks.Add("CONTACT_REQUIRED", "Give at least one way to contact you: e-mail, telephone or address.", "email");
        var participants = new List<ParticipantDetails>
        {
            new(input.YourRole, name, checks.DateOfBirth(input.DateOfBirth, "dateOfBirth", today),
                checks.Optional(input.Address, "address", "your address", FormChecks.AddressLength), null, phone, email, input.Consent,
                input.YourRole is ParticipantRole.PersonResponsible or ParticipantRole.BothParties ? true : null),
        };
        for (var i = 0; i < Math.Min(others.Count, MaxOtherPeople); i++)
        {
            var at = checks.At("otherPeople", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            participants.Add(new ParticipantDetails(others[i].Role, at.Required(others[i].Name, "name", "their name") ?? "", null, null, null, null, null, false, null));
            checks.Merge(at);
        }
        var details = new ReferralDetails
        {
            Reason = ReferralReason.SelfReferral,
            Incident = checks.Required(input.Incident, "incident", "what happened", FormChecks.LongText) ?? "",
            CourtCase = input.CourtCase,
            Sentenced = input.Sentenced,
            LeafletGiven = false,
            Area = checks.Optional(input.Area, "area", "the area", 100),
            WillingToTakePart = true,
            Concerns = [.. (input.Concerns ?? []).Distinct()],
        };
        var referrer = new Referrer { Name = name, Phone = phone, Email = email };
        return (checks.Errors.Count == 0 ? new ReferralDraft(input.Type, details, referrer, null, participants, false, []) : null, checks);
    }
}

internal sealed class SelfReferralPayloadType : PayloadGraphType<SubmitReferralPayload>
{
    public SelfReferralPayloadType() : base("SubmitSelfReferralPayload") =>
        Field<StringGraphType>("reference").Description("Your reference number: keep it, and quote it when you contact the office.")
            .Resolve(c => c.Source.Referral?.Reference);
}
