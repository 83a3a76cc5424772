import { type ReactNode, useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { MyRecordQuery } from '../../gql/graphql';
import { ApiProblem, execute } from '../api';
import type { Session } from '../auth';
import { pounds } from '../format';
import { ProblemBanner, Tag, words } from '../forms';
import { Link, useTitle } from '../router';

// The practitioner's own record only: the API never returns anyone else's here.
const Mine = graphql(`
  query MyRecord {
    myPractitionerRecord {
      name status areas
      allocatable { allocatable reasons }
      vettingChecks { kind issuedOn expiresOn }
      training { course startsOn endsOn completedOn }
      hours { from to total byActivity { activity hours } entries { workedOn activity hours } }
      expenseClaims { id status total submittedAt rejectionReason }
      supervisions { kind format heldOn }
    }
  }
`);


function Table({ caption, head, rows }: { caption: string; head: string[]; rows: ReactNode[][] }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head"><tr className="govuk-table__row">{head.map((h) => <th scope="col" className="govuk-table__header" key={h}>{h}</th>)}</tr></thead>
      <tbody className="govuk-table__body">
        {rows.length === 0
          ? <tr className="govuk-table__row"><td className="govuk-table__cell" colSpan={head.length}>None yet.</td></tr>
          : rows.map((row, i) => <tr className="govuk-table__row" key={i}>{row.map((cell, j) => <td className="govuk-table__cell" key={j}>{cell}</td>)}</tr>)}
      </tbody>
    </table>
  );
}

/** A facilitator's own record: whether they can take cases, their checks, training, hours, claims and supervision. */
export function MyRecord({ session }: { session: Session }) {
  useTitle('My record');
  const [record, setRecord] = useState<MyRecordQuery['myPractitionerRecord']>();
  const [loaded, setLoaded] = useState(false);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    execute(Mine, {}, { office: session.office, token: session.accessToken })
      .then((d) => { setRecord(d.myPractitionerRecord); setLoaded(true); }, (e) => setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.'));
  }, [session]);
  if (problem) return <ProblemBanner message={problem} />;
  if (!loaded) return <p className="govuk-body">Loading…</p>;
  if (!record) return (
    <>
      <h1 className="govuk-heading-l">My record</h1>
      <p className="govuk-body">Your account is not linked to a practitioner record yet. Ask your coordinator to link it.</p>
    </>
  );
  return (
    <>
      <h1 className="govuk-heading-l">My record</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Name</dt><dd className="govuk-summary-list__value">{record.name}</dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Status</dt><dd className="govuk-summary-list__value">{words(record.status)}</dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Areas</dt><dd className="govuk-summary-list__value">{record.areas.join(', ')}</dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Can take cases</dt>
          <dd className="govuk-summary-list__value">
            {record.allocatable.allocatable ? <Tag colour="green">Yes</Tag> : <><Tag colour="red">No</Tag><ul className="govuk-list govuk-list--bullet">{record.allocatable.reasons.map((r) => <li key={r}>{r}</li>)}</ul></>}
          </dd></div>
      </dl>
      <div className="govuk-button-group">
        <Link to={`/${session.office}/me/hours`} className="govuk-button" data-module="govuk-button">Record hours</Link>
        <Link to={`/${session.office}/me/claim`} className="govuk-button govuk-button--secondary" data-module="govuk-button">Claim expenses</Link>
      </div>
      <Table caption="Vetting" head={['Check', 'Issued', 'Expires']} rows={record.vettingChecks.map((c) => [words(c.kind), c.issuedOn, c.expiresOn])} />
      <Table caption="Training" head={['Course', 'Dates', 'Completed']} rows={record.training.map((t) => [t.course, `${t.startsOn} to ${t.endsOn}`, t.completedOn ?? 'Not yet'])} />
      <Table caption={`Hours, ${record.hours.from} to ${record.hours.to}: ${record.hours.total} in total`} head={['Day', 'Activity', 'Hours']}
        rows={record.hours.entries.map((e) => [e.workedOn, words(e.activity), e.hours])} />
      <Table caption="Expense claims" head={['Submitted', 'Total', 'Status']}
        rows={record.expenseClaims.map((c) => [c.submittedAt.slice(0, 10), pounds(c.total), <>{words(c.status)}{c.rejectionReason ? `: ${c.rejectionReason}` : ''}</>])} />
      <Table caption="Supervision" head={['Date', 'Kind', 'Format']} rows={record.supervisions.map((s) => [s.heldOn, words(s.kind), words(s.format)])} />
    </>
  );
}
