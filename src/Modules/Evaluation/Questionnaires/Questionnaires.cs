using Microsoft.EntityFrameworkCore;
using RJCloud.Modules.Evaluation.Persistence;

namespace RJCloud.Modules.Evaluation.Questionnaires;

/// <summary>The office's versions of each questionnaire; an office that has published none uses the built-in version 1.</summary>
internal static class Questionnaires
{
    public static async Task<QuestionnaireTemplate> CurrentAsync(EvaluationDbContext db, QuestionnairePurpose purpose, CancellationToken cancellationToken) =>
        await db.Templates.AsNoTracking().Where(t => t.Purpose == purpose).OrderByDescending(t => t.Version).FirstOrDefaultAsync(cancellationToken)
        ?? BuiltInTemplates.For(purpose);

    public static async Task<List<QuestionnaireTemplate>> VersionsAsync(EvaluationDbContext db, QuestionnairePurpose purpose, CancellationToken cancellationToken) =>
        [BuiltInTemplates.For(purpose), .. await db.Templates.AsNoTracking().Where(t => t.Purpose == purpose).OrderBy(t => t.Version).ToListAsync(cancellationToken)];
}
