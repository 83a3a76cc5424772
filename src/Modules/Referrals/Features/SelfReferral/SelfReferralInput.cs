using GraphQL.Types;
using RJCloud.Modules.Referrals.GraphQL;
using RJCloud.Modules.Referrals.Policies;

namespace RJCloud.Modules.Referrals.Features.SelfReferral;

/// <summary>The public online form: a person refers themselves, without signing in.</summary>
internal sealed class SelfReferralInput
{
    public ReferralType Type { get; set; }

    public ParticipantRole YourRole { get; set; }

    public string Name { get; set; } = "";

    public DateOnly? DateOfBirth { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string Incident { get; set; } = "";

    public string? Area { get; set; }

    public bool CourtCase { get; set; }

    public bool? Sentenced { get; set; }

    public List<Concern>? Concerns { get; set; }

    public List<OtherPersonInput>? OtherPeople { get; set; }

    public bool Consent { get; set; }

    /// <summary>Hidden from people on the form; only automated submitters fill it in.</summary>
    public string? Website { get; set; }
}

internal sealed class OtherPersonInput
{
    public ParticipantRole Role { get; set; }

    public string Name { get; set; } = "";
}

internal sealed class SelfReferralInputType : InputObjectGraphType<SelfReferralInput>
{
    public SelfReferralInputType()
    {
        Name = "SubmitSelfReferralInput";
        Description = "The public self-referral form. No sign-in: send it to the office's own address (/t/{office}/graphql).";
        Field<NonNullGraphType<ReferralTypeType>>("type").Description("What happened, as best you can tell.");
        Field<NonNullGraphType<ParticipantRoleType>>("yourRole").Description("HARMED_PERSON if it happened to you, PERSON_RESPONSIBLE if you did it, BOTH_PARTIES for a dispute.");
        Field(x => x.Name).Description("Your name.");
        Field<DateOnlyGraphType>("dateOfBirth").Description("Your date of birth.");
        Field(x => x.Address, nullable: true);
        Field(x => x.Phone, nullable: true);
        Field(x => x.Email, nullable: true);
        Field(x => x.Incident).Description("What happened, and what you would like to happen.");
        Field(x => x.Area, nullable: true).Description("Where it happened (town or area).");
        Field(x => x.CourtCase).Description("Has it gone to court?");
        Field(x => x.Sentenced, nullable: true).Description("If it went to court: has someone been sentenced?");
        Field<ListGraphType<NonNullGraphType<ConcernType>>>("concerns").Description("Anything that applies: domestic or sexual abuse, a young person, fire...");
        Field<ListGraphType<NonNullGraphType<OtherPersonInputType>>>("otherPeople").Description("Others involved, if you want to name them (at most 5).");
        Field(x => x.Consent).Description("You agree to the office holding these details and contacting you about restorative justice.");
        Field(x => x.Website, nullable: true).Description("Leave empty.");
    }
}

internal sealed class OtherPersonInputType : InputObjectGraphType<OtherPersonInput>
{
    public OtherPersonInputType()
    {
        Name = "OtherPersonInput";
        Field<NonNullGraphType<ParticipantRoleType>>("role");
        Field(x => x.Name);
    }
}
