import { type FormEvent, useState } from 'react';
import { graphql } from '../../gql';
import type { WorkActivity } from '../../gql/graphql';
import { ApiProblem, errorsByField, execute } from '../api';
import type { Session } from '../auth';
import { ErrorSummary, type Errors, Radios, TextInput, words } from '../forms';
import { navigate, useTitle } from '../router';

const Log = graphql(`
  mutation LogHours($input: LogHoursInput!) {
    logHours(input: $input) {
      entry { hours }
      userErrors { code message field }
    }
  }
`);

const activities: WorkActivity[] = ['VISIT', 'PREPARATION', 'CONFERENCE', 'TRAVEL', 'SUPERVISION', 'TRAINING', 'ADMINISTRATION'];
const today = () => new Date().toISOString().slice(0, 10);

/** A practitioner records their own hours for a day and an activity. */
export function LogHours({ session }: { session: Session }) {
  useTitle('Record hours');
  const [form, setForm] = useState({ workedOn: today(), hours: '', activity: '' });
  const [errors, setErrors] = useState<Errors>({});
  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Errors = {};
    if (!form.activity) missing.activity = 'Select what the hours were for';
    if (!/^\d+(\.\d+)?$/.test(form.hours.trim())) missing.hours = 'Enter the hours as a number, for example 2.5';
    if (Object.keys(missing).length > 0) return setErrors(missing);
    try {
      const { logHours } = await execute(Log, { input: { workedOn: form.workedOn, hours: Number(form.hours), activity: form.activity as WorkActivity } },
        { office: session.office, token: session.accessToken });
      if (logHours.userErrors.length > 0) setErrors(errorsByField(logHours.userErrors));
      else navigate(`/${session.office}/me`);
    } catch (problem) {
      setErrors({ _: problem instanceof ApiProblem ? problem.message : 'Something went wrong. Try again later.' });
    }
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={['workedOn', 'hours', 'activity']} />
        <h1 className="govuk-heading-l">Record hours</h1>
        <form noValidate onSubmit={submit}>
          <TextInput name="workedOn" label="Day worked" type="date" value={form.workedOn} onChange={(v) => setForm({ ...form, workedOn: v })} error={errors.workedOn} width="10" />
          <TextInput name="hours" label="Hours" hint="In quarter hours, for example 1.25" value={form.hours} onChange={(v) => setForm({ ...form, hours: v })} error={errors.hours} width="4" />
          <Radios name="activity" legend="What were they for?" hint="Training hours count towards your CPD." options={activities.map((a) => ({ value: a, label: words(a) }))}
            value={form.activity} onChange={(v) => setForm({ ...form, activity: v })} error={errors.activity} />
          <button type="submit" className="govuk-button" data-module="govuk-button">Save hours</button>
        </form>
      </div>
    </div>
  );
}
