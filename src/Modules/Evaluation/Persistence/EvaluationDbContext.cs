using Microsoft.EntityFrameworkCore;
using RJCloud.Shared.Persistence;

namespace RJCloud.Modules.Evaluation.Persistence;

public sealed class EvaluationDbContext(DbContextOptions<EvaluationDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "evaluation";

    public override string Schema => SchemaName;
}
