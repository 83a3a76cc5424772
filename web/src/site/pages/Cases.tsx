import { type FormEvent, useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { CaseDashboardQuery, CasePageQuery, CaseState, MyCasesQuery } from '../../gql/graphql';
import { ApiProblem, errorsByField, execute, nodes } from '../api';
import type { Session } from '../auth';
import { Checkboxes, ErrorSummary, type Errors, ProblemBanner, Radios, Tag, TextArea, words } from '../forms';
import { Link, useTitle } from '../router';
import { CaseWork } from './CaseWork';

const Dashboard = graphql(`
  query CaseDashboard @purpose(reason: CASE_WORK, detail: "Case dashboard") {
    caseDashboard { byState { state cases } openCaseAges { age cases } overdueActions facilitatorLoad { name openCases } }
    cases(first: 50, state: [INFORMATION_GATHERING, SUITABILITY_ASSESSMENT, ALLOCATED, PREPARING, COMMUNICATION_IN_PROGRESS, OUTCOME_MONITORING]) {
      edges { node { id reference state openedAt } }
    }
  }
`);

const CasePage = graphql(`
  query CasePage($id: ID!) @purpose(reason: CASE_WORK, detail: "Case page") {
    node(id: $id) {
      ... on Case {
        id reference state openedAt closureReason method closureReasonChoices referralId
        timeline { kind detail at }
        allocations { practitionerName from until }
        informationRequests { id agency what required receivedOn summary }
        allocationCandidates { ranked { practitionerId name currentCases capacity reasons } excluded { practitionerId name reasons } }
      }
    }
  }
`);

// Facilitators see the cases they hold, without the allocation picker (coordinators and service managers only).
const FacilitatorCasePage = graphql(`
  query FacilitatorCasePage($id: ID!) @purpose(reason: CASE_WORK, detail: "Case page") {
    node(id: $id) {
      ... on Case {
        id reference state openedAt closureReason method closureReasonChoices referralId
        timeline { kind detail at }
        allocations { practitionerName from until }
        informationRequests { id agency what required receivedOn summary }
      }
    }
  }
`);

const MyCases = graphql(`
  query MyCases @purpose(reason: CASE_WORK, detail: "My cases") { cases(first: 50) { edges { node { id reference state openedAt } } } }
`);

const Move = graphql(`
  mutation MoveCase($input: MoveCaseInput!) { moveCase(input: $input) { state userErrors { code message field } } }
`);

const Allocate = graphql(`
  mutation AllocateCase($input: AllocateCaseInput!) { allocateCase(input: $input) { state userErrors { code message field } } }
`);

const Close = graphql(`
  mutation CloseCase($input: CloseCaseInput!) { closeCase(input: $input) { state userErrors { code message field } } }
`);

const next: Partial<Record<CaseState, CaseState>> = {
  INFORMATION_GATHERING: 'SUITABILITY_ASSESSMENT', ALLOCATED: 'PREPARING', PREPARING: 'COMMUNICATION_IN_PROGRESS', COMMUNICATION_IN_PROGRESS: 'OUTCOME_MONITORING',
};

/** The coordinator's dashboard: cases by state, how old open ones are, overdue actions, facilitators' load, and the open cases. */
export function Cases({ session }: { session: Session }) {
  useTitle('Cases');
  const [data, setData] = useState<CaseDashboardQuery>();
  const [problem, setProblem] = useState('');
  useEffect(() => {
    execute(Dashboard, {}, { office: session.office, token: session.accessToken }).then(setData, (e) => setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.'));
  }, [session]);
  if (problem) return <ProblemBanner message={problem} />;
  if (!data) return <p className="govuk-body">Loading…</p>;
  const d = data.caseDashboard;
  return (
    <>
      <h1 className="govuk-heading-l">Cases</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">By state</caption>
            <tbody className="govuk-table__body">
              {d.byState.map((s) => <tr className="govuk-table__row" key={s.state}><th scope="row" className="govuk-table__header">{words(s.state)}</th><td className="govuk-table__cell govuk-table__cell--numeric">{s.cases}</td></tr>)}
            </tbody>
          </table>
        </div>
        <div className="govuk-grid-column-one-half">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Open cases by age</caption>
            <tbody className="govuk-table__body">
              {d.openCaseAges.map((a) => <tr className="govuk-table__row" key={a.age}><th scope="row" className="govuk-table__header">{a.age}</th><td className="govuk-table__cell govuk-table__cell--numeric">{a.cases}</td></tr>)}
            </tbody>
          </table>
          <p className="govuk-body">Agreed actions overdue: {d.overdueActions > 0 ? <Tag colour="red">{String(d.overdueActions)}</Tag> : '0'}</p>
        </div>
      </div>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Open cases</caption>
        <thead className="govuk-table__head"><tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Case</th><th scope="col" className="govuk-table__header">State</th><th scope="col" className="govuk-table__header">Opened</th>
        </tr></thead>
        <tbody className="govuk-table__body">
          {nodes(data.cases).map((c) => (
            <tr className="govuk-table__row" key={c.id}>
              <td className="govuk-table__cell"><Link className="govuk-link" to={`/${session.office}/cases/${encodeURIComponent(c.id)}`}>{c.reference}</Link></td>
              <td className="govuk-table__cell"><Tag colour="blue">{words(c.state)}</Tag></td>
              <td className="govuk-table__cell">{c.openedAt.slice(0, 10)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Facilitators' open cases</caption>
        <tbody className="govuk-table__body">
          {d.facilitatorLoad.map((f) => <tr className="govuk-table__row" key={f.name}><th scope="row" className="govuk-table__header">{f.name}</th><td className="govuk-table__cell govuk-table__cell--numeric">{f.openCases}</td></tr>)}
        </tbody>
      </table>
    </>
  );
}

type ManagerView = Extract<NonNullable<CasePageQuery['node']>, { reference: string }>;
type CaseView = Omit<ManagerView, 'allocationCandidates'> & { allocationCandidates?: ManagerView['allocationCandidates'] };

const managers = ['coordinator', 'service_manager'];

/** A facilitator's own cases: those they hold now. */
export function FacilitatorCases({ session }: { session: Session }) {
  useTitle('My cases');
  const [data, setData] = useState<MyCasesQuery>();
  const [problem, setProblem] = useState('');
  useEffect(() => {
    execute(MyCases, {}, { office: session.office, token: session.accessToken }).then(setData, (e) => setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.'));
  }, [session]);
  const cases = data ? nodes(data.cases) : [];
  return (
    <>
      <h1 className="govuk-heading-l">My cases</h1>
      {problem && <ProblemBanner message={problem} />}
      {data && (cases.length === 0 ? <p className="govuk-body">You hold no cases at the moment.</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Cases you hold</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            {['Case', 'State', 'Opened'].map((h) => <th scope="col" className="govuk-table__header" key={h}>{h}</th>)}
          </tr></thead>
          <tbody className="govuk-table__body">
            {cases.map((c) => (
              <tr className="govuk-table__row" key={c.id}>
                <td className="govuk-table__cell"><Link className="govuk-link" to={`/${session.office}/cases/${encodeURIComponent(c.id)}`}>{c.reference}</Link></td>
                <td className="govuk-table__cell"><Tag colour="blue">{words(c.state)}</Tag></td>
                <td className="govuk-table__cell">{c.openedAt.slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

/** A case: its timeline, allocation picker with reasons, information requests and the next step. */
export function CaseDetail({ session, id }: { session: Session; id: string }) {
  const [view, setView] = useState<CaseView | null>();
  const [problem, setProblem] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [closure, setClosure] = useState('');
  const [closureDetail, setClosureDetail] = useState('');
  useTitle(view ? `Case ${view.reference}` : 'Case');
  const manager = session.roles.some((r) => managers.includes(r));
  const load = () => (manager ? execute(CasePage, { id }, { office: session.office, token: session.accessToken }) : execute(FacilitatorCasePage, { id }, { office: session.office, token: session.accessToken }))
    .then((d) => setView(d.node && 'reference' in d.node ? (d.node as CaseView) : null), (e) => setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.'));
  useEffect(() => { void load(); }, [session, id]);

  async function allocate(event: FormEvent) {
    event.preventDefault();
    const { allocateCase } = await execute(Allocate, { input: { caseId: id, practitionerIds: picked } }, { office: session.office, token: session.accessToken });
    setErrors(errorsByField(allocateCase.userErrors));
    if (allocateCase.userErrors.length === 0) { setPicked([]); await load(); }
  }

  async function move(event: FormEvent) {
    event.preventDefault();
    if (!view || !next[view.state]) return;
    const { moveCase } = await execute(Move, { input: { caseId: id, to: next[view.state]!, reason } }, { office: session.office, token: session.accessToken });
    setErrors(errorsByField(moveCase.userErrors));
    if (moveCase.userErrors.length === 0) { setReason(''); await load(); }
  }

  async function close(event: FormEvent) {
    event.preventDefault();
    if (!closure) { setErrors({ closure: 'Select why the case is closing' }); return; }
    const { closeCase } = await execute(Close, { input: { caseId: id, reason: closure, detail: closureDetail || null } }, { office: session.office, token: session.accessToken });
    setErrors(Object.fromEntries(Object.entries(errorsByField(closeCase.userErrors)).map(([k, v]) => [k === 'reason' ? 'closure' : k, v])));
    if (closeCase.userErrors.length === 0) await load();
  }

  if (problem) return <ProblemBanner message={problem} />;
  if (view === undefined) return <p className="govuk-body">Loading…</p>;
  if (view === null) return <ProblemBanner message="There is no case with this id." />;
  const current = view.allocations.filter((a) => !a.until);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/${session.office}/${manager ? 'cases' : 'me/cases'}`} className="govuk-back-link">Back to cases</Link>
        <ErrorSummary errors={errors} order={['practitionerIds', 'reason', 'to', 'closure']} />
        <span className="govuk-caption-l">Opened {view.openedAt.slice(0, 10)}</span>
        <h1 className="govuk-heading-l">Case {view.reference}</h1>
        <p className="govuk-body"><Tag colour="blue">{words(view.state)}</Tag>{view.method ? ` · ${words(view.method)}` : ''}{view.closureReason ? ` · ${view.closureReason}` : ''}</p>
        <h2 className="govuk-heading-m">Facilitators</h2>
        {current.length === 0 ? <p className="govuk-body">None yet.</p> : <ul className="govuk-list">{current.map((a) => <li key={a.practitionerName}>{a.practitionerName} (since {a.from})</li>)}</ul>}
        {view.allocationCandidates && view.state !== 'INFORMATION_GATHERING' && view.state !== 'CLOSED' && (
          <form noValidate onSubmit={allocate}>
            <Checkboxes name="practitionerIds" legend={current.length ? 'Reallocate to' : 'Allocate to'} hint="Best fit first. Choose the office's number of facilitators."
              options={view.allocationCandidates.ranked.map((c) => ({ value: c.practitionerId, label: `${c.name}: ${c.reasons.join(' ')}` }))}
              values={picked} onChange={setPicked} error={errors.practitionerIds} />
            {view.allocationCandidates.excluded.length > 0 && (
              <details className="govuk-details">
                <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Who cannot take this case, and why ({view.allocationCandidates.excluded.length})</span></summary>
                <div className="govuk-details__text"><ul className="govuk-list">{view.allocationCandidates.excluded.map((c) => <li key={c.practitionerId}>{c.name}: {c.reasons.join(' ')}</li>)}</ul></div>
              </details>
            )}
            <button type="submit" className="govuk-button" data-module="govuk-button">Allocate</button>
          </form>
        )}
        {manager && next[view.state] && (
          <form noValidate onSubmit={move}>
            <h2 className="govuk-heading-m">Next step: {words(next[view.state]!)}</h2>
            <TextArea name="reason" label="Why" value={reason} onChange={setReason} error={errors.reason ?? errors.to} />
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">Move to {words(next[view.state]!).toLowerCase()}</button>
          </form>
        )}
        <CaseWork session={session} caseId={id} state={view.state} onChanged={() => void load()} />
        {manager && view.state !== 'CLOSED' && (
          <form noValidate onSubmit={close}>
            <h2 className="govuk-heading-m">Close the case</h2>
            <Radios name="closure" legend="Why is it closing?" value={closure} onChange={setClosure} error={errors.closure}
              hint="Facilitators are released and the referrer is told. Everyone who took part is then asked for feedback."
              options={view.closureReasonChoices.map((r) => ({ value: r, label: r }))} />
            <TextArea name="closureDetail" label="Anything to add (optional)" value={closureDetail} onChange={setClosureDetail} />
            <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">Close the case</button>
          </form>
        )}
        <h2 className="govuk-heading-m">Information requests</h2>
        {view.informationRequests.length === 0 ? <p className="govuk-body">None.</p> : (
          <ul className="govuk-list">{view.informationRequests.map((r) => <li key={r.id}>{words(r.agency)}: {r.what} {r.receivedOn ? <Tag colour="green">Received</Tag> : <Tag colour={r.required ? 'red' : 'grey'}>{r.required ? 'Awaited (required)' : 'Awaited'}</Tag>}</li>)}</ul>
        )}
        <h2 className="govuk-heading-m">Timeline</h2>
        <div className="moj-timeline">
          {[...view.timeline].reverse().map((e, i) => (
            <div className="moj-timeline__item" key={i}>
              <div className="moj-timeline__header"><h3 className="moj-timeline__title">{words(e.kind.replace(/([a-z])([A-Z])/g, '$1_$2'))}</h3></div>
              <p className="moj-timeline__date"><time dateTime={e.at}>{new Date(e.at).toLocaleString('en-GB')}</time></p>
              <div className="moj-timeline__description">{e.detail}</div>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

