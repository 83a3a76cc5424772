import { type FormEvent, useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { ActionStatus, CaseWorkQuery, CommunicationMethod, ContactKind } from '../../gql/graphql';
import { ApiProblem, errorsByField, execute, type UserError } from '../api';
import type { Session } from '../auth';
import { Checkboxes, ErrorSummary, type Errors, ProblemBanner, Radios, Tag, TextArea, TextInput, words } from '../forms';

// Working a case once it is allocated: contacts and visits with their risk assessment, the way the parties
// communicate, the outcome agreement and how its actions go.

const Work = graphql(`
  query CaseWork($caseId: ID!) @purpose(reason: CASE_WORK, detail: "Working a case") {
    case: node(id: $caseId) {
      ... on Case {
        id state method agreedOn
        participants { id role name phone }
        contacts { participantId kind on notes riskFactors safetyMeasures policeShouldAttend consentGiven }
        agreementActions { id description owner dueOn status overdue }
      }
    }
  }
`);

const Contact = graphql(`
  mutation RecordContact($input: RecordContactInput!) { recordContact(input: $input) { state userErrors { code message field } } }
`);
const Method = graphql(`
  mutation ChooseMethod($input: ChooseMethodInput!) { chooseMethod(input: $input) { state userErrors { code message field } } }
`);
const Agreement = graphql(`
  mutation RecordOutcomeAgreement($input: RecordOutcomeAgreementInput!) { recordOutcomeAgreement(input: $input) { state userErrors { code message field } } }
`);
const Monitor = graphql(`
  mutation MonitorAgreementAction($input: MonitorAgreementActionInput!) { monitorAgreementAction(input: $input) { state userErrors { code message field } } }
`);

/** Risk factors the hub manual asks facilitators to look for, and the safety measures each calls for. */
export const riskFactors = ['Previous violence between the parties', 'Previous controlling behaviour', 'Intimidation or threats since the incident',
  'Mental health or substance misuse', 'Vulnerable participant', 'Ongoing contact between the parties'] as const;
export const safetyMeasures = ['Separate arrival and waiting rooms', 'Police officer present', 'Supporter present', 'Neutral venue', 'Indirect communication only'] as const;

/** Turns the contact form into the API's input: lists of what was ticked, trimmed notes, today's date unless another is given. */
export function contactInput(caseId: string, form: ContactForm) {
  return {
    caseId, participantId: form.participantId, kind: (form.kind || 'PHONE') as ContactKind, on: form.on, notes: form.notes.trim() || null,
    riskFactors: form.risks, safetyMeasures: form.measures, policeShouldAttend: form.police === 'yes',
    consentGiven: form.consent === '' ? null : form.consent === 'yes', consentScope: form.consent === 'yes' ? 'To take part in restorative justice' : null,
  };
}

export type ContactForm = { participantId: string; kind: string; on: string; notes: string; risks: string[]; measures: string[]; police: string; consent: string };

type Data = CaseWorkQuery;

/** The parent's view of the case's state: when it moves, this part reloads. */
export function CaseWork({ session, caseId, state, onChanged }: { session: Session; caseId: string; state: string; onChanged: () => void }) {
  const options = { office: session.office, token: session.accessToken };
  const [data, setData] = useState<Data>();
  const [problem, setProblem] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const empty: ContactForm = { participantId: '', kind: '', on: new Date().toISOString().slice(0, 10), notes: '', risks: [], measures: [], police: 'no', consent: '' };
  const [contact, setContact] = useState<ContactForm>(empty);
  const [method, setMethod] = useState({ method: '', reason: '' });
  const [agreement, setAgreement] = useState({ description: '', owner: '', dueOn: '', copies: [] as string[] });

  const load = () => execute(Work, { caseId }, options).then(setData, (e) => setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.'));
  useEffect(() => { void load(); }, [session, caseId, state]);

  async function act(run: () => Promise<{ userErrors: readonly UserError[] }>, reset: () => void) {
    try {
      const result = await run();
      setErrors(errorsByField(result.userErrors));
      if (result.userErrors.length === 0) { reset(); await load(); onChanged(); }
    } catch (e) {
      setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.');
    }
  }

  const work = data?.case && 'contacts' in data.case ? data.case : null;
  const people = work?.participants ?? [];
  if (problem) return <ProblemBanner message={problem} />;
  if (!work) return null;
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? 'A participant';
  const working = ['ALLOCATED', 'PREPARING', 'COMMUNICATION_IN_PROGRESS', 'OUTCOME_MONITORING'].includes(work.state);

  return (
    <>
      <ErrorSummary errors={errors} order={['participantId', 'kind', 'on', 'riskFactors', 'method', 'reason', 'actions', 'description', 'owner', 'dueOn']} />
      <h2 className="govuk-heading-m">Contacts and visits</h2>
      {work.contacts.length === 0 ? <p className="govuk-body">None yet.</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Contacts and visits</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            {['Date', 'With', 'How', 'Risk and safety'].map((h) => <th scope="col" className="govuk-table__header" key={h}>{h}</th>)}
          </tr></thead>
          <tbody className="govuk-table__body">
            {work.contacts.map((c, i) => (
              <tr className="govuk-table__row" key={i}>
                <td className="govuk-table__cell">{c.on}</td><td className="govuk-table__cell">{name(c.participantId)}</td><td className="govuk-table__cell">{words(c.kind)}</td>
                <td className="govuk-table__cell">
                  {c.riskFactors.length === 0 ? 'No risk factors' : c.riskFactors.join('; ')}
                  {c.safetyMeasures.length > 0 && <><br />Measures: {c.safetyMeasures.join('; ')}</>}
                  {c.policeShouldAttend && <><br /><Tag colour="red">Police should attend</Tag></>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {working && (
        <form noValidate onSubmit={(e: FormEvent) => { e.preventDefault(); void act(async () => (await execute(Contact, { input: contactInput(caseId, contact) }, options)).recordContact, () => setContact(empty)); }}>
          <h3 className="govuk-heading-s">Record a contact or visit</h3>
          <Radios name="participantId" legend="Who with" value={contact.participantId} onChange={(participantId) => setContact({ ...contact, participantId })} error={errors.participantId}
            options={people.map((p) => ({ value: p.id, label: `${p.name} (${words(p.role).toLowerCase()})` }))} />
          <Radios name="kind" legend="How" inline value={contact.kind} onChange={(kind) => setContact({ ...contact, kind })} error={errors.kind}
            options={['PHONE', 'HOME_VISIT', 'OFFICE_VISIT', 'LETTER', 'EMAIL'].map((k) => ({ value: k, label: words(k) }))} />
          <TextInput name="on" label="Date" type="date" width="10" value={contact.on} onChange={(on) => setContact({ ...contact, on })} error={errors.on} />
          <Checkboxes name="riskFactors" legend="Risk factors found" hint="Leave empty if none" options={riskFactors.map((r) => ({ value: r, label: r }))}
            values={contact.risks} onChange={(risks) => setContact({ ...contact, risks })} error={errors.riskFactors} />
          <Checkboxes name="safetyMeasures" legend="Safety measures needed" options={safetyMeasures.map((m) => ({ value: m, label: m }))}
            values={contact.measures} onChange={(measures) => setContact({ ...contact, measures })} error={errors.safetyMeasures} />
          <Radios name="police" legend="Should the police attend any meeting?" inline value={contact.police} onChange={(police) => setContact({ ...contact, police })}
            options={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]} />
          <Radios name="consent" legend="Did they consent to take part?" inline value={contact.consent} onChange={(consent) => setContact({ ...contact, consent })}
            options={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }, { value: '', label: 'Not asked yet' }]} />
          <TextArea name="notes" label="Notes (optional)" value={contact.notes} onChange={(notes) => setContact({ ...contact, notes })} error={errors.notes} />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">Record contact</button>
        </form>
      )}

      {work.state === 'COMMUNICATION_IN_PROGRESS' && !work.method && (
        <form noValidate onSubmit={(e: FormEvent) => { e.preventDefault(); void act(async () => (await execute(Method, { input: { caseId, method: (method.method || 'LETTER') as CommunicationMethod, reason: method.reason } }, options)).chooseMethod, () => setMethod({ method: '', reason: '' })); }}>
          <h2 className="govuk-heading-m">How the parties communicate</h2>
          <Radios name="method" legend="Method they agreed" value={method.method} onChange={(m) => setMethod({ ...method, method: m })} error={errors.method}
            options={[{ value: 'LETTER', label: 'Letters' }, { value: 'SHUTTLE_MEDIATION', label: 'Messages passed by the facilitators (shuttle mediation)' }, { value: 'CONFERENCE', label: 'A face-to-face meeting (conference)' }]} />
          <TextArea name="reason" label="Why this method" value={method.reason} onChange={(reason) => setMethod({ ...method, reason })} error={errors.reason} />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">Save method</button>
        </form>
      )}

      {(work.state === 'COMMUNICATION_IN_PROGRESS' || work.state === 'OUTCOME_MONITORING') && (
        <>
          <h2 className="govuk-heading-m">Outcome agreement</h2>
          {work.agreementActions.length > 0 && (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Agreed actions</caption>
              <thead className="govuk-table__head"><tr className="govuk-table__row">
                {['Action', 'Who', 'Due', 'Status'].map((h) => <th scope="col" className="govuk-table__header" key={h}>{h}</th>)}
              </tr></thead>
              <tbody className="govuk-table__body">
                {work.agreementActions.map((a) => (
                  <tr className="govuk-table__row" key={a.id}>
                    <td className="govuk-table__cell">{a.description}</td><td className="govuk-table__cell">{a.owner}</td><td className="govuk-table__cell">{a.dueOn}{a.overdue && <> <Tag colour="red">Overdue</Tag></>}</td>
                    <td className="govuk-table__cell">
                      <label className="govuk-label govuk-visually-hidden" htmlFor={`action-${a.id}`}>Status of {a.description}</label>
                      <select className="govuk-select" id={`action-${a.id}`} value={a.status}
                        onChange={(e) => void act(async () => (await execute(Monitor, { input: { actionId: a.id, status: e.target.value as ActionStatus } }, options)).monitorAgreementAction, () => {})}>
                        {['OPEN', 'DONE', 'LATE', 'BROKEN'].map((s) => <option key={s} value={s}>{words(s)}</option>)}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {!work.agreedOn && (
            <form noValidate onSubmit={(e: FormEvent) => { e.preventDefault(); void act(async () => (await execute(Agreement, { input: {
              caseId, copiesGivenTo: agreement.copies, actions: agreement.description ? [{ description: agreement.description, owner: agreement.owner, dueOn: agreement.dueOn }] : [],
            } }, options)).recordOutcomeAgreement, () => setAgreement({ description: '', owner: '', dueOn: '', copies: [] })); }}>
              <TextInput name="description" label="What was agreed" hint="One action; more can follow as the agreement is monitored" value={agreement.description}
                onChange={(description) => setAgreement({ ...agreement, description })} error={errors.description ?? errors.actions} />
              <TextInput name="owner" label="Who does it" value={agreement.owner} onChange={(owner) => setAgreement({ ...agreement, owner })} error={errors.owner} />
              <TextInput name="dueOn" label="By when" type="date" width="10" value={agreement.dueOn} onChange={(dueOn) => setAgreement({ ...agreement, dueOn })} error={errors.dueOn} />
              <Checkboxes name="copiesGivenTo" legend="Copies given to" options={people.map((p) => ({ value: p.id, label: p.name }))} values={agreement.copies}
                onChange={(copies) => setAgreement({ ...agreement, copies })} />
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">Record agreement</button>
            </form>
          )}
        </>
      )}
    </>
  );
}
