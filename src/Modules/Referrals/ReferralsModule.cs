using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Referrals.DemoData;
using RJCloud.Modules.Referrals.Features.BrowseReferrals;
using RJCloud.Modules.Referrals.Features.PartnerView;
using RJCloud.Modules.Referrals.Features.ScreenReferral;
using RJCloud.Modules.Referrals.Features.RecordCommunityResolution;
using RJCloud.Modules.Referrals.Features.ReferralCriteria;
using RJCloud.Modules.Referrals.Features.SelfReferral;
using RJCloud.Modules.Referrals.Features.SubmitReferral;
using RJCloud.Modules.Referrals.Intake;
using RJCloud.Modules.Referrals.Persistence;
using RJCloud.Modules.Referrals.Policies;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Outbox;

namespace RJCloud.Modules.Referrals;

public sealed class ReferralsModule : IModule
{
    public string Name => "Referrals";

    public string Schema => ReferralsDbContext.SchemaName;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<ReferralsDbContext>(Name, Schema);
        AddIntake(services);
        AddScreening(services);
    }

    private static void AddScreening(IServiceCollection services)
    {
        services.AddSchemaContributor<BrowseReferralsFields>();
        services.AddSchemaContributor<ScreenReferralFields>();
        services.AddSingleton<INodeResolver, ReferralNodes>();
        services.AddSingleton<INodeResolver, ParticipantNodes>();
        services.AddSingleton<SubmittedReferralFields>();
        services.AddSingleton<ISchemaContributor>(provider => provider.GetRequiredService<SubmittedReferralFields>());
        services.AddSingleton<INodeResolver>(provider => provider.GetRequiredService<SubmittedReferralFields>());
        services.AddOutbox<ReferralsDbContext>();
        services.AddSingleton<Features.CaseWork.CaseWorkFields>();
        services.AddSingleton<ISchemaContributor>(provider => provider.GetRequiredService<Features.CaseWork.CaseWorkFields>());
        services.AddSingleton<INodeResolver>(provider => provider.GetRequiredService<Features.CaseWork.CaseWorkFields>());
        services.AddSchemaContributor<Features.CaseWork.WorkingTheCaseFields>();
        services.AddSchemaContributor<Features.CaseWork.DashboardFields>();
    }

    private static void AddIntake(IServiceCollection services)
    {
        services.AddScoped<PoliciesInForce>();
        services.AddScoped<SubmissionKeys>();
        services.AddScoped<ReferenceNumbers>();
        services.AddScoped<ReferralIntake>();
        services.AddScoped<RJCloud.Shared.Contracts.IReferralProgress, Features.Progress.ReferralProgressReader>();
        services.AddScoped<CommunityResolutionIntake>();
        services.AddOptions<PublicFormOptions>().BindConfiguration(PublicFormOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.AddressKey is null || PublicFormOptions.IsValidKey(o.AddressKey), PublicFormOptions.KeyRequirement).ValidateOnStart();
        services.AddScoped<PublicFormLimits>();
        services.AddSchemaContributor<SubmitReferralFields>();
        services.AddSchemaContributor<SelfReferralFields>();
        services.AddSchemaContributor<PublicTypesQuery>();
        services.AddSchemaContributor<RecordCommunityResolutionFields>();
        services.AddSingleton<ReferralCriteriaFields>();
        services.AddSingleton<ISchemaContributor>(provider => provider.GetRequiredService<ReferralCriteriaFields>());
        services.AddSingleton<INodeResolver>(provider => provider.GetRequiredService<ReferralCriteriaFields>());
        services.AddScoped<IDemoDataSeeder, DemoPolicies>();
    }
}
