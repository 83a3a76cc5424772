import { type FormEvent, useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { CostsMet, DecisionPageQuery, DecisionStatus, DecisionsQuery } from '../../gql/graphql';
import { ApiProblem, errorsByField, execute, nodes, type UserError } from '../api';
import type { Session } from '../auth';
import { longDate, pounds } from '../format';
import { ErrorSummary, type Errors, ProblemBanner, Radios, SuccessBanner, Tag, TextArea, TextInput, words } from '../forms';
import { Link, navigate, useTitle } from '../router';

const List = graphql(`
  query Decisions { decisionReports(first: 100) { edges { node { id reference status content { title reportDate } } } } }
`);

const Page = graphql(`
  query DecisionPage($id: ID!) {
    node(id: $id) {
      ... on DecisionReport {
        id reference status published forPublication notAgreedReasons costsMet
        content { title area author classification purpose recommendations financialImplications reportDate }
        spending { payee amount description budgetLine { name } }
        chiefExecutiveSignature { name at } financeSignature { name at } decision { name at }
        history { what at }
      }
    }
  }
`);

const Draft = graphql(`
  mutation DraftDecisionReport($input: DraftDecisionReportInput!) {
    draftDecisionReport(input: $input) { decisionReport { id } userErrors { code message field } }
  }
`);

const Submit = graphql(`
  mutation SubmitDecisionReport($input: DecisionReportIdInput!) { submitDecisionReport(input: $input) { decisionReport { status } userErrors { code message field } } }
`);

const Sign = graphql(`
  mutation SignDecisionReport($input: SignDecisionReportInput!) { signDecisionReport(input: $input) { decisionReport { status } userErrors { code message field } } }
`);

const Decide = graphql(`
  mutation DecideDecisionReport($input: DecideDecisionReportInput!) { decideDecisionReport(input: $input) { decisionReport { status } userErrors { code message field } } }
`);

const colour: Record<DecisionStatus, 'grey' | 'blue' | 'yellow' | 'orange' | 'green' | 'red'> = {
  DRAFT: 'grey', SUBMITTED: 'blue', SIGNED_BY_CHIEF_EXECUTIVE: 'yellow', SIGNED_BY_FINANCE: 'orange', AGREED: 'green', NOT_AGREED: 'red',
};

const drafters = ['commissioner', 'service_manager'];

const when = (at: string) => new Date(at).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** Decision reports, newest first, with where each is in its sign-off. */
export function Decisions({ session }: { session: Session }) {
  useTitle('Decision reports');
  const [data, setData] = useState<DecisionsQuery>();
  const [problem, setProblem] = useState('');
  useEffect(() => {
    execute(List, {}, { office: session.office, token: session.accessToken }).then(setData, (e) => setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.'));
  }, [session]);
  const reports = data ? nodes(data.decisionReports) : [];
  return (
    <>
      <h1 className="govuk-heading-l">Decision reports</h1>
      {problem && <ProblemBanner message={problem} />}
      {session.roles.some((r) => drafters.includes(r)) && (
        <Link to={`/${session.office}/decisions/new`} className="govuk-button" data-module="govuk-button">Draft a decision report</Link>
      )}
      {data && (reports.length === 0 ? <p className="govuk-body">No decision reports yet.</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Reports</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            {['Reference', 'Title', 'Report date', 'Status'].map((h) => <th scope="col" className="govuk-table__header" key={h}>{h}</th>)}
          </tr></thead>
          <tbody className="govuk-table__body">
            {reports.map((r) => (
              <tr className="govuk-table__row" key={r.id}>
                <td className="govuk-table__cell"><Link className="govuk-link" to={`/${session.office}/decisions/${encodeURIComponent(r.id)}`}>{r.reference}</Link></td>
                <td className="govuk-table__cell">{r.content.title}</td>
                <td className="govuk-table__cell">{longDate(r.content.reportDate)}</td>
                <td className="govuk-table__cell"><Tag colour={colour[r.status]}>{words(r.status)}</Tag></td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

/** A new decision report in the office's template: the parts every report needs; the rest can be added before it is submitted. */
export function DecisionNew({ session }: { session: Session }) {
  useTitle('Draft a decision report');
  const [form, setForm] = useState({ reference: '', title: '', author: '', reportDate: new Date().toISOString().slice(0, 10), purpose: '', recommendations: '', financialImplications: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState('');
  const field = (name: keyof typeof form) => ({ name, value: form[name], onChange: (value: string) => setForm({ ...form, [name]: value }), error: errors[name] });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      const result = (await execute(Draft, { input: { ...form, financialImplications: form.financialImplications || null } },
        { office: session.office, token: session.accessToken })).draftDecisionReport;
      if (result.userErrors.length > 0) setErrors(errorsByField(result.userErrors as UserError[]));
      else navigate(`/${session.office}/decisions/${encodeURIComponent(result.decisionReport!.id)}`);
    } catch (e) {
      setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.');
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={['reference', 'title', 'author', 'reportDate', 'purpose', 'recommendations']} />
        {problem && <ProblemBanner message={problem} />}
        <h1 className="govuk-heading-l">Draft a decision report</h1>
        <form noValidate onSubmit={onSubmit}>
          <TextInput {...field('reference')} label="Reference" hint="The office's decision number, for example 085-21" width="10" />
          <TextInput {...field('title')} label="Title" />
          <TextInput {...field('author')} label="Author" autoComplete="name" />
          <TextInput {...field('reportDate')} label="Report date" type="date" width="10" />
          <TextArea {...field('purpose')} label="Executive summary and purpose of the report" />
          <TextArea {...field('recommendations')} label="Recommendations" />
          <TextArea {...field('financialImplications')} label="Financial implications (optional)" />
          <button type="submit" className="govuk-button" data-module="govuk-button">Save draft</button>
        </form>
      </div>
    </div>
  );
}

type Report = Extract<NonNullable<DecisionPageQuery['node']>, { status: DecisionStatus; content: unknown }>;

/** One report: its content, signatures and history, and the next step for whoever may take it. */
export function DecisionDetail({ session, id }: { session: Session; id: string }) {
  const options = { office: session.office, token: session.accessToken };
  const [report, setReport] = useState<Report | null>();
  const [problem, setProblem] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [costsMet, setCostsMet] = useState('');
  const [agree, setAgree] = useState('');
  const [reasons, setReasons] = useState('');
  const [done, setDone] = useState('');
  useTitle(report?.content.title ?? 'Decision report');

  const load = () => execute(Page, { id }, options).then((d) => setReport(d.node && 'content' in d.node ? (d.node as Report) : null), (e) => setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.'));
  useEffect(() => { void load(); }, [session, id]);

  async function act(run: () => Promise<{ userErrors: readonly UserError[] }>, message: string) {
    setErrors({});
    try {
      const result = await run();
      if (result.userErrors.length > 0) { setErrors(errorsByField(result.userErrors)); return; }
      setDone(message);
      await load();
    } catch (e) {
      setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.');
    }
  }

  if (report === undefined && !problem) return <p className="govuk-body">Loading…</p>;
  if (!report) return <>{problem ? <ProblemBanner message={problem} /> : <p className="govuk-body">There is no decision report here.</p>}</>;
  const has = (role: string) => session.roles.includes(role);
  const s = report.status;
  return (
    <>
      <ErrorSummary errors={errors} order={['costsMet', 'agree', 'reasons']} />
      {problem && <ProblemBanner message={problem} />}
      {done && <SuccessBanner title={done} />}
      <span className="govuk-caption-l">Decision report {report.reference}</span>
      <h1 className="govuk-heading-l">{report.content.title}</h1>
      <p className="govuk-body"><Tag colour={colour[s]}>{words(s)}</Tag></p>
      <dl className="govuk-summary-list">
        {([['Author', report.content.author], ['Area', report.content.area], ['Report date', longDate(report.content.reportDate)], ['Purpose', report.content.purpose],
          ['Recommendations', report.content.recommendations], ['Financial implications', report.content.financialImplications],
          ['Chief executive', report.chiefExecutiveSignature ? `Signed by ${report.chiefExecutiveSignature.name}, ${when(report.chiefExecutiveSignature.at)}` : 'Not signed'],
          ['Chief finance officer', report.financeSignature ? `Signed by ${report.financeSignature.name}, ${when(report.financeSignature.at)}${report.costsMet ? ` (${words(report.costsMet)})` : ''}` : 'Not signed'],
          ['Decision', report.decision ? `${s === 'AGREED' ? 'Agreed' : 'Not agreed'} by ${report.decision.name}, ${when(report.decision.at)}` : 'Not decided'],
        ] as const).map(([k, v]) => (
          <div className="govuk-summary-list__row" key={k}><dt className="govuk-summary-list__key">{k}</dt><dd className="govuk-summary-list__value">{v || 'Not given'}</dd></div>
        ))}
      </dl>
      {report.spending.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Recommended spending</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            {['Payee', 'Budget line', 'Amount'].map((h, i) => <th scope="col" className={`govuk-table__header${i === 2 ? ' govuk-table__header--numeric' : ''}`} key={h}>{h}</th>)}
          </tr></thead>
          <tbody className="govuk-table__body">
            {report.spending.map((r, i) => (
              <tr className="govuk-table__row" key={i}>
                <td className="govuk-table__cell">{r.payee}</td><td className="govuk-table__cell">{r.budgetLine.name}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{pounds(r.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {s === 'DRAFT' && session.roles.some((r) => drafters.includes(r)) && (
        <button type="button" className="govuk-button" data-module="govuk-button"
          onClick={() => act(async () => (await execute(Submit, { input: { decisionId: report.id } }, options)).submitDecisionReport, 'Submitted for signature')}>
          Submit for signature
        </button>
      )}
      {s === 'SUBMITTED' && has('chief_executive') && (
        <button type="button" className="govuk-button" data-module="govuk-button"
          onClick={() => act(async () => (await execute(Sign, { input: { decisionId: report.id, as: 'CHIEF_EXECUTIVE' as never } }, options)).signDecisionReport, 'Signed as chief executive')}>
          Sign as chief executive
        </button>
      )}
      {s === 'SIGNED_BY_CHIEF_EXECUTIVE' && has('chief_finance_officer') && (
        <form noValidate onSubmit={(e) => { e.preventDefault(); void act(async () => (await execute(Sign, { input: { decisionId: report.id, as: 'CHIEF_FINANCE_OFFICER' as never, costsMet: (costsMet || null) as CostsMet | null } }, options)).signDecisionReport, 'Signed as chief finance officer'); }}>
          <Radios name="costsMet" legend="How are the costs met?" value={costsMet} onChange={setCostsMet} error={errors.costsMet}
            options={[{ value: 'NO_FINANCIAL_CONSEQUENCE', label: 'There is no financial consequence' }, { value: 'EXISTING_BUDGETS', label: 'From existing budgets' }, { value: 'RESERVES', label: 'From reserves' }]} />
          <button type="submit" className="govuk-button" data-module="govuk-button">Sign as chief finance officer</button>
        </form>
      )}
      {s === 'SIGNED_BY_FINANCE' && has('commissioner_in_office') && (
        <form noValidate onSubmit={(e) => { e.preventDefault(); void act(async () => (await execute(Decide, { input: { decisionId: report.id, agree: agree === 'yes', reasons: reasons || null } }, options)).decideDecisionReport, agree === 'yes' ? 'Agreed' : 'Not agreed'); }}>
          <Radios name="agree" legend="Your decision" value={agree} onChange={setAgree} error={errors.agree}
            options={[{ value: 'yes', label: 'I agree the recommendations' }, { value: 'no', label: 'I do not agree' }]} />
          {agree === 'no' && <TextArea name="reasons" label="Reasons" value={reasons} onChange={setReasons} error={errors.reasons} />}
          <button type="submit" className="govuk-button" data-module="govuk-button">Record decision</button>
        </form>
      )}

      <h2 className="govuk-heading-m">History</h2>
      <div className="moj-timeline">
        {[...report.history].reverse().map((h, i) => (
          <div className="moj-timeline__item" key={i}>
            <div className="moj-timeline__header"><h3 className="moj-timeline__title">{h.what.charAt(0).toUpperCase() + h.what.slice(1)}</h3></div>
            <p className="moj-timeline__date"><time dateTime={h.at}>{when(h.at)}</time></p>
          </div>
        ))}
      </div>
    </>
  );
}
