import { useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { PoolQuery } from '../../gql/graphql';
import { ApiProblem, execute } from '../api';
import type { Session } from '../auth';
import { ProblemBanner, Tag, words } from '../forms';
import { useTitle } from '../router';
import { SortHeader, sortRows, useSort } from '../tables';

const Pool = graphql(`
  query Pool($expiring: Int) {
    practitioners(first: 100, vettingExpiringWithinDays: $expiring) {
      edges { node { id name kind status areas skills allocatable { allocatable reasons } vettingChecks { kind expiresOn } } }
    }
  }
`);

/** The manager's view of the pool, with who can take cases and whose checks run out soon. */
export function Practitioners({ session }: { session: Session }) {
  useTitle('Practitioners');
  const [expiring, setExpiring] = useState(false);
  const [rows, setRows] = useState<PoolQuery['practitioners']['edges']>();
  const [problem, setProblem] = useState('');
  const [sort, onSort] = useSort<'name' | 'kind' | 'expires' | 'allocatable'>('name');
  useEffect(() => {
    // A slower answer for an earlier filter must not replace the one asked for last.
    let current = true;
    execute(Pool, { expiring: expiring ? 60 : null }, { office: session.office, token: session.accessToken })
      .then((d) => current && setRows(d.practitioners.edges), (e) => current && setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.'));
    return () => { current = false; };
  }, [session, expiring]);
  return (
    <>
      <h1 className="govuk-heading-l">Practitioners</h1>
      <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-6">
        <div className="govuk-checkboxes__item">
          <input className="govuk-checkboxes__input" id="expiring-filter" type="checkbox" checked={expiring} onChange={(e) => setExpiring(e.target.checked)} />
          <label className="govuk-label govuk-checkboxes__label" htmlFor="expiring-filter">Only those with a check expiring within 60 days</label>
        </div>
      </div>
      {problem && <ProblemBanner message={problem} />}
      {rows && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">{rows.length} practitioners</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            <SortHeader column="name" label="Name" sort={sort} onSort={onSort} />
            <SortHeader column="kind" label="Kind" sort={sort} onSort={onSort} />
            <th scope="col" className="govuk-table__header">Areas</th>
            <th scope="col" className="govuk-table__header">Skills</th>
            <SortHeader column="expires" label="Checks expire" sort={sort} onSort={onSort} />
            <SortHeader column="allocatable" label="Can take cases" sort={sort} onSort={onSort} />
          </tr></thead>
          <tbody className="govuk-table__body">
            {sortRows(rows.flatMap((edge) => (edge?.node ? [edge.node] : [])), sort, (node, column) =>
              column === 'name' ? node.name : column === 'kind' ? node.kind : column === 'allocatable' ? (node.allocatable.allocatable ? 'Yes' : 'No')
                : [...node.vettingChecks.map((c) => c.expiresOn)].sort()[0] ?? null).map((node) => (
              <tr className="govuk-table__row" key={node.id}>
                <td className="govuk-table__cell">{node.name}</td>
                <td className="govuk-table__cell">{words(node.kind)}</td>
                <td className="govuk-table__cell">{node.areas.join(', ')}</td>
                <td className="govuk-table__cell">{node.skills.join(', ')}</td>
                <td className="govuk-table__cell">{node.vettingChecks.map((c) => `${words(c.kind)} ${c.expiresOn}`).join('; ')}</td>
                <td className="govuk-table__cell">{node.allocatable.allocatable ? <Tag colour="green">Yes</Tag> : <Tag colour="red">No</Tag>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
