using GraphQL.Types;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Tenancy.Identity.Partners;

namespace RJCloud.Tenancy.Identity.Features.PartnerClients;

internal sealed record PartnerClientPayload : Payload
{
    public PartnerClient? PartnerClient { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => PartnerClient is null ? [] : [PartnerClient.Id];

    /// <summary>Only in the answer that issued it; OpenIddict keeps just its hash.</summary>
    public string? ClientSecret { get; init; }

    public static PartnerClientPayload Refuse(UserError error) => new() { UserErrors = [error] };
}

internal abstract class PartnerClientPayloadType : PayloadGraphType<PartnerClientPayload>
{
    protected PartnerClientPayloadType(string name, bool withSecret) : base(name)
    {
        Field<PartnerClientType>("partnerClient").Description("The partner client, as changed.").Resolve(c => c.Source.PartnerClient);
        if (withSecret)
            Field(p => p.ClientSecret, nullable: true).Description("The client secret. Shown only in this answer: store it in the partner system now.");
    }
}

internal sealed class RegisterPartnerClientPayloadType() : PartnerClientPayloadType("RegisterPartnerClientPayload", withSecret: true);

internal sealed class RotatePartnerClientSecretPayloadType() : PartnerClientPayloadType("RotatePartnerClientSecretPayload", withSecret: true);

internal sealed class RevokePartnerClientPayloadType() : PartnerClientPayloadType("RevokePartnerClientPayload", withSecret: false);

internal sealed class RegisterPartnerClientInputType : InputObjectGraphType
{
    public RegisterPartnerClientInputType()
    {
        Name = "RegisterPartnerClientInput";
        Field<NonNullGraphType<IdGraphType>>("partnerOrganisationId").Description("The agency the system acts for.");
        Field<NonNullGraphType<StringGraphType>>("displayName").Description("What the system is.");
    }
}

internal abstract class PartnerClientIdInputType : InputObjectGraphType
{
    protected PartnerClientIdInputType(string name)
    {
        Name = name;
        Field<NonNullGraphType<IdGraphType>>("partnerClientId").Description("The partner client's id.");
    }
}

internal sealed class RotatePartnerClientSecretInputType() : PartnerClientIdInputType("RotatePartnerClientSecretInput");

internal sealed class RevokePartnerClientInputType() : PartnerClientIdInputType("RevokePartnerClientInput");
