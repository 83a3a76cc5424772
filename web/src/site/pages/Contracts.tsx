import { useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { ContractsQuery } from '../../gql/graphql';
import { ApiProblem, execute } from '../api';
import type { Session } from '../auth';
import { longDate, pounds } from '../format';
import { ProblemBanner, Tag, words } from '../forms';
import { useTitle } from '../router';

const Query = graphql(`
  query Contracts($endingWithinDays: Int) {
    contracts(endingWithinDays: $endingWithinDays) {
      id provider service startsOn endsOn originalEndsOn value paymentSchedule
      extensions { endsOn additionalValue agreedOn reason }
      kpis { id measure targetPercent actuals { period actualPercent met } }
    }
  }
`);


/** Commissioned services: each contract's term, value and extensions, and its KPIs against their targets period by period. */
export function Contracts({ session }: { session: Session }) {
  useTitle('Contracts and KPIs');
  const [ending, setEnding] = useState('');
  const [data, setData] = useState<ContractsQuery>();
  const [problem, setProblem] = useState('');
  useEffect(() => {
    let current = true;
    execute(Query, { endingWithinDays: ending ? Number(ending) : null }, { office: session.office, token: session.accessToken })
      .then((d) => { if (current) { setData(d); setProblem(''); } }, (e) => current && setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.'));
    return () => { current = false; };
  }, [session, ending]);
  return (
    <>
      <h1 className="govuk-heading-l">Contracts and KPIs</h1>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="ending">Show</label>
        <select className="govuk-select" id="ending" value={ending} onChange={(e) => setEnding(e.target.value)}>
          <option value="">All contracts</option>
          <option value="90">Running contracts ending within 3 months</option>
          <option value="365">Running contracts ending within a year</option>
        </select>
      </div>
      {problem && <ProblemBanner message={problem} />}
      {data && data.contracts.length === 0 && <p className="govuk-body">No contracts to show.</p>}
      {data?.contracts.map((c) => (
        <section key={c.id} className="govuk-!-margin-bottom-8">
          <h2 className="govuk-heading-m">{c.service}</h2>
          <dl className="govuk-summary-list">
            {([['Provider', c.provider], ['Term', `${longDate(c.startsOn)} to ${longDate(c.endsOn)}${c.endsOn !== c.originalEndsOn ? ` (originally ${longDate(c.originalEndsOn)})` : ''}`],
              ['Value', pounds(c.value)], ['Paid', words(c.paymentSchedule)]] as const).map(([k, v]) => (
              <div className="govuk-summary-list__row" key={k}><dt className="govuk-summary-list__key">{k}</dt><dd className="govuk-summary-list__value">{v}</dd></div>
            ))}
            {c.extensions.map((x, i) => (
              <div className="govuk-summary-list__row" key={i}>
                <dt className="govuk-summary-list__key">Extension agreed {longDate(x.agreedOn)}</dt>
                <dd className="govuk-summary-list__value">To {longDate(x.endsOn)}, {pounds(x.additionalValue)} more: {x.reason}</dd>
              </div>
            ))}
          </dl>
          {c.kpis.length > 0 && (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">Key performance indicators</caption>
              <thead className="govuk-table__head"><tr className="govuk-table__row">
                {['Measure', 'Target', 'Period', 'Actual', ''].map((h, i) => <th scope="col" className={`govuk-table__header${i === 1 || i === 3 ? ' govuk-table__header--numeric' : ''}`} key={i}>{h || <span className="govuk-visually-hidden">Met</span>}</th>)}
              </tr></thead>
              <tbody className="govuk-table__body">
                {c.kpis.flatMap((k) => (k.actuals.length === 0 ? [{ period: '', actualPercent: null, met: null }] : k.actuals).map((a, i) => (
                  <tr className="govuk-table__row" key={`${k.id}-${i}`}>
                    <td className="govuk-table__cell">{i === 0 ? k.measure : ''}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{i === 0 ? `${k.targetPercent}%` : ''}</td>
                    <td className="govuk-table__cell">{a.period || 'No figures yet'}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{a.actualPercent == null ? '' : `${a.actualPercent}%`}</td>
                    <td className="govuk-table__cell">{a.met == null ? '' : a.met ? <Tag colour="green">Met</Tag> : <Tag colour="red">Missed</Tag>}</td>
                  </tr>
                )))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </>
  );
}
