using RJCloud.Tenancy.Authorization;
using GraphQL.Types;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Identity.Features.PartnerOrganisations;
using RJCloud.Tenancy.Identity.Partners;

namespace RJCloud.Tenancy.Identity.Features.PartnerClients;

internal sealed class PartnerClientType : NodeGraphType<PartnerClient>
{
    public new const string Name = "PartnerClient";

    public PartnerClientType() : base(Name, c => c.Id)
    {
        Description = "A partner agency's system that signs in with client credentials at this office's token endpoint.";
        this.Authorize(Roles.TenantAdmin);
        Field(c => c.ClientId).Description("The client_id it signs in with.");
        Field(c => c.DisplayName).Description("What the system is, e.g. \"Athena case referrals\".");
        Field(c => c.SecretIssuedAt).Description("When its current secret was issued.");
        Field(c => c.RevokedAt, nullable: true).Description("When it was revoked; a revoked client cannot sign in.");
        Field<NonNullGraphType<PartnerOrganisationType>>("partnerOrganisation").Description("The agency it acts for.")
            .Resolve(c => PartnerOrganisationType.Load(c.RequestServices!, c.Source.PartnerOrganisationId));
    }
}
