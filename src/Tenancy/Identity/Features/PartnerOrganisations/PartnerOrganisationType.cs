using RJCloud.Tenancy.Authorization;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Identity.Partners;
using RJCloud.Tenancy.Identity.Persistence;

namespace RJCloud.Tenancy.Identity.Features.PartnerOrganisations;

internal sealed class PartnerOrganisationType : NodeGraphType<PartnerOrganisation>
{
    public new const string Name = "PartnerOrganisation";

    public PartnerOrganisationType() : base(Name, p => p.Id)
    {
        Description = "An agency this office works with: police, Victim Support, probation, youth offending...";
        this.Authorize(Roles.OfficeStaff);
        Field(p => p.Name).Description("The agency's name, e.g. \"Essex Police\".");
        Field<NonNullGraphType<PartnerOrganisationKindType>>("kind").Description("What sort of agency it is.").Resolve(c => c.Source.Kind);
        Field(p => p.CreatedAt).Description("When it was registered.");
    }

    public static IDataLoaderResult<PartnerOrganisation?> Load(IServiceProvider services, Guid id) =>
        services.GetRequiredService<BatchLoaders>().ForOne<Guid, PartnerOrganisation>("identity.partnerOrganisationById", async (ids, ct) =>
            await services.GetRequiredService<IdentityDbContext>().PartnerOrganisations.AsNoTracking().Where(p => ids.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, p => (PartnerOrganisation?)p, ct)).Load(id);
}

internal sealed class PartnerOrganisationKindType : EnumerationGraphType<PartnerOrganisationKind>
{
    public PartnerOrganisationKindType()
    {
        Name = "PartnerOrganisationKind";
        Description = "Kinds of partner agency. PROBATION covers the CRC and the National Probation Service.";
    }
}
