using GraphQL.Types;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Tenancy.Registry;

namespace RJCloud.Tenancy.Identity.Features.Tenants;

internal sealed class CreateTenantPayloadType : PayloadGraphType<CreateTenantPayload>
{
    public CreateTenantPayloadType() : base("CreateTenantPayload")
    {
        Field<OfficeTenantType>("tenant").Description("The new office.").Resolve(c => c.Source.Tenant is { } t ? new Office { Tenant = t } : null);
        Field(p => p.FirstAdminInvitationLink, nullable: true).Description("Where the first tenant admin chooses a password; shown only now.");
    }
}

internal sealed class CreateTenantInputType : InputObjectGraphType
{
    public CreateTenantInputType()
    {
        Name = "CreateTenantInput";
        Field<NonNullGraphType<StringGraphType>>("identifier").Description("Short name for the web address, e.g. \"kent\".");
        Field<NonNullGraphType<StringGraphType>>("displayName").Description("The office's name.");
        Field<NonNullGraphType<EnumerationGraphType<OfficeType>>>("officeType").Description("PCC or PFCC.");
        Field<NonNullGraphType<FirstAdminInputType>>("firstAdmin").Description("The person who will administer the office.");
    }
}

internal sealed class FirstAdminInputType : InputObjectGraphType
{
    public FirstAdminInputType()
    {
        Name = "FirstAdminInput";
        Field<NonNullGraphType<StringGraphType>>("email").Description("Their e-mail address.");
        Field<NonNullGraphType<StringGraphType>>("displayName").Description("Their name.");
    }
}

internal sealed record ChangeTenantStatusPayload : Payload
{
    public Office? Office { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => Office is null ? [] : [Office.Tenant.Id];
}

internal sealed class ChangeTenantStatusPayloadType : PayloadGraphType<ChangeTenantStatusPayload>
{
    public ChangeTenantStatusPayloadType() : base("ChangeTenantStatusPayload") =>
        Field<OfficeTenantType>("tenant").Description("The office, as changed.").Resolve(c => c.Source.Office);
}

internal sealed class ChangeTenantStatusInputType : InputObjectGraphType
{
    public ChangeTenantStatusInputType()
    {
        Name = "ChangeTenantStatusInput";
        Field<NonNullGraphType<IdGraphType>>("tenantId").Description("The office's id.");
        Field<NonNullGraphType<TenantStatusType>>("status").Description("The new status.");
    }
}
