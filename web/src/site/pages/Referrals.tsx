import { useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { ReferralInboxQuery, ReferralStatus } from '../../gql/graphql';
import { ApiProblem, execute } from '../api';
import type { Session } from '../auth';
import { ProblemBanner, Tag, words } from '../forms';
import { Link, useTitle } from '../router';

// Reading referrals is reading special-category data: the operation states its purpose, and each read is audited.
const Inbox = graphql(`
  query ReferralInbox($filter: ReferralFilter) @purpose(reason: CASE_WORK, detail: "Referral inbox") {
    referrals(first: 50, filter: $filter, orderBy: DUE_SOONEST) {
      edges {
        node { id reference type route status receivedOn victimsCodeDueBy overdue preCheck { overall } }
      }
    }
  }
`);

const statuses: { value: ReferralStatus | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'RECEIVED', label: 'Received' },
  { value: 'AWAITING_INFORMATION', label: 'Awaiting information' },
  { value: 'ACCEPTED', label: 'Accepted' },
  { value: 'REJECTED', label: 'Rejected' },
  { value: 'REDIRECTED', label: 'Redirected' },
];

/** The coordinator's referral inbox: soonest Victims' Code deadline first, with overdue ones flagged. */
export function Referrals({ session }: { session: Session }) {
  useTitle('Referrals');
  const [status, setStatus] = useState<ReferralStatus | ''>('RECEIVED');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [rows, setRows] = useState<ReferralInboxQuery['referrals']['edges']>();
  const [problem, setProblem] = useState('');
  useEffect(() => {
    // A slower answer for an earlier filter must not replace the one asked for last.
    let current = true;
    execute(Inbox, { filter: { status: status ? [status] : null, overdue: overdueOnly ? true : null } }, { office: session.office, token: session.accessToken })
      .then((d) => { if (current) { setRows(d.referrals.edges); setProblem(''); } }, (e) => current && setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.'));
    return () => { current = false; };
  }, [session, status, overdueOnly]);

  return (
    <>
      <h1 className="govuk-heading-l">Referrals</h1>
      <div className="moj-filter-layout">
        <div className="moj-filter-layout__filter">
          <div className="moj-filter">
            <div className="moj-filter__header"><div className="moj-filter__header-title"><h2 className="govuk-heading-m">Filter</h2></div></div>
            <div className="moj-filter__content">
              <div className="moj-filter__selected">
                <div className="moj-filter__selected-heading"><div className="moj-filter__heading-title"><h3 className="govuk-heading-s">Selected filters</h3></div></div>
                {!status && !overdueOnly ? <p className="govuk-body-s">None: every referral.</p> : (
                  <ul className="moj-filter-tags">
                    {status && <li><button type="button" className="moj-filter__tag" onClick={() => setStatus('')}><span className="govuk-visually-hidden">Remove this filter</span> {statuses.find((x) => x.value === status)?.label}</button></li>}
                    {overdueOnly && <li><button type="button" className="moj-filter__tag" onClick={() => setOverdueOnly(false)}><span className="govuk-visually-hidden">Remove this filter</span> Overdue</button></li>}
                  </ul>
                )}
              </div>
              <div className="moj-filter__options">
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-label--s" htmlFor="status-filter">Status</label>
                  <select className="govuk-select" id="status-filter" value={status} onChange={(e) => setStatus(e.target.value as ReferralStatus | '')}>
                    {statuses.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
                  </select>
                </div>
                <div className="govuk-checkboxes govuk-checkboxes--small">
                  <div className="govuk-checkboxes__item">
                    <input className="govuk-checkboxes__input" id="overdue-filter" type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor="overdue-filter">Only overdue</label>
                  </div>
                </div>
              </div>
            </div>
          </div>
        </div>
        <div className="moj-filter-layout__content">
      {problem && <ProblemBanner message={problem} />}
      {rows && (
        rows.length === 0 ? <p className="govuk-body">No referrals match.</p> : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">{rows.length} referrals, soonest deadline first</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">
              {['Reference', 'Type', 'Route', 'Received', 'Pre-check', 'Due by', 'Status'].map((h) => <th scope="col" className="govuk-table__header" key={h}>{h}</th>)}
            </tr></thead>
            <tbody className="govuk-table__body">
              {rows.flatMap((edge) => (edge?.node ? [edge.node] : [])).map((node) => (
                <tr className="govuk-table__row" key={node.id}>
                  <td className="govuk-table__cell"><Link className="govuk-link" to={`/${session.office}/referrals/${encodeURIComponent(node.id)}`}>{node.reference}</Link></td>
                  <td className="govuk-table__cell">{words(node.type)}</td>
                  <td className="govuk-table__cell">{words(node.route)}</td>
                  <td className="govuk-table__cell">{node.receivedOn}</td>
                  <td className="govuk-table__cell">{words(node.preCheck.overall)}</td>
                  <td className="govuk-table__cell">{node.victimsCodeDueBy} {node.overdue && <Tag colour="red">Overdue</Tag>}</td>
                  <td className="govuk-table__cell"><Tag colour={node.status === 'RECEIVED' ? 'blue' : 'grey'}>{words(node.status)}</Tag></td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}
        </div>
      </div>
    </>
  );
}
