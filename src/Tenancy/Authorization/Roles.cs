namespace RJCloud.Tenancy.Authorization;

/// <summary>What a person or partner system may do inside a tenant (and the platform operator outside them).</summary>
public static class Roles
{
    public const string TenantAdmin = "tenant_admin";
    public const string ServiceManager = "service_manager";
    public const string Coordinator = "coordinator";
    public const string Facilitator = "facilitator";
    public const string Commissioner = "commissioner";
    public const string ChiefExecutive = "chief_executive";
    public const string ChiefFinanceOfficer = "chief_finance_officer";

    /// <summary>The PCC/PFCC or their deputy: agrees or rejects decisions.</summary>
    public const string CommissionerInOffice = "commissioner_in_office";
    public const string Analyst = "analyst";

    /// <summary>A person at a partner agency (police, probation, Victim Support...).</summary>
    public const string PartnerUser = "partner_user";

    /// <summary>A partner agency's system, signed in with client credentials.</summary>
    public const string PartnerSystem = "partner_system";

    /// <summary>Runs the platform: creates and suspends tenants. Belongs to the platform tenant only.</summary>
    public const string PlatformOperator = "platform_operator";

    /// <summary>The roles a tenant admin can give people in an office.</summary>
    public static readonly IReadOnlyList<string> TenantRoles =
    [
        TenantAdmin, ServiceManager, Coordinator, Facilitator, Commissioner, ChiefExecutive,
        ChiefFinanceOfficer, CommissionerInOffice, Analyst, PartnerUser,
    ];

    /// <summary>The office's own people: every tenant role but partner agencies'.</summary>
    public static readonly string[] OfficeStaff =
    [
        TenantAdmin, ServiceManager, Coordinator, Facilitator, Commissioner, ChiefExecutive,
        ChiefFinanceOfficer, CommissionerInOffice, Analyst,
    ];

    public static bool IsTenantRole(string role) => TenantRoles.Contains(role);
}
