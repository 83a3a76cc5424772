using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Volunteers.Features.BrowsePool;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Modules.Volunteers.Training;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Shared.Modules;
using RJCloud.Shared.Time;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Volunteers.Features.Training;

/// <summary>
/// Training: a course the office offers (and the skills completing it grants), its sessions, and
/// who attended and completed them. A practitioner's skills are those of the courses they completed.
/// </summary>
internal sealed class TrainingFields(TimeProvider clock) : ISchemaContributor
{
    public void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CourseType>>>>("trainingCourses")
            .Description("The office's courses, oldest first, each with its sessions and who attended them.")
            .Authorize(PractitionerGraphType.Managers)
            .WithComplexityImpact(1, 20)
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<VolunteersDbContext>().Courses.AsNoTracking()
                .OrderBy(c => c.Id).ToListAsync(context.CancellationToken));

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Mutation<OfferCoursePayloadType, OfferCourseInputType, TrainingPayload>("offerTrainingCourse",
                "Adds a course, e.g. the 3-day facilitator course, with the skills completing it grants.")
            .Authorize(PractitionerGraphType.Managers)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var title = (input["title"] as string)?.Trim() ?? "";
                if (title.Length is 0 or > 200) return TrainingPayload.Refuse(UserError.For("REQUIRED", "Give the course a title, at most 200 characters.", "input", "title"));
                var skills = ((IEnumerable<object?>?)input.GetValueOrDefault("grantsSkills") ?? []).OfType<string>().Select(s => s.Trim()).ToList();
                if (skills.Any(s => s.Length is 0 or > 100))
                    return TrainingPayload.Refuse(UserError.For("INVALID_SKILL", "Each skill is 1 to 100 characters.", "input", "grantsSkills"));
                var db = Db(context);
                if (await db.Courses.AnyAsync(c => c.Title == title, context.CancellationToken))
                    return TrainingPayload.Refuse(UserError.For("DUPLICATE_TITLE", "The office already has a course with this title.", "input", "title"));
                var course = TrainingCourse.Offer((CourseKind)input["kind"]!, title, [.. skills.Distinct()], clock.GetUtcNow());
                db.Courses.Add(course);
                await db.SaveChangesAsync(context.CancellationToken);
                return new TrainingPayload { Course = course, RecordId = course.Id };
            });

        mutation.Mutation<ScheduleSessionPayloadType, ScheduleSessionInputType, TrainingPayload>("scheduleTrainingSession",
                "Schedules a run of a course, with its dates and trainer.")
            .Authorize(PractitionerGraphType.Managers)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var (starts, ends) = ((DateOnly)input["startsOn"]!, (DateOnly)input["endsOn"]!);
                if (ends < starts) return TrainingPayload.Refuse(UserError.For("ENDS_BEFORE_START", "The last day cannot be before the first.", "input", "endsOn"));
                var trainer = (input["trainer"] as string)?.Trim() ?? "";
                if (trainer.Length is 0 or > 200) return TrainingPayload.Refuse(UserError.For("REQUIRED", "Name the trainer, at most 200 characters.", "input", "trainer"));
                var db = Db(context);
                var courseId = GlobalId.DecodeFor(CourseType.Name, input["courseId"]?.ToString());
                if (courseId is not { } id || !await db.Courses.AnyAsync(c => c.Id == id, context.CancellationToken))
                    return TrainingPayload.Refuse(UserError.For("NOT_FOUND", "There is no course with this id.", "input", "courseId"));
                var session = TrainingSession.Schedule(id, starts, ends, trainer, clock.GetUtcNow());
                db.Sessions.Add(session);
                await db.SaveChangesAsync(context.CancellationToken);
                return new TrainingPayload { Session = session, RecordId = session.Id };
            });

        mutation.Mutation<RecordAttendancePayloadType, RecordAttendanceInputType, TrainingPayload>("recordTrainingAttendance",
                "Records that a practitioner attended a session, and whether they completed it. Completion grants the course's skills.")
            .Authorize(PractitionerGraphType.Managers)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var db = Db(context);
                var sessionId = GlobalId.DecodeFor(SessionType.Name, input["sessionId"]?.ToString());
                var session = sessionId is null ? null : await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, context.CancellationToken);
                if (session is null) return TrainingPayload.Refuse(UserError.For("NOT_FOUND", "There is no session with this id.", "input", "sessionId"));
                if (await PractitionerIds.FindAsync(db, input["practitionerId"], context.CancellationToken) is not { } pid)
                    return TrainingPayload.Refuse(PractitionerIds.NotFound);
                var completed = input.GetValueOrDefault("completed") as bool? ?? false;
                if (completed && session.EndsOn > clock.Today())
                    return TrainingPayload.Refuse(UserError.For("NOT_FINISHED", "A session can be completed only once its last day has come.", "input", "completed"));
                var attendance = await db.Attendances.FirstOrDefaultAsync(a => a.SessionId == session.Id && a.PractitionerId == pid, context.CancellationToken);
                if (attendance is null) db.Attendances.Add(attendance = Attendance.Record(session.Id, pid, completed ? session.EndsOn : null, clock.GetUtcNow()));
                else if (completed) attendance.Complete(session.EndsOn);
                await db.SaveChangesAsync(context.CancellationToken);
                return new TrainingPayload { PractitionerId = pid, RecordId = attendance.Id };
            });
    }

    private static VolunteersDbContext Db(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<VolunteersDbContext>();
}

internal sealed record TrainingPayload : Payload
{
    public TrainingCourse? Course { get; init; }

    public TrainingSession? Session { get; init; }

    public Guid? PractitionerId { get; init; }

    public Guid? RecordId { get; init; }

    public override IReadOnlyList<Guid> AuditRecordIds => RecordId is { } id ? [id] : [];

    public static TrainingPayload Refuse(UserError error) => new() { UserErrors = [error] };
}
