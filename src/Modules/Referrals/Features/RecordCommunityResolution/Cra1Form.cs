using RJCloud.Modules.Referrals.CommunityResolutions;
using RJCloud.Modules.Referrals.Features.SubmitReferral;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Policies;

namespace RJCloud.Modules.Referrals.Features.RecordCommunityResolution;

/// <summary>Reads the CRA1 into a Community Resolution, and turns one with a restorative remedy into a referral.</summary>
internal static class Cra1Form
{
    public const int MaxRemedies = 8;
    public const int MaxActions = 10;

    public static (CommunityResolutionForm? Form, FormChecks Checks) Read(CommunityResolutionInput input, DateOnly today)
    {
        var checks = new FormChecks("input");
        var storm = checks.Required(input.StormReference, "stormReference", "the STORM reference", 40);
        var athena = checks.Required(input.AthenaReference, "athenaReference", "the ATHENA reference", 40);
        var offence = checks.Required(input.Offence, "offence", "the offence or ASB", FormChecks.ShortText);
        var victim = Party(input.Victim, checks, "victim", today);
        var offender = Party(input.Offender, checks, "offender", today);
        if (input.ChosenRemedies.Count == 0) checks.Add("REMEDY_REQUIRED", "Choose at least one remedy from the Community Remedy menu.", "chosenRemedies");
        if (input.ChosenRemedies.Count > MaxRemedies) checks.Add("TOO_MANY_REMEDIES", $"Choose at most {MaxRemedies} remedies.", "chosenRemedies");
        if (!input.OffenderAcceptsResponsibility)
            checks.Add("RESPONSIBILITY_REQUIRED",
                "A Community Resolution needs the offender to accept responsibility. Without it, deal with the offence another way.", "offenderAcceptsResponsibility");
        var actions = input.AgreedActions ?? [];
        if (actions.Count > MaxActions) checks.Add("TOO_MANY_ACTIONS", $"Record at most {MaxActions} agreed actions.", "agreedActions");
        var actionsAt = checks.At("agreedActions");
        var agreed = actions.Take(MaxActions).Select((a, i) => actionsAt.Required(a, i.ToString(System.Globalization.CultureInfo.InvariantCulture), "the agreed action") ?? "").ToList();
        checks.Merge(actionsAt);
        var adult = input.AppropriateAdult is { } a ? SubmitReferralForm.ReadAdult(a, checks.At("appropriateAdult"), checks) : null;
        var officersAt = checks.At("officers");
        var officers = new Officers
        {
            Investigating = officersAt.Required(input.Officers.Investigating, "investigating", "the investigating officer") ?? "",
            Supervising = officersAt.Optional(input.Officers.Supervising, "supervising", "the supervising officer"),
            AuthorisingInspector = officersAt.Optional(input.Officers.AuthorisingInspector, "authorisingInspector", "the authorising inspector"),
        };
        checks.Merge(officersAt);
        var caution = checks.Optional(input.OffenderCautionReply, "offenderCautionReply", "the reply to the caution", FormChecks.LongText);
        var area = checks.Optional(input.Area, "area", "the area", 100);
        if (checks.Errors.Count > 0) return (null, checks);
        return (new CommunityResolutionForm(storm!, athena!, offence!, area, victim, offender,
            [.. input.ChosenRemedies.Select(r => r.Trim())], input.VictimConsentsToReferral, caution, input.OffenderAcceptsResponsibility,
            input.OffenderConsentsToReferral, agreed, adult, officers), checks);
    }

    /// <summary>The referral a restorative remedy makes: the victim harmed, the offender responsible, each with the consent they gave on the form.</summary>
    public static ReferralDraft AsReferral(CommunityResolutionForm form) => new(
        ReferralType.CommunityRemedy,
        new ReferralDetails
        {
            Reason = ReferralReason.CommunityRemedy,
            Incident = $"{form.Offence} (Community Resolution, STORM {form.StormReference}, ATHENA {form.AthenaReference})",
            CourtCase = false,
            LeafletGiven = false,
            Area = form.Area,
            WillingToTakePart = form.VictimConsentsToReferral,
        },
        new Referrer { Name = form.Officers.Investigating, Organisation = "Police", Position = "Investigating officer" },
        form.AppropriateAdult,
        [
            new ParticipantDetails(ParticipantRole.HarmedPerson, form.Victim.Name, form.Victim.DateOfBirth, form.Victim.Address, null, form.Victim.Phone, null,
                form.VictimConsentsToReferral, null),
            new ParticipantDetails(ParticipantRole.PersonResponsible, form.Offender.Name, form.Offender.DateOfBirth, form.Offender.Address, null, form.Offender.Phone, null,
                form.OffenderConsentsToReferral, form.OffenderAcceptsResponsibility),
        ],
        false,
        form.ChosenRemedies);

    private static CommunityResolutionParty Party(PartyInput input, FormChecks checks, string field, DateOnly today)
    {
        var at = checks.At(field);
        var party = new CommunityResolutionParty
        {
            Name = at.Required(input.Name, "name", "the name") ?? "",
            DateOfBirth = at.DateOfBirth(input.DateOfBirth, "dateOfBirth", today),
            Address = at.Optional(input.Address, "address", "the address", FormChecks.AddressLength),
            Phone = at.Phone(input.Phone, "phone"),
        };
        checks.Merge(at);
        return party;
    }
}
