import { type FormEvent, useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { ReferralForScreeningQuery, ScreeningOutcome } from '../../gql/graphql';
import { ApiProblem, errorsByField, execute } from '../api';
import type { Session } from '../auth';
import { ErrorSummary, type Errors, ProblemBanner, Radios, Tag, TextArea, words } from '../forms';
import { Link, navigate, useTitle } from '../router';

// A referral holds special-category data: reading it states the purpose, and is audited.
const Query = graphql(`
  query ReferralForScreening($id: ID!) @purpose(reason: CASE_WORK, detail: "Screening a referral") {
    node(id: $id) {
      ... on Referral {
        id reference type route status receivedOn victimsCodeDueBy overdue incident area courtCase riskInformation concerns
        participants { id role name }
        preCheck { overall redirectTo requiresSpecialists rules { rule outcome explanation } }
        screeningHistory { outcome reason decidedAt }
      }
    }
  }
`);

const Screen = graphql(`
  mutation ScreenReferral($input: ScreenReferralInput!) {
    screenReferral(input: $input) {
      status
      userErrors { code message field }
    }
  }
`);

const outcomes: { value: ScreeningOutcome; label: string }[] = [
  { value: 'ACCEPT', label: 'Accept' },
  { value: 'NEED_MORE_INFORMATION', label: 'Ask the referrer for more information' },
  { value: 'REJECT', label: 'Reject' },
];

type ReferralView = Extract<NonNullable<ReferralForScreeningQuery['node']>, { reference: string }>;

const tagColour = (outcome: string) => (outcome === 'PASSES' ? 'green' : outcome === 'FAILS' ? 'red' : 'yellow');

/** A coordinator reads a referral with the automatic pre-check explained, then records the screening decision. */
export function Screening({ session, id }: { session: Session; id: string }) {
  const [referral, setReferral] = useState<ReferralView | null>();
  const [problem, setProblem] = useState('');
  const [form, setForm] = useState({ outcome: '', reason: '' });
  const [errors, setErrors] = useState<Errors>({});
  useTitle(referral?.reference ? `Referral ${referral.reference}` : 'Referral');
  useEffect(() => {
    execute(Query, { id }, { office: session.office, token: session.accessToken })
      .then((d) => setReferral(d.node && 'reference' in d.node ? (d.node as ReferralView) : null), (e) => setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.'));
  }, [session, id]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.outcome) return setErrors({ outcome: 'Select a decision' });
    try {
      const { screenReferral } = await execute(Screen, { input: { referralId: id, outcome: form.outcome as ScreeningOutcome, reason: form.reason || null } },
        { office: session.office, token: session.accessToken });
      if (screenReferral.userErrors.length > 0) setErrors(errorsByField(screenReferral.userErrors));
      else navigate(`/${session.office}/referrals`);
    } catch (e) {
      setErrors({ _: e instanceof ApiProblem ? e.message : 'Something went wrong. Try again later.' });
    }
  }

  if (problem) return <ProblemBanner message={problem} />;
  if (referral === undefined) return <p className="govuk-body">Loading…</p>;
  if (referral === null) return <ProblemBanner message="There is no referral with this id." />;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/${session.office}/referrals`} className="govuk-back-link">Back to referrals</Link>
        <ErrorSummary errors={errors} order={['outcome', 'reason']} />
        <span className="govuk-caption-l">{words(referral.type)}, {words(referral.route)}</span>
        <h1 className="govuk-heading-l">Referral {referral.reference}</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Status</dt><dd className="govuk-summary-list__value"><Tag>{words(referral.status)}</Tag></dd></div>
          <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Received</dt><dd className="govuk-summary-list__value">{referral.receivedOn}</dd></div>
          <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Victims' Code due by</dt>
            <dd className="govuk-summary-list__value">{referral.victimsCodeDueBy} {referral.overdue && <Tag colour="red">Overdue</Tag>}</dd></div>
          <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">What happened</dt><dd className="govuk-summary-list__value">{referral.incident}</dd></div>
          <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">People</dt>
            <dd className="govuk-summary-list__value"><ul className="govuk-list">{referral.participants.map((p) => <li key={p.id}>{p.name} ({words(p.role)})</li>)}</ul></dd></div>
          {referral.concerns.length > 0 && <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Concerns</dt>
            <dd className="govuk-summary-list__value">{referral.concerns.map(words).join(', ')}</dd></div>}
        </dl>
        <h2 className="govuk-heading-m">Automatic pre-check</h2>
        <p className="govuk-body">Advice against the office's criteria, never a decision: <Tag colour={tagColour(referral.preCheck.overall)}>{words(referral.preCheck.overall)}</Tag></p>
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">Each criterion and how the referral meets it</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Criterion</th><th scope="col" className="govuk-table__header">Result</th><th scope="col" className="govuk-table__header">Why</th>
          </tr></thead>
          <tbody className="govuk-table__body">
            {referral.preCheck.rules.map((r) => (
              <tr className="govuk-table__row" key={r.rule}>
                <td className="govuk-table__cell">{r.rule}</td><td className="govuk-table__cell"><Tag colour={tagColour(r.outcome)}>{words(r.outcome)}</Tag></td>
                <td className="govuk-table__cell">{r.explanation}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {referral.preCheck.requiresSpecialists && <div className="govuk-inset-text">Needs specialists: {referral.preCheck.requiresSpecialists}</div>}
        {referral.status === 'RECEIVED' || referral.status === 'AWAITING_INFORMATION' ? (
          <form noValidate onSubmit={submit}>
            <h2 className="govuk-heading-m">Screening decision</h2>
            <Radios name="outcome" legend="Decision" options={outcomes} value={form.outcome} onChange={(v) => setForm({ ...form, outcome: v })} error={errors.outcome} />
            <TextArea name="reason" label="Reason" hint="The referrer is told this. Needed to reject or to ask for more information." value={form.reason}
              onChange={(v) => setForm({ ...form, reason: v })} error={errors.reason} />
            <button type="submit" className="govuk-button" data-module="govuk-button">Save decision</button>
          </form>
        ) : (
          <p className="govuk-body">Screened: {referral.screeningHistory.map((d) => `${words(d.outcome)} on ${d.decidedAt.slice(0, 10)}`).join('; ')}</p>
        )}
      </div>
    </div>
  );
}
