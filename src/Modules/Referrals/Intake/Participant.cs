using RJCloud.Modules.Referrals.Policies;
using RJCloud.Shared.Logging;
using RJCloud.Tenancy.Isolation;

namespace RJCloud.Modules.Referrals.Intake;

/// <summary>A person the referral is about, in their role, with their own consent.</summary>
internal sealed class Participant : ITenantOwned
{
    private Participant() { }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ReferralId { get; private set; }

    /// <summary>Where they come on the referral, from 0: the order the referrer listed them in.</summary>
    public int Position { get; private set; }

    public ParticipantRole Role { get; private set; }

    [PersonalData]
    public string Name { get; private set; } = "";

    [PersonalData]
    public DateOnly? DateOfBirth { get; private set; }

    [PersonalData]
    public string? Address { get; private set; }

    public Sex? Sex { get; private set; }

    [PersonalData]
    public string? Phone { get; private set; }

    [PersonalData]
    public string? Email { get; private set; }

    /// <summary>Their consent to their details being passed to the service.</summary>
    public bool ConsentToShare { get; private set; }

    /// <summary>For a person responsible: do they accept (some) responsibility? Null when not asked.</summary>
    public bool? AcceptsResponsibility { get; private set; }

    public static Participant Add(Guid referralId, int position, ParticipantDetails details, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ReferralId = referralId,
        Position = position,
        Role = details.Role,
        Name = details.Name,
        DateOfBirth = details.DateOfBirth,
        Address = details.Address,
        Sex = details.Sex,
        Phone = details.Phone,
        Email = details.Email,
        ConsentToShare = details.ConsentToShare,
        AcceptsResponsibility = details.AcceptsResponsibility,
    };

    public bool IsUnder18On(DateOnly day) => DateOfBirth is { } born && born.AddYears(18) > day;
}

/// <summary>A participant as the referrer describes them, before the referral exists.</summary>
internal sealed record ParticipantDetails(
    ParticipantRole Role, [property: PersonalData] string Name, [property: PersonalData] DateOnly? DateOfBirth, [property: PersonalData] string? Address,
    Sex? Sex, [property: PersonalData] string? Phone, [property: PersonalData] string? Email, bool ConsentToShare, bool? AcceptsResponsibility);
