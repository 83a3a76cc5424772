import { useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { TransparencyQuery } from '../../gql/graphql';
import { ApiProblem, execute } from '../api';
import { pounds } from '../format';
import { ProblemBanner } from '../forms';
import { useTitle } from '../router';

const Query = graphql(`
  query Transparency {
    transparency {
      decisions { reference title decidedOn agreed text }
      spending { payee amount paidOn budget }
      contracts { provider service startsOn endsOn value }
    }
  }
`);


/** What the Specified Information Order has the office publish: decisions, spending over £500, contracts over £10,000. */
export function Transparency({ office, officeName }: { office: string; officeName: string }) {
  useTitle('Transparency');
  const [data, setData] = useState<TransparencyQuery['transparency']>();
  const [problem, setProblem] = useState('');
  useEffect(() => {
    execute(Query, {}, { office }).then((d) => setData(d.transparency), (e) => setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.'));
  }, [office]);
  return (
    <>
      <span className="govuk-caption-l">{officeName}</span>
      <h1 className="govuk-heading-l">Transparency</h1>
      {problem && <ProblemBanner message={problem} />}
      {data && (
        <>
          <h2 className="govuk-heading-m">Decisions</h2>
          {data.decisions.length === 0 ? <p className="govuk-body">No decisions have been published.</p> : data.decisions.map((d) => (
            <details className="govuk-details" key={d.reference}>
              <summary className="govuk-details__summary"><span className="govuk-details__summary-text">{d.reference}: {d.title} ({d.agreed ? 'agreed' : 'not agreed'} {d.decidedOn})</span></summary>
              <div className="govuk-details__text" style={{ whiteSpace: 'pre-line' }}>{d.text}</div>
            </details>
          ))}
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Spending over £500</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Paid to</th><th scope="col" className="govuk-table__header">Budget</th>
              <th scope="col" className="govuk-table__header">Date</th><th scope="col" className="govuk-table__header govuk-table__header--numeric">Amount</th>
            </tr></thead>
            <tbody className="govuk-table__body">
              {data.spending.map((p, i) => (
                <tr className="govuk-table__row" key={i}><td className="govuk-table__cell">{p.payee}</td><td className="govuk-table__cell">{p.budget}</td>
                  <td className="govuk-table__cell">{p.paidOn}</td><td className="govuk-table__cell govuk-table__cell--numeric">{pounds(p.amount)}</td></tr>
              ))}
            </tbody>
          </table>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Contracts over £10,000</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Provider</th><th scope="col" className="govuk-table__header">Service</th>
              <th scope="col" className="govuk-table__header">Term</th><th scope="col" className="govuk-table__header govuk-table__header--numeric">Value</th>
            </tr></thead>
            <tbody className="govuk-table__body">
              {data.contracts.map((c, i) => (
                <tr className="govuk-table__row" key={i}><td className="govuk-table__cell">{c.provider}</td><td className="govuk-table__cell">{c.service}</td>
                  <td className="govuk-table__cell">{c.startsOn} to {c.endsOn}</td><td className="govuk-table__cell govuk-table__cell--numeric">{pounds(c.value)}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
