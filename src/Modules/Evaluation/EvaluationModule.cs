using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Evaluation.Persistence;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Persistence;

namespace RJCloud.Modules.Evaluation;

public sealed class EvaluationModule : IModule
{
    public string Name => "Evaluation";

    public string Schema => EvaluationDbContext.SchemaName;

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<EvaluationDbContext>(Name, Schema);
}
