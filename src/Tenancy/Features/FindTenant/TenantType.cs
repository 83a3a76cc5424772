using GraphQL.Types;
using RJCloud.Tenancy.Registry;

namespace RJCloud.Tenancy.Features.FindTenant;

/// <summary>What anyone may know about an office: what the public referral form shows.</summary>
internal sealed class TenantType : ObjectGraphType<Tenant>
{
    public TenantType()
    {
        Name = "Tenant";
        Description = "A Police and Crime Commissioner's office served by RJCloud.";
        Field(t => t.Identifier).Description("Short name used in the office's web address, e.g. \"essex\".");
        Field(t => t.DisplayName).Description("The office's name, e.g. \"Essex Police, Fire and Crime Commissioner\".");
        Field<NonNullGraphType<EnumerationGraphType<OfficeType>>>("officeType").Resolve(context => context.Source.OfficeType);
    }
}
