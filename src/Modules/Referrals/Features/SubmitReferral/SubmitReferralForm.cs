using RJCloud.Modules.Referrals.Intake;

namespace RJCloud.Modules.Referrals.Features.SubmitReferral;

/// <summary>Turns the referral form into a draft, or into userErrors naming each field at fault.</summary>
internal static class SubmitReferralForm
{
    public static (ReferralDraft? Draft, FormChecks Checks) Read(SubmitReferralInput input, DateOnly today)
    {
        var checks = new FormChecks("input");
        var reasonDetail = input.Reason == ReferralReason.Other
            ? checks.Required(input.ReasonDetail, "reasonDetail", "why you are referring")
            : checks.Optional(input.ReasonDetail, "reasonDetail", "the reason's detail");
        if (!input.CourtCase && input.Sentenced is not null)
            checks.Add("NOT_A_COURT_CASE", "Say whether the offender was sentenced only for a case that has gone to court.", "sentenced");
        var details = new ReferralDetails
        {
            Reason = input.Reason,
            ReasonDetail = reasonDetail,
            Incident = checks.Required(input.Incident, "incident", "the incident or conflict to be addressed", FormChecks.LongText) ?? "",
            CourtCase = input.CourtCase,
            Sentenced = input.Sentenced,
            LeafletGiven = input.LeafletGiven,
            PreviousAction = checks.Optional(input.PreviousAction, "previousAction", "the previous action", FormChecks.LongText),
            RiskInformation = checks.Optional(input.RiskInformation, "riskInformation", "the risk information", FormChecks.LongText),
            Area = checks.Optional(input.Area, "area", "the area", 100),
            WillingToTakePart = input.WillingToTakePart,
            Concerns = [.. (input.Concerns ?? []).Distinct()],
        };
        var referrer = ReadReferrer(input.Referrer, checks.At("referrer"), checks);
        var adult = input.AppropriateAdult is { } a ? ReadAdult(a, checks.At("appropriateAdult"), checks) : null;
        var participants = ReadParticipants(input.Participants, today, checks);
        return (checks.Errors.Count == 0
            ? new ReferralDraft(input.Type, details, referrer, adult, participants, input.EnhancedEntitlement, [])
            : null, checks);
    }

    public static Referrer ReadReferrer(ReferrerInput input, FormChecks at, FormChecks into)
    {
        var referrer = new Referrer
        {
            Name = at.Required(input.Name, "name", "the referrer's name") ?? "",
            Organisation = at.Optional(input.Organisation, "organisation", "the organisation"),
            Position = at.Optional(input.Position, "position", "the position"),
            Phone = at.Phone(input.Phone, "phone"),
            Email = at.Email(input.Email, "email"),
        };
        into.Merge(at);
        return referrer;
    }

    public static AppropriateAdult ReadAdult(AppropriateAdultInput input, FormChecks at, FormChecks into)
    {
        var adult = new AppropriateAdult
        {
            Name = at.Required(input.Name, "name", "the appropriate adult's name") ?? "",
            Relationship = at.Required(input.Relationship, "relationship", "their relationship to the participant", 100) ?? "",
            Phone = at.Phone(input.Phone, "phone"),
            Address = at.Optional(input.Address, "address", "the address", FormChecks.AddressLength),
        };
        into.Merge(at);
        return adult;
    }

    public static List<ParticipantDetails> ReadParticipants(IReadOnlyList<ParticipantInput> inputs, DateOnly today, FormChecks checks)
    {
        if (inputs.Count == 0) checks.Add("PARTICIPANT_REQUIRED", "Add at least one participant.", "participants");
        if (inputs.Count > FormChecks.MaxParticipants) checks.Add("TOO_MANY_PARTICIPANTS", $"A referral can name at most {FormChecks.MaxParticipants} participants.", "participants");
        var participants = new List<ParticipantDetails>();
        for (var i = 0; i < Math.Min(inputs.Count, FormChecks.MaxParticipants); i++)
        {
            var p = inputs[i];
            var at = checks.At("participants", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            participants.Add(new ParticipantDetails(
                p.Role,
                at.Required(p.Name, "name", "the participant's name") ?? "",
                at.DateOfBirth(p.DateOfBirth, "dateOfBirth", today),
                at.Optional(p.Address, "address", "the address", FormChecks.AddressLength),
                p.Sex,
                at.Phone(p.Phone, "phone"),
                at.Email(p.Email, "email"),
                p.ConsentToShare,
                p.AcceptsResponsibility));
            checks.Merge(at);
        }
        return participants;
    }
}
