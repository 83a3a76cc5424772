using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Modules.Volunteers.Features.BrowsePool;
using RJCloud.Modules.Volunteers.Persistence;
using RJCloud.Modules.Volunteers.Training;
using RJCloud.Shared.GraphQL.Loading;
using RJCloud.Shared.GraphQL.Mutations;
using RJCloud.Shared.GraphQL.Relay;
using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Volunteers.Features.Training;

internal sealed class CourseType : NodeGraphType<TrainingCourse>
{
    public new const string Name = "TrainingCourse";

    public CourseType() : base(Name, c => c.Id)
    {
        this.Authorize(PractitionerGraphType.Managers);
        Field<NonNullGraphType<EnumerationGraphType<CourseKind>>>("kind").Resolve(c => c.Source.Kind);
        Field(c => c.Title);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("grantsSkills").Resolve(c => c.Source.GrantsSkills);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionType>>>>("sessions").Description("Its sessions, soonest first.")
            .WithComplexityImpact(1, 10).Resolve(c => TrainingLoaders.Sessions(c.RequestServices!, c.Source.Id));
    }
}

internal sealed class SessionType : NodeGraphType<TrainingSession>
{
    public new const string Name = "TrainingSession";

    public SessionType() : base(Name, s => s.Id)
    {
        this.Authorize(PractitionerGraphType.Managers);
        Field(s => s.StartsOn);
        Field(s => s.EndsOn);
        Field(s => s.Trainer);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttendeeType>>>>("attendees").Description("Who attended, and when they completed it.")
            .WithComplexityImpact(1, 20).Resolve(c => TrainingLoaders.Attendees(c.RequestServices!, c.Source.Id));
    }
}

internal sealed class OfferCoursePayloadType : PayloadGraphType<TrainingPayload>
{
    public OfferCoursePayloadType() : base("OfferTrainingCoursePayload") => Field<CourseType>("course").Resolve(c => c.Source.Course);
}

internal sealed class ScheduleSessionPayloadType : PayloadGraphType<TrainingPayload>
{
    public ScheduleSessionPayloadType() : base("ScheduleTrainingSessionPayload") => Field<SessionType>("session").Resolve(c => c.Source.Session);
}

internal sealed class RecordAttendancePayloadType : PayloadGraphType<TrainingPayload>
{
    public RecordAttendancePayloadType() : base("RecordTrainingAttendancePayload") =>
        Field<PractitionerGraphType>("practitioner").Description("The practitioner, with the skills they hold now.")
            .Resolve(c => c.Source.PractitionerId is { } id ? PoolLoaders.Practitioner(c.RequestServices!, id) : null);
}

internal sealed class OfferCourseInputType : InputObjectGraphType
{
    public OfferCourseInputType()
    {
        Name = "OfferTrainingCourseInput";
        Field<NonNullGraphType<EnumerationGraphType<CourseKind>>>("kind");
        Field<NonNullGraphType<StringGraphType>>("title");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("grantsSkills").Description("e.g. \"full conference\", \"street RJ\", \"domestic abuse specialist\".");
    }
}

internal sealed class ScheduleSessionInputType : InputObjectGraphType
{
    public ScheduleSessionInputType()
    {
        Name = "ScheduleTrainingSessionInput";
        Field<NonNullGraphType<IdGraphType>>("courseId");
        Field<NonNullGraphType<DateOnlyGraphType>>("startsOn");
        Field<NonNullGraphType<DateOnlyGraphType>>("endsOn");
        Field<NonNullGraphType<StringGraphType>>("trainer");
    }
}

internal sealed class RecordAttendanceInputType : InputObjectGraphType
{
    public RecordAttendanceInputType()
    {
        Name = "RecordTrainingAttendanceInput";
        Field<NonNullGraphType<IdGraphType>>("sessionId");
        Field<NonNullGraphType<IdGraphType>>("practitionerId");
        Field<BooleanGraphType>("completed").Description("True once they completed the course (from its last day).");
    }
}

internal sealed record Attendee(Guid PractitionerId, string Name, DateOnly? CompletedOn);

internal sealed class AttendeeType : ObjectGraphType<Attendee>
{
    public AttendeeType()
    {
        Name = "TrainingAttendee";
        Field<NonNullGraphType<IdGraphType>>("practitionerId").Resolve(c => GlobalId.Encode(PractitionerGraphType.Name, c.Source.PractitionerId));
        Field(a => a.Name);
        Field(a => a.CompletedOn, nullable: true);
    }
}

/// <summary>Sessions of courses and their attendees, each batched into one query per request.</summary>
internal static class TrainingLoaders
{
    public static IDataLoaderResult<IReadOnlyList<TrainingSession>> Sessions(IServiceProvider services, Guid courseId) =>
        services.GetRequiredService<BatchLoaders>().ForMany<Guid, TrainingSession>("volunteers.sessionsByCourse", async (ids, ct) =>
            (await services.GetRequiredService<VolunteersDbContext>().Sessions.AsNoTracking().Where(s => ids.Contains(s.CourseId)).OrderBy(s => s.StartsOn).ThenBy(s => s.Id).ToListAsync(ct))
            .GroupBy(s => s.CourseId).ToDictionary(g => g.Key, g => (IReadOnlyList<TrainingSession>)g.ToList())).Load(courseId);

    public static IDataLoaderResult<IReadOnlyList<Attendee>> Attendees(IServiceProvider services, Guid sessionId) =>
        services.GetRequiredService<BatchLoaders>().ForMany<Guid, Attendee>("volunteers.attendeesBySession", async (ids, ct) =>
        {
            var db = services.GetRequiredService<VolunteersDbContext>();
            var rows = await (from attendance in db.Attendances.AsNoTracking()
                              join practitioner in db.Practitioners on attendance.PractitionerId equals practitioner.Id
                              where ids.Contains(attendance.SessionId)
                              orderby practitioner.Name
                              select new { attendance.SessionId, Attendee = new Attendee(practitioner.Id, practitioner.Name, attendance.CompletedOn) }).ToListAsync(ct);
            return rows.GroupBy(r => r.SessionId).ToDictionary(g => g.Key, g => (IReadOnlyList<Attendee>)g.Select(r => r.Attendee).ToList());
        }).Load(sessionId);
}
