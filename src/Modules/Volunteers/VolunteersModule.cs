using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Volunteers.Features.BrowsePool;
using RJCloud.Modules.Volunteers.Features.RecordVetting;
using RJCloud.Modules.Volunteers.Features.RegisterPractitioner;
using RJCloud.Modules.Volunteers.Features.Training;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Outbox;

namespace RJCloud.Modules.Volunteers;

public sealed class VolunteersModule : IModule
{
    public string Name => "Volunteers";

    public string Schema => VolunteersDbContext.SchemaName;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<VolunteersDbContext>(Name, Schema);
        services.AddSingleton<BrowsePoolFields>();
        services.AddSingleton<ISchemaContributor>(provider => provider.GetRequiredService<BrowsePoolFields>());
        services.AddSingleton<INodeResolver>(provider => provider.GetRequiredService<BrowsePoolFields>());
        services.AddSchemaContributor<RegisterPractitionerFields>();
        services.AddSchemaContributor<RecordVettingFields>();
        services.AddSchemaContributor<TrainingFields>();
        services.AddSchemaContributor<Features.DeclareConflict.DeclareConflictFields>();
        services.AddSingleton<INodeResolver, CourseNodes>();
        services.AddSingleton<INodeResolver, SessionNodes>();
        services.AddScoped<RJCloud.Shared.Contracts.IPractitionerAllocation, Allocation.PractitionerAllocation>();
        services.AddScoped<RJCloud.Shared.Contracts.IPractitionerCount, Pool.PractitionerCount>();
        services.AddScoped<RJCloud.Shared.Contracts.IPractitionerAccounts, Features.SelfService.PractitionerAccounts>();
        services.AddScoped<IDemoDataSeeder, DemoData.DemoPools>();
        services.AddSchemaContributor<Features.Policy.PolicyFields>();
        services.AddSchemaContributor<Features.WorkRecords.LogHoursFields>();
        services.AddSchemaContributor<Features.WorkRecords.SupervisionFields>();
        services.AddSchemaContributor<Features.Expenses.SubmitClaimFields>();
        services.AddSchemaContributor<Features.Expenses.DecideClaimFields>();
        services.AddSingleton<Features.Expenses.ClaimQueries>();
        services.AddSingleton<ISchemaContributor>(provider => provider.GetRequiredService<Features.Expenses.ClaimQueries>());
        services.AddSingleton<INodeResolver>(provider => provider.GetRequiredService<Features.Expenses.ClaimQueries>());
        services.AddSchemaContributor<Features.SelfService.SelfServiceFields>();
        services.AddOutbox<VolunteersDbContext>();
        services.AddOptions<Vetting.ReminderOptions>().BindConfiguration(Vetting.ReminderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Vetting.ExpiryReminders>();
        services.AddHostedService(provider => provider.GetRequiredService<Vetting.ExpiryReminders>());
    }
}
