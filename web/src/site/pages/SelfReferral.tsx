import { type FormEvent, useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { Concern, ParticipantRole, ReferralType } from '../../gql/graphql';
import { ApiProblem, errorsByField, execute } from '../api';
import { Checkboxes, ErrorSummary, type Errors, Radios, TextArea, TextInput } from '../forms';
import { navigate, useTitle } from '../router';

const Submit = graphql(`
  mutation SubmitSelfReferral($input: SubmitSelfReferralInput!) {
    submitSelfReferral(input: $input) {
      reference
      userErrors {
        code
        message
        field
      }
    }
  }
`);

const Types = graphql(`
  query SelfReferralTypes {
    selfReferralTypes { type eligibility }
  }
`);

const labels: Record<ReferralType, string> = {
  NEIGHBOUR_DISPUTE: 'A dispute with a neighbour',
  ANTI_SOCIAL_BEHAVIOUR: 'Anti-social behaviour',
  LOW_LEVEL_CRIME: 'A low-level crime',
  CRIMINAL_OFFENCE: 'A criminal offence',
  COMMUNITY_REMEDY: 'A community remedy',
};

const roles: { value: ParticipantRole; label: string }[] = [
  { value: 'HARMED_PERSON', label: 'I was harmed' },
  { value: 'PERSON_RESPONSIBLE', label: 'I caused the harm' },
  { value: 'BOTH_PARTIES', label: 'Both: we harmed each other' },
];

const concerns: { value: Concern; label: string }[] = [
  { value: 'DOMESTIC_ABUSE', label: 'Domestic abuse' },
  { value: 'SEXUAL_OFFENCE', label: 'A sexual offence' },
  { value: 'YOUNG_PERSON', label: 'Someone under 18 is involved' },
];

const order = ['type', 'yourRole', 'name', 'phone', 'email', 'incident', 'area', 'courtCase', 'concerns', 'consent'];

/** The office's public self-referral form: no sign-in; one page, with errors on their fields. */
export function SelfReferral({ office, officeName }: { office: string; officeName: string }) {
  useTitle('Ask for restorative justice');
  const [form, setForm] = useState({ type: '', yourRole: '', name: '', phone: '', email: '', incident: '', area: '', courtCase: '', concerns: [] as string[], consent: false, website: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [sending, setSending] = useState(false);
  // Only what the office's criteria in force take from the public form, with the criteria as hints.
  const [types, setTypes] = useState<{ value: ReferralType; label: string; hint?: string }[]>();
  useEffect(() => {
    execute(Types, {}, { office }).then(
      (d) => setTypes(d.selfReferralTypes.map((t) => ({ value: t.type, label: labels[t.type], hint: t.eligibility.join(' ') }))),
      () => setTypes([]));
  }, [office]);
  const set = <K extends keyof typeof form>(key: K) => (value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Errors = {};
    if (!form.type) missing.type = 'Select what happened';
    if (!form.yourRole) missing.yourRole = 'Select how you were involved';
    if (!form.courtCase) missing.courtCase = 'Select yes if the matter is going to court';
    if (Object.keys(missing).length > 0) return setErrors(missing);
    setSending(true);
    try {
      const { submitSelfReferral } = await execute(Submit, {
        input: {
          type: form.type as ReferralType, yourRole: form.yourRole as ParticipantRole, name: form.name, phone: form.phone || null, email: form.email || null,
          incident: form.incident, area: form.area || null, courtCase: form.courtCase === 'yes', concerns: form.concerns as Concern[], consent: form.consent,
          website: form.website || null,
        },
      }, { office });
      if (submitSelfReferral.userErrors.length > 0) setErrors(errorsByField(submitSelfReferral.userErrors));
      else navigate(`/${office}/refer/done?reference=${encodeURIComponent(submitSelfReferral.reference ?? '')}`);
    } catch (problem) {
      setErrors({ _: problem instanceof ApiProblem ? problem.message : 'Something went wrong. Try again later.' });
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={order} />
        <span className="govuk-caption-l">{officeName}</span>
        <h1 className="govuk-heading-l">Ask for restorative justice</h1>
        <p className="govuk-body">
          Restorative justice brings together the people harmed by a crime or conflict and those responsible, to talk about what happened and find a way forward.
          A trained facilitator will contact you. Taking part is always your choice.
        </p>
        {types?.length === 0 && (
          <div className="govuk-inset-text">This office does not take requests through this form at the moment. Contact the office or the police to be referred.</div>
        )}
        {types && types.length > 0 && <form noValidate onSubmit={submit}>
          <Radios name="type" legend="What happened?" options={types} value={form.type} onChange={set('type')} error={errors.type} />
          <Radios name="yourRole" legend="How were you involved?" options={roles} value={form.yourRole} onChange={set('yourRole')} error={errors.yourRole} />
          <TextInput name="name" label="Your full name" value={form.name} onChange={set('name')} error={errors.name} autoComplete="name" spellCheck={false} />
          <TextInput name="phone" label="Phone number" hint="We will call you from a withheld number." value={form.phone} onChange={set('phone')} error={errors.phone} type="tel" autoComplete="tel" width="20" />
          <TextInput name="email" label="Email address" value={form.email} onChange={set('email')} error={errors.email} type="email" autoComplete="email" spellCheck={false} />
          <TextArea name="incident" label="What happened?" hint="Do not include anyone's address or phone number." value={form.incident} onChange={set('incident')} error={errors.incident} />
          <TextInput name="area" label="Town or area (optional)" value={form.area} onChange={set('area')} error={errors.area} width="20" />
          <Radios name="courtCase" legend="Is the matter going to court?" inline options={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]}
            value={form.courtCase} onChange={set('courtCase')} error={errors.courtCase} />
          <Checkboxes name="concerns" legend="Does any of this apply? (optional)" hint="This helps us choose the right person to contact you." options={concerns}
            values={form.concerns} onChange={set('concerns')} error={errors.concerns} />
          <Checkboxes name="consent" legend="Your agreement" options={[{ value: 'yes', label: 'I agree that the office may contact me about restorative justice and keep these details for that purpose' }]}
            values={form.consent ? ['yes'] : []} onChange={(values) => set('consent')(values.includes('yes'))} error={errors.consent} />
          <div className="govuk-visually-hidden" aria-hidden="true">
            <label htmlFor="field-website">Leave this empty</label>
            <input id="field-website" name="website" tabIndex={-1} autoComplete="off" value={form.website} onChange={(e) => set('website')(e.target.value)} />
          </div>
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={sending}>Send</button>
        </form>}
      </div>
    </div>
  );
}

export function SelfReferralDone({ reference }: { reference: string }) {
  useTitle('Request sent');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Request sent</h1>
          <div className="govuk-panel__body">Your reference number<br /><strong>{reference}</strong></div>
        </div>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">A member of the team will contact you. Quote your reference number if you get in touch with us.</p>
      </div>
    </div>
  );
}
