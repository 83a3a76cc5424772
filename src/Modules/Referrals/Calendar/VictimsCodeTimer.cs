namespace RJCloud.Modules.Referrals.Calendar;

/// <summary>
/// Code of Practice for Victims of Crime in England and Wales (2020), Right 4: victims are referred
/// to services that support victims (and offered information about restorative justice, Right 4 and
/// Right 5) within 2 working days of reporting for those entitled to enhanced rights (victims of the
/// most serious crime, persistently targeted, vulnerable or intimidated), and within 5 otherwise.
/// </summary>
internal static class VictimsCodeTimer
{
    public const int EnhancedWorkingDays = 2;
    public const int StandardWorkingDays = 5;

    public static DateOnly DueBy(DateOnly receivedOn, bool enhancedEntitlement) =>
        WorkingDays.Add(receivedOn, enhancedEntitlement ? EnhancedWorkingDays : StandardWorkingDays);
}
