using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Commissioning.Features;

/// <summary>Who sees and does what in commissioning. Partners see nothing of it.</summary>
internal static class CommissioningAccess
{
    /// <summary>The office's money and decisions are read by those who commission, sign or decide.</summary>
    public static readonly string[] Readers =
        [Roles.Commissioner, Roles.ChiefFinanceOfficer, Roles.ChiefExecutive, Roles.CommissionerInOffice, Roles.ServiceManager];

    /// <summary>Funding, budgets and commitments are recorded by commissioning staff and finance.</summary>
    public static readonly string[] MoneyKeepers = [Roles.Commissioner, Roles.ChiefFinanceOfficer];

    /// <summary>Invoices and payments are finance's.</summary>
    public static readonly string[] Finance = [Roles.ChiefFinanceOfficer];

    /// <summary>Decision reports are drafted by commissioning staff and service managers.</summary>
    public static readonly string[] Drafters = [Roles.Commissioner, Roles.ServiceManager];

    public static Guid? UserId(IServiceProvider services) => Guid.TryParse(Actor.Of(services).Subject, out var id) ? id : null;
}
