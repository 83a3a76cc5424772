import { useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { ClaimsToDecideQuery } from '../../gql/graphql';
import { ApiProblem, execute, nodes } from '../api';
import type { Session } from '../auth';
import { pounds } from '../format';
import { ProblemBanner, words } from '../forms';
import { useTitle } from '../router';

const Query = graphql(`
  query ClaimsToDecide {
    expenseClaims(first: 50, status: [SUBMITTED]) { edges { node { id claimant total submittedAt lines { kind description miles amount } } } }
    volunteerExpenseLines { id name budget remaining }
  }
`);

const Approve = graphql(`
  mutation ApproveExpenseClaim($input: ApproveExpenseClaimInput!) {
    approveExpenseClaim(input: $input) { claim { status } userErrors { code message field } }
  }
`);


/** A coordinator approves submitted expense claims against this year's volunteer-expenses budget line. */
export function Claims({ session }: { session: Session }) {
  useTitle('Expense claims');
  const [data, setData] = useState<ClaimsToDecideQuery>();
  const [line, setLine] = useState('');
  const [message, setMessage] = useState<{ text: string; ok: boolean }>();
  const load = () => execute(Query, {}, { office: session.office, token: session.accessToken })
    .then((d) => { setData(d); setLine((l) => l || d.volunteerExpenseLines[0]?.id || ''); }, (e) => setMessage({ text: e instanceof ApiProblem ? e.message : 'Something went wrong.', ok: false }));
  useEffect(() => { void load(); }, [session]);

  async function approve(claimId: string) {
    const { approveExpenseClaim } = await execute(Approve, { input: { claimId, budgetLineId: line } }, { office: session.office, token: session.accessToken });
    setMessage(approveExpenseClaim.userErrors.length > 0 ? { text: approveExpenseClaim.userErrors[0]!.message, ok: false } : { text: 'Claim approved', ok: true });
    await load();
  }

  return (
    <>
      <h1 className="govuk-heading-l">Expense claims</h1>
      {message && (message.ok
        ? <div className="govuk-notification-banner govuk-notification-banner--success" role="alert"><div className="govuk-notification-banner__content"><p className="govuk-notification-banner__heading">{message.text}</p></div></div>
        : <ProblemBanner message={message.text} />)}
      {data && (
        <>
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="budget-line">Charge approved claims to</label>
            <select className="govuk-select" id="budget-line" value={line} onChange={(e) => setLine(e.target.value)}>
              {data.volunteerExpenseLines.map((l) => <option key={l.id} value={l.id}>{l.budget}: {l.name} ({pounds(l.remaining)} left)</option>)}
            </select>
          </div>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">Waiting for a decision</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">
              {['Claimant', 'Submitted', 'Lines', 'Total', 'Action'].map((h) => <th scope="col" className="govuk-table__header" key={h}>{h}</th>)}
            </tr></thead>
            <tbody className="govuk-table__body">
              {nodes(data.expenseClaims).map((claim) => (
                <tr className="govuk-table__row" key={claim.id}>
                  <td className="govuk-table__cell">{claim.claimant}</td>
                  <td className="govuk-table__cell">{claim.submittedAt.slice(0, 10)}</td>
                  <td className="govuk-table__cell">{claim.lines.map((l) => `${words(l.kind)}: ${l.description}${l.miles ? ` (${l.miles} miles)` : ''}`).join('; ')}</td>
                  <td className="govuk-table__cell">{pounds(claim.total)}</td>
                  <td className="govuk-table__cell">
                    <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={!line} onClick={() => void approve(claim.id)}>
                      Approve<span className="govuk-visually-hidden"> claim from {claim.claimant}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
