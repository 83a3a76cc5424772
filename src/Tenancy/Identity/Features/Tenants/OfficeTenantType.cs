using GraphQL.Types;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Registry;

namespace RJCloud.Tenancy.Identity.Features.Tenants;

/// <summary>An office as platform operators manage it: with its status, which the public Tenant type does not show.</summary>
internal sealed class OfficeTenantType : NodeGraphType<Tenant>
{
    public new const string Name = "OfficeTenant";

    public OfficeTenantType() : base(Name, t => t.Id)
    {
        Description = "A PCC office served by RJCloud, as the platform operators see it.";
        Field(t => t.Identifier).Description("Short name used in the office's web address, e.g. \"essex\".");
        Field(t => t.DisplayName).Description("The office's name.");
        Field<NonNullGraphType<EnumerationGraphType<OfficeType>>>("officeType").Description("PCC or PFCC.").Resolve(c => c.Source.OfficeType);
        Field<NonNullGraphType<TenantStatusType>>("status").Description("Whether the office can use the service.").Resolve(c => c.Source.Status);
        Field(t => t.CreatedAt).Description("When the office was created.");
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
