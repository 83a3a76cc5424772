import { useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { BudgetsQuery } from '../../gql/graphql';
import { ApiProblem, execute } from '../api';
import type { Session } from '../auth';
import { financialYearOf, pounds } from '../format';
import { ProblemBanner } from '../forms';
import { useTitle } from '../router';

const Query = graphql(`
  query Budgets($year: String!) {
    budgets(financialYear: $year) { id name balance { budgeted committed invoiced paid remaining } }
    spendReport(financialYear: $year) { rows { fundingStream balance { allocated budgeted committed paid } } }
  }
`);


function years(): string[] {
  const start = Number(financialYearOf(new Date()).slice(0, 4));
  return Array.from({ length: 8 }, (_, i) => `${start - i}-${String((start - i + 1) % 100).padStart(2, '0')}`);
}

/** Bars of committed and paid against budgeted, per budget. The table below holds the same figures for everyone. */
function Chart({ budgets }: { budgets: BudgetsQuery['budgets'] }) {
  const max = Math.max(1, ...budgets.map((b) => Number(b.balance.budgeted)), ...budgets.map((b) => Number(b.balance.committed)));
  const width = 600;
  return (
    <svg viewBox={`0 0 ${width} ${budgets.length * 56 + 10}`} width="100%" aria-hidden="true" focusable="false" className="govuk-!-margin-bottom-6">
      {budgets.map((b, i) => {
        const y = i * 56 + 5;
        const bar = (value: string) => (Number(value) / max) * (width - 10);
        return (
          <g key={b.id}>
            <text x={0} y={y + 12} fontSize="14" fill="#0b0c0c">{b.name}</text>
            <rect x={0} y={y + 18} height={10} width={bar(b.balance.budgeted)} fill="#b1b4b6" />
            <rect x={0} y={y + 30} height={10} width={bar(b.balance.committed)} fill="#1d70b8" />
            <rect x={0} y={y + 42} height={10} width={bar(b.balance.paid)} fill="#00703c" />
          </g>
        );
      })}
    </svg>
  );
}

/** Budgets and spend for a financial year, with a chart and the same figures as a table. */
export function Budgets({ session }: { session: Session }) {
  useTitle('Budgets and spend');
  const [year, setYear] = useState(financialYearOf(new Date()));
  const [data, setData] = useState<BudgetsQuery>();
  const [problem, setProblem] = useState('');
  useEffect(() => {
    // A slower answer for an earlier year must not replace the one asked for last.
    let current = true;
    execute(Query, { year }, { office: session.office, token: session.accessToken }).then((d) => { if (current) { setData(d); setProblem(''); } },
      (e) => current && setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.'));
    return () => { current = false; };
  }, [session, year]);
  return (
    <>
      <h1 className="govuk-heading-l">Budgets and spend</h1>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="year">Financial year</label>
        <select className="govuk-select" id="year" value={year} onChange={(e) => setYear(e.target.value)}>
          {years().map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </div>
      {problem && <ProblemBanner message={problem} />}
      {data && (data.budgets.length === 0 ? <p className="govuk-body">No budgets for {year}.</p> : (
        <>
          <p className="govuk-body-s">Grey: budgeted. Blue: committed. Green: paid.</p>
          <Chart budgets={data.budgets} />
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Budgets in {year}</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">
              {['Budget', 'Budgeted', 'Committed', 'Invoiced', 'Paid', 'Remaining'].map((h, i) =>
                <th scope="col" className={`govuk-table__header${i > 0 ? ' govuk-table__header--numeric' : ''}`} key={h}>{h}</th>)}
            </tr></thead>
            <tbody className="govuk-table__body">
              {data.budgets.map((b) => (
                <tr className="govuk-table__row" key={b.id}>
                  <th scope="row" className="govuk-table__header">{b.name}</th>
                  {[b.balance.budgeted, b.balance.committed, b.balance.invoiced, b.balance.paid, b.balance.remaining].map((v, i) =>
                    <td className="govuk-table__cell govuk-table__cell--numeric" key={i}>{pounds(v)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Spend against allocation by funding stream</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">
              {['Funding stream', 'Allocated', 'Budgeted', 'Committed', 'Paid'].map((h, i) =>
                <th scope="col" className={`govuk-table__header${i > 0 ? ' govuk-table__header--numeric' : ''}`} key={h}>{h}</th>)}
            </tr></thead>
            <tbody className="govuk-table__body">
              {data.spendReport.rows.map((r) => (
                <tr className="govuk-table__row" key={r.fundingStream}>
                  <th scope="row" className="govuk-table__header">{r.fundingStream}</th>
                  {[r.balance.allocated, r.balance.budgeted, r.balance.committed, r.balance.paid].map((v, i) =>
                    <td className="govuk-table__cell govuk-table__cell--numeric" key={i}>{pounds(v)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ))}
    </>
  );
}
