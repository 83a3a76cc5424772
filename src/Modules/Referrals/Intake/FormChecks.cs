using System.Net.Mail;
using System.Text.RegularExpressions;
using RJCloud.Shared.GraphQL.Mutations;

namespace RJCloud.Modules.Referrals.Intake;

/// <summary>
/// Field checks shared by every intake route. Each problem names its field, and all problems are
/// reported at once so a form can be corrected in one go.
/// </summary>
internal sealed partial class FormChecks(params string[] prefix)
{
    public const int ShortText = 200;
    public const int LongText = 4000;
    public const int AddressLength = 500;
    public const int MaxParticipants = 20;

    private static readonly DateOnly EarliestBirth = new(1900, 1, 1);

    public List<UserError> Errors { get; } = [];

    public FormChecks At(params string[] path) => new([.. prefix, .. path]) { };

    public void Merge(FormChecks other) => Errors.AddRange(other.Errors);

    public string? Required(string? value, string field, string what, int max = ShortText)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add("REQUIRED", $"Enter {what}.", field);
            return null;
        }
        return Optional(value, field, what, max);
    }

    public string? Optional(string? value, string field, string what, int max = ShortText)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim();
        if (trimmed.Length > max) Add("TOO_LONG", $"{Capitalise(what)} must be {max} characters or fewer.", field);
        return trimmed;
    }

    public string? Email(string? value, string field)
    {
        var email = Optional(value, field, "the e-mail address", 254);
        if (email is not null && (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
            Add("INVALID_EMAIL", "Enter an e-mail address in the right format, like name@example.org.", field);
        return email;
    }

    public string? Phone(string? value, string field)
    {
        var phone = Optional(value, field, "the telephone number", 40);
        if (phone is not null && !PhonePattern().IsMatch(phone))
            Add("INVALID_PHONE", "Enter a telephone number, like 01245 291600 or +44 7700 900982.", field);
        return phone;
    }

    public DateOnly? DateOfBirth(DateOnly? value, string field, DateOnly today)
    {
        if (value is { } born && born > today) Add("DATE_OF_BIRTH_IN_FUTURE", "Date of birth must be today or in the past.", field);
        else if (value is { } early && early < EarliestBirth) Add("INVALID_DATE_OF_BIRTH", "Date of birth must be after 1 January 1900.", field);
        return value;
    }

    public void Add(string code, string message, params string[] field) => Errors.Add(UserError.For(code, message, [.. prefix, .. field]));

    private static string Capitalise(string what) => what.StartsWith("the ", StringComparison.Ordinal) ? "The " + what[4..] : char.ToUpperInvariant(what[0]) + what[1..];

    [GeneratedRegex(@"^\+?[0-9 ()\-]{6,40}$")]
    private static partial Regex PhonePattern();
}
