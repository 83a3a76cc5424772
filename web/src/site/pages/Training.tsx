import { type FormEvent, useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { CourseKind, TrainingQuery } from '../../gql/graphql';
import { ApiProblem, errorsByField, execute, nodes, type UserError } from '../api';
import type { Session } from '../auth';
import { ErrorSummary, type Errors, ProblemBanner, Radios, SuccessBanner, TextInput, words } from '../forms';
import { useTitle } from '../router';

const Query = graphql(`
  query Training {
    trainingCourses { id kind title grantsSkills sessions { id startsOn endsOn trainer attendees { practitionerId name completedOn } } }
    practitioners(first: 100, status: [APPLICANT, IN_TRAINING, ACTIVE, PAUSED]) { edges { node { id name } } }
  }
`);
const Offer = graphql(`
  mutation OfferTrainingCourse($input: OfferTrainingCourseInput!) { offerTrainingCourse(input: $input) { course { id } userErrors { code message field } } }
`);
const Schedule = graphql(`
  mutation ScheduleTrainingSession($input: ScheduleTrainingSessionInput!) { scheduleTrainingSession(input: $input) { session { id } userErrors { code message field } } }
`);
const Attend = graphql(`
  mutation RecordTrainingAttendance($input: RecordTrainingAttendanceInput!) { recordTrainingAttendance(input: $input) { practitioner { name } userErrors { code message field } } }
`);

const kinds = ['CHAMPIONS', 'AWARENESS', 'FACILITATOR', 'DOMESTIC_AND_SEXUAL_ABUSE', 'LEVEL_3_PROGRAMME', 'REFRESHER'] as const;

/** "full conference, street RJ" as the skills a course grants. */
export const skillsFrom = (text: string) => [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];

/** Courses, their sessions and who attended: managers offer courses, schedule sessions and record attendance and completion. */
export function Training({ session }: { session: Session }) {
  useTitle('Training');
  const options = { office: session.office, token: session.accessToken };
  const [data, setData] = useState<TrainingQuery>();
  const [problem, setProblem] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState('');
  const [course, setCourse] = useState({ kind: '', title: '', skills: '' });
  const [sitting, setSitting] = useState({ courseId: '', startsOn: '', endsOn: '', trainer: '' });
  const [attendance, setAttendance] = useState({ sessionId: '', practitionerId: '', completed: '' });

  const load = () => execute(Query, {}, options).then(setData, (e) => setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.'));
  useEffect(() => { void load(); }, [session]);

  async function act(event: FormEvent, run: () => Promise<{ userErrors: readonly UserError[] }>, message: string, reset: () => void) {
    event.preventDefault();
    try {
      const result = await run();
      setErrors(errorsByField(result.userErrors));
      if (result.userErrors.length === 0) { setDone(message); reset(); await load(); }
    } catch (e) {
      setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.');
    }
  }

  const courses = data?.trainingCourses ?? [];
  const people = data ? nodes(data.practitioners) : [];
  const sessions = courses.flatMap((c) => c.sessions.map((s) => ({ ...s, course: c.title })));
  return (
    <>
      <ErrorSummary errors={errors} order={['kind', 'title', 'courseId', 'startsOn', 'endsOn', 'trainer', 'sessionId', 'practitionerId', 'completed']} />
      {problem && <ProblemBanner message={problem} />}
      {done && <SuccessBanner title={done} />}
      <h1 className="govuk-heading-l">Training</h1>
      {data && courses.length === 0 && <p className="govuk-body">No courses yet.</p>}
      {courses.map((c) => (
        <table className="govuk-table" key={c.id}>
          <caption className="govuk-table__caption govuk-table__caption--m">{c.title}<span className="govuk-caption-m">{words(c.kind)}{c.grantsSkills.length ? `; completing it grants: ${c.grantsSkills.join(', ')}` : ''}</span></caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            {['Dates', 'Trainer', 'Attended'].map((h) => <th scope="col" className="govuk-table__header" key={h}>{h}</th>)}
          </tr></thead>
          <tbody className="govuk-table__body">
            {c.sessions.length === 0 && <tr className="govuk-table__row"><td className="govuk-table__cell" colSpan={3}>No sessions yet.</td></tr>}
            {c.sessions.map((s) => (
              <tr className="govuk-table__row" key={s.id}>
                <td className="govuk-table__cell">{s.startsOn} to {s.endsOn}</td>
                <td className="govuk-table__cell">{s.trainer}</td>
                <td className="govuk-table__cell">{s.attendees.length === 0 ? 'Nobody yet' : s.attendees.map((a) => `${a.name}${a.completedOn ? ' (completed)' : ''}`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}

      <div className="govuk-grid-row">
        <form noValidate className="govuk-grid-column-one-half" onSubmit={(e) => act(e, async () => (await execute(Offer, { input: { kind: (course.kind || 'FACILITATOR') as CourseKind, title: course.title, grantsSkills: skillsFrom(course.skills) } }, options)).offerTrainingCourse,
          `Course "${course.title}" offered`, () => setCourse({ kind: '', title: '', skills: '' }))}>
          <h2 className="govuk-heading-m">Offer a course</h2>
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="course-kind">Kind of course</label>
            <select className="govuk-select" id="course-kind" value={course.kind} onChange={(e) => setCourse({ ...course, kind: e.target.value })}>
              <option value="">Choose a kind</option>
              {kinds.map((k) => <option key={k} value={k}>{words(k)}</option>)}
            </select>
          </div>
          <TextInput name="title" label="Title" value={course.title} onChange={(title) => setCourse({ ...course, title })} error={errors.title} />
          <TextInput name="grantsSkills" label="Skills completing it grants (optional)" hint="Separate them with commas, e.g. full conference, street RJ" value={course.skills}
            onChange={(skills) => setCourse({ ...course, skills })} />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">Offer course</button>
        </form>
        <form noValidate className="govuk-grid-column-one-half" onSubmit={(e) => act(e, async () => (await execute(Schedule, { input: sitting }, options)).scheduleTrainingSession,
          'Session scheduled', () => setSitting({ courseId: '', startsOn: '', endsOn: '', trainer: '' }))}>
          <h2 className="govuk-heading-m">Schedule a session</h2>
          <div className={`govuk-form-group${errors.courseId ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label" htmlFor="field-courseId">Course</label>
            <select className="govuk-select" id="field-courseId" value={sitting.courseId} onChange={(e) => setSitting({ ...sitting, courseId: e.target.value })}>
              <option value="">Choose a course</option>
              {courses.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
            </select>
          </div>
          <TextInput name="startsOn" label="First day" type="date" width="10" value={sitting.startsOn} onChange={(startsOn) => setSitting({ ...sitting, startsOn })} error={errors.startsOn} />
          <TextInput name="endsOn" label="Last day" type="date" width="10" value={sitting.endsOn} onChange={(endsOn) => setSitting({ ...sitting, endsOn })} error={errors.endsOn} />
          <TextInput name="trainer" label="Trainer" value={sitting.trainer} onChange={(trainer) => setSitting({ ...sitting, trainer })} error={errors.trainer} />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">Schedule session</button>
        </form>
      </div>

      <form noValidate className="govuk-!-width-two-thirds" onSubmit={(e) => act(e, async () => (await execute(Attend, { input: {
        sessionId: attendance.sessionId, practitionerId: attendance.practitionerId, completed: attendance.completed === 'yes' } }, options)).recordTrainingAttendance,
        'Attendance recorded', () => setAttendance({ sessionId: '', practitionerId: '', completed: '' }))}>
        <h2 className="govuk-heading-m">Record attendance</h2>
        <div className={`govuk-form-group${errors.sessionId ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label" htmlFor="field-sessionId">Session</label>
          <select className="govuk-select" id="field-sessionId" value={attendance.sessionId} onChange={(e) => setAttendance({ ...attendance, sessionId: e.target.value })}>
            <option value="">Choose a session</option>
            {sessions.map((s) => <option key={s.id} value={s.id}>{s.course}, {s.startsOn} to {s.endsOn}</option>)}
          </select>
        </div>
        <div className={`govuk-form-group${errors.practitionerId ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label" htmlFor="field-practitionerId">Practitioner</label>
          <select className="govuk-select" id="field-practitionerId" value={attendance.practitionerId} onChange={(e) => setAttendance({ ...attendance, practitionerId: e.target.value })}>
            <option value="">Choose a practitioner</option>
            {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </div>
        <Radios name="completed" legend="Did they complete the course?" hint="A course is completed from its last day" inline value={attendance.completed}
          onChange={(completed) => setAttendance({ ...attendance, completed })} error={errors.completed}
          options={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'Attended, not completed' }]} />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">Record attendance</button>
      </form>
    </>
  );
}
