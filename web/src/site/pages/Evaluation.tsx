import { type FormEvent, useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { EvaluationMeasuresQuery, HalfYear, MojReturnQuery } from '../../gql/graphql';
import { ApiProblem, execute } from '../api';
import type { Session } from '../auth';
import { financialYearOf, pounds } from '../format';
import { ProblemBanner, Tag, TextInput } from '../forms';
import { useTitle } from '../router';

const MeasuresQuery = graphql(`
  query EvaluationMeasures($filter: MeasureFilterInput) {
    evaluationMeasures(filter: $filter) {
      referrals referralsDefinition
      byRoute { key label count percent } byType { key label count percent } byOutcome { key label count percent }
      byArea { key label count percent } byPartner { key label count percent }
      conversion { numerator denominator percent definition } victimsCodeTimeliness { numerator denominator percent definition }
      daysToFirstContact { count median definition } daysToClosure { count median definition }
      victimSatisfaction { responses satisfied percent targetPercent meetsTarget definition }
      wouldRecommend { numerator denominator percent definition } empathy { people meanStart meanEnd meanChange definition }
      reoffendingCompleted { numerator denominator percent definition } reoffendingNotCompleted { numerator denominator percent }
      victimsSupported victimsSupportedDefinition casesOpened
    }
  }
`);

const MonthlyQuery = graphql(`
  query MonthlyPartnerReport($month: String!) { monthlyPartnerReport(month: $month) { title csv html } }
`);

const ReturnQuery = graphql(`
  query MojReturn($year: String!, $half: HalfYear!) {
    mojReturn(financialYear: $year, half: $half) {
      from to referrals casesOpened victimsSupported completedFaceToFace completedIndirectly moneyInvested readyToSubmit
      victimSatisfaction { percent responses } issues { code message blocking } report { title csv html }
    }
  }
`);

type Measures = EvaluationMeasuresQuery['evaluationMeasures'];
type Rate = { numerator: number; denominator: number; percent?: number | null };

/** "40.0% (2 of 5)", or "No figure" when nothing was counted. */
export function rate(r: Rate): string {
  return r.denominator === 0 || r.percent == null ? 'No figure' : `${r.percent}% (${r.numerator} of ${r.denominator})`;
}

/** A link that downloads text as a file (CSV) or opens it (a printable page), made in the browser. */
function FileLink({ text, type, name, children }: { text: string; type: string; name?: string; children: string }) {
  const [url, setUrl] = useState('');
  useEffect(() => {
    const made = URL.createObjectURL(new Blob([text], { type }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [text, type]);
  return url ? <a className="govuk-link" href={url} download={name} target={name ? undefined : '_blank'} rel="noreferrer">{children}</a> : null;
}

/** Bars for a breakdown; the table beside it holds the same figures for everyone. */
function Bars({ rows }: { rows: Measures['byOutcome'] }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <svg viewBox={`0 0 600 ${rows.length * 28 + 4}`} width="100%" aria-hidden="true" focusable="false" className="govuk-!-margin-bottom-4">
      {rows.map((r, i) => (
        <g key={r.key}>
          <text x={0} y={i * 28 + 18} fontSize="14" fill="#0b0c0c">{r.label}</text>
          <rect x={260} y={i * 28 + 6} height={16} width={(r.count / max) * 330} fill="#1d70b8" />
        </g>
      ))}
    </svg>
  );
}

function Breakdown({ caption, rows }: { caption: string; rows: Measures['byOutcome'] }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead className="govuk-table__head"><tr className="govuk-table__row">
        <th scope="col" className="govuk-table__header">{caption.replace(/^Referrals by /, '').replace(/^./, (c) => c.toUpperCase())}</th>
        <th scope="col" className="govuk-table__header govuk-table__header--numeric">Referrals</th>
        <th scope="col" className="govuk-table__header govuk-table__header--numeric">Share</th>
      </tr></thead>
      <tbody className="govuk-table__body">
        {rows.map((r) => (
          <tr className="govuk-table__row" key={r.key}>
            <th scope="row" className="govuk-table__header">{r.label}</th>
            <td className="govuk-table__cell govuk-table__cell--numeric">{r.count}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{r.percent == null ? '' : `${r.percent}%`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Figure({ label, value, definition }: { label: string; value: string; definition: string }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{value}<div className="govuk-hint govuk-!-margin-bottom-0 govuk-!-font-size-16">{definition}</div></dd>
    </div>
  );
}

/** Evaluation measures with their cuts and definitions, the monthly partner report and the MoJ return, for analysts and managers. */
export function Evaluation({ session }: { session: Session }) {
  useTitle('Evaluation');
  const options = { office: session.office, token: session.accessToken };
  const [draft, setDraft] = useState({ from: '', to: '', area: '', referralType: '', route: '' });
  const [filter, setFilter] = useState(draft);
  const [measures, setMeasures] = useState<Measures>();
  const [problem, setProblem] = useState('');
  const [month, setMonth] = useState(new Date().toISOString().slice(0, 7));
  const [monthly, setMonthly] = useState<{ title: string; csv: string; html: string }>();
  const [year, setYear] = useState(financialYearOf(new Date()));
  const [half, setHalf] = useState<HalfYear>('FIRST' as HalfYear);
  const [moj, setMoj] = useState<MojReturnQuery['mojReturn']>();

  useEffect(() => {
    let current = true;
    const chosen = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== ''));
    execute(MeasuresQuery, { filter: chosen }, options).then((d) => { if (current) { setMeasures(d.evaluationMeasures); setProblem(''); } },
      (e) => current && setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.'));
    return () => { current = false; };
  }, [session, filter]);

  const apply = (event: FormEvent) => { event.preventDefault(); setFilter(draft); };
  const fail = (e: unknown) => setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.');

  return (
    <>
      <h1 className="govuk-heading-l">Evaluation</h1>
      {problem && <ProblemBanner message={problem} />}
      <form className="govuk-!-margin-bottom-6" onSubmit={apply} noValidate>
        <h2 className="govuk-heading-m">Which referrals</h2>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter"><TextInput name="from" label="From" type="date" value={draft.from} onChange={(from) => setDraft({ ...draft, from })} /></div>
          <div className="govuk-grid-column-one-quarter"><TextInput name="to" label="To" type="date" value={draft.to} onChange={(to) => setDraft({ ...draft, to })} /></div>
          <div className="govuk-grid-column-one-half"><TextInput name="area" label="Area" hint="As the office names it, e.g. LPA West" value={draft.area} onChange={(area) => setDraft({ ...draft, area })} /></div>
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="referralType">Referral type</label>
              <select className="govuk-select" id="referralType" value={draft.referralType} onChange={(e) => setDraft({ ...draft, referralType: e.target.value })}>
                <option value="">All types</option>
                {['NeighbourDispute', 'CommunityRemedy', 'AntiSocialBehaviour', 'LowLevelCrime', 'CriminalOffence'].map((t) =>
                  <option key={t} value={t}>{t.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/^./, (c) => c.toUpperCase())}</option>)}
              </select>
            </div>
          </div>
          <div className="govuk-grid-column-one-half">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="route">Route</label>
              <select className="govuk-select" id="route" value={draft.route} onChange={(e) => setDraft({ ...draft, route: e.target.value })}>
                <option value="">All routes</option>
                <option value="Partner">Partner agencies</option>
                <option value="CommunityResolution">Community resolutions</option>
                <option value="SelfReferral">Self-referrals</option>
                <option value="Staff">Staff</option>
              </select>
            </div>
          </div>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">Show figures</button>
      </form>

      {measures && (
        <>
          <h2 className="govuk-heading-m">Figures</h2>
          <dl className="govuk-summary-list">
            <Figure label="Referrals received" value={String(measures.referrals)} definition={measures.referralsDefinition} />
            <Figure label="Victim satisfaction" definition={measures.victimSatisfaction.definition}
              value={measures.victimSatisfaction.percent == null ? 'No figure (nobody has answered)'
                : `${measures.victimSatisfaction.percent}% (${measures.victimSatisfaction.satisfied} of ${measures.victimSatisfaction.responses}); target ${measures.victimSatisfaction.targetPercent}%`} />
            <Figure label="Referrals completed" value={rate(measures.conversion)} definition={measures.conversion.definition} />
            <Figure label="Decided within the Victims' Code time" value={rate(measures.victimsCodeTimeliness)} definition={measures.victimsCodeTimeliness.definition} />
            <Figure label="Days to first contact" value={measures.daysToFirstContact.median == null ? 'No figure' : `${measures.daysToFirstContact.median} (median of ${measures.daysToFirstContact.count})`}
              definition={measures.daysToFirstContact.definition} />
            <Figure label="Days to closure" value={measures.daysToClosure.median == null ? 'No figure' : `${measures.daysToClosure.median} (median of ${measures.daysToClosure.count})`}
              definition={measures.daysToClosure.definition} />
            <Figure label="Would recommend" value={rate(measures.wouldRecommend)} definition={measures.wouldRecommend.definition} />
            <Figure label="Change in victim empathy" definition={measures.empathy.definition}
              value={measures.empathy.meanChange == null ? 'No figure' : `${measures.empathy.meanChange > 0 ? '+' : ''}${measures.empathy.meanChange} (from ${measures.empathy.meanStart} to ${measures.empathy.meanEnd}, ${measures.empathy.people} people)`} />
            <Figure label="Reoffending" definition={measures.reoffendingCompleted.definition}
              value={`Completed cases: ${rate(measures.reoffendingCompleted)}. Did not go ahead: ${rate(measures.reoffendingNotCompleted)}.`} />
            <Figure label="Victims supported" value={String(measures.victimsSupported)} definition={measures.victimsSupportedDefinition} />
          </dl>
          {measures.victimSatisfaction.meetsTarget != null && (
            <p className="govuk-body">{measures.victimSatisfaction.meetsTarget ? <Tag colour="green">Meets target</Tag> : <Tag colour="red">Below target</Tag>}</p>
          )}
          <h2 className="govuk-heading-m">Outcomes</h2>
          {measures.referrals === 0 && <p className="govuk-body">No referrals were received in this period.</p>}
          {measures.referrals > 0 && <>
          <Bars rows={measures.byOutcome} />
          <Breakdown caption="Referrals by outcome" rows={measures.byOutcome} />
          <Breakdown caption="Referrals by route" rows={measures.byRoute} />
          <Breakdown caption="Referrals by type" rows={measures.byType} />
          <Breakdown caption="Referrals by partner" rows={measures.byPartner} />
          <Breakdown caption="Referrals by area" rows={measures.byArea} />
          </>}
        </>
      )}

      <h2 className="govuk-heading-m">Monthly partner report</h2>
      <form className="govuk-!-margin-bottom-6" noValidate onSubmit={(e) => { e.preventDefault(); execute(MonthlyQuery, { month }, options).then((d) => setMonthly(d.monthlyPartnerReport), fail); }}>
        <TextInput name="month" label="Month" type="month" hint="For example, 2026-10" value={month} onChange={setMonth} width="10" />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">Prepare report</button>
      </form>
      {monthly && (
        <ul className="govuk-list">
          <li><FileLink text={monthly.csv} type="text/csv" name={`monthly-report-${month}.csv`}>{`Download ${monthly.title} (CSV)`}</FileLink></li>
          <li><FileLink text={monthly.html} type="text/html">Open the printable report</FileLink></li>
        </ul>
      )}

      <h2 className="govuk-heading-m">Ministry of Justice return</h2>
      <form className="govuk-!-margin-bottom-6" noValidate onSubmit={(e) => { e.preventDefault(); execute(ReturnQuery, { year, half }, options).then((d) => setMoj(d.mojReturn), fail); }}>
        <TextInput name="year" label="Financial year" hint="For example, 2026-27" value={year} onChange={setYear} width="5" />
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="half">Half year</label>
          <select className="govuk-select" id="half" value={half} onChange={(e) => setHalf(e.target.value as HalfYear)}>
            <option value="FIRST">April to September</option>
            <option value="SECOND">October to March</option>
          </select>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">Check the return</button>
      </form>
      {moj && (
        <>
          <p className="govuk-body">{moj.readyToSubmit ? <Tag colour="green">Ready to submit</Tag> : <Tag colour="red">Not ready to submit</Tag>}</p>
          {moj.issues.length > 0 && (
            <ul className="govuk-list govuk-list--bullet">
              {moj.issues.map((i) => <li key={i.code}>{i.blocking ? <strong>Must be put right: </strong> : null}{i.message}</li>)}
            </ul>
          )}
          <dl className="govuk-summary-list">
            {([['Referrals received', moj.referrals], ['Cases opened', moj.casesOpened], ['Victims supported', moj.victimsSupported],
              ['Completed face to face', moj.completedFaceToFace], ['Completed indirectly', moj.completedIndirectly],
              ['Victim satisfaction', moj.victimSatisfaction.percent == null ? 'No figure' : `${moj.victimSatisfaction.percent}%`],
              ['Invested from the Ministry of Justice grant', pounds(moj.moneyInvested)]] as const).map(([k, v]) => (
              <div className="govuk-summary-list__row" key={k}><dt className="govuk-summary-list__key">{k}</dt><dd className="govuk-summary-list__value">{v}</dd></div>
            ))}
          </dl>
          <ul className="govuk-list">
            <li><FileLink text={moj.report.csv} type="text/csv" name={`moj-return-${year}-${half.toLowerCase()}.csv`}>Download the return (CSV)</FileLink></li>
            <li><FileLink text={moj.report.html} type="text/html">Open the printable return</FileLink></li>
          </ul>
        </>
      )}
    </>
  );
}
