using GraphQL.Types;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Registry;

namespace RJCloud.Tenancy.Identity.Features.Tenants;

/// <summary>An office as platform operators manage it: with its status, which the public Tenant type does not show.</summary>
/// <summary>
/// The registry's tenant seen by platform operators. A type of its own because a Node type is
/// recognised by its CLR type, and Tenant already backs other GraphQL types.
/// </summary>
internal sealed record Office
{
    public required Tenant Tenant { get; init; }
}

internal sealed class OfficeTenantType : NodeGraphType<Office>
{
    public new const string Name = "OfficeTenant";

    public OfficeTenantType() : base(Name, o => o.Tenant.Id)
    {
        Description = "A PCC office served by RJCloud, as the platform operators see it.";
        Field("identifier", o => o.Tenant.Identifier).Description("Short name used in the office's web address, e.g. \"essex\".");
        Field("displayName", o => o.Tenant.DisplayName).Description("The office's name.");
        Field<NonNullGraphType<EnumerationGraphType<OfficeType>>>("officeType").Description("PCC or PFCC.").Resolve(c => c.Source.Tenant.OfficeType);
        Field<NonNullGraphType<TenantStatusType>>("status").Description("Whether the office can use the service.").Resolve(c => c.Source.Tenant.Status);
        Field("createdAt", o => o.Tenant.CreatedAt).Description("When the office was created.");
    }
}

internal sealed class TenantStatusType : EnumerationGraphType<TenantStatus>
{
    public TenantStatusType()
    {
        Name = "TenantStatus";
        Description = "ACTIVE: in use. READ_ONLY: records can be read, not changed. SUSPENDED: nobody of the office can sign in or use it.";
    }
}
