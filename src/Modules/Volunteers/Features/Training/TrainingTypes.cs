using GraphQL.Types;
using RJCloud.Modules.Volunteers.Features.BrowsePool;
using RJCloud.Modules.Volunteers.Training;
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
