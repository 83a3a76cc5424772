using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Evaluation.Features;
using RJCloud.Modules.Evaluation.Persistence;
using RJCloud.Modules.Evaluation.Requests;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Persistence;
using RJCloud.Tenancy.Outbox;

namespace RJCloud.Modules.Evaluation;

public sealed class EvaluationModule : IModule
{
    public string Name => "Evaluation";

    public string Schema => EvaluationDbContext.SchemaName;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<EvaluationDbContext>(Name, Schema);
        services.AddScoped<IOutboxSubscriber, CaseClosedSubscriber>();
        services.AddScoped<IOutboxSubscriber, Progress.ReferralChangedSubscriber>();
        services.AddSingleton<EvaluationFields>();
        services.AddSingleton<ISchemaContributor>(provider => provider.GetRequiredService<EvaluationFields>());
        services.AddSingleton<INodeResolver>(provider => provider.GetRequiredService<EvaluationFields>());
        services.AddSchemaContributor<QuestionnaireFields>();
        services.AddSingleton<FollowUpFields>();
        services.AddSingleton<ISchemaContributor>(provider => provider.GetRequiredService<FollowUpFields>());
        services.AddSingleton<INodeResolver>(provider => provider.GetRequiredService<FollowUpFields>());
        services.AddSchemaContributor<MeasureFields>();
        services.AddScoped<Measures.MeasureCalculator>();
    }
}
