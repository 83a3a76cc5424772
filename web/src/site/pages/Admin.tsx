import { type FormEvent, useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { AuditLogQuery, OfficeUsersQuery, PartnersQuery, PlatformTenantsQuery, TenantStatus } from '../../gql/graphql';
import { ApiProblem, errorsByField, execute, nodes, type UserError } from '../api';
import type { Session } from '../auth';
import { pounds } from '../format';
import { Checkboxes, ErrorSummary, type Errors, ProblemBanner, Radios, SuccessBanner, Tag, TextInput, words } from '../forms';
import { useTitle } from '../router';

const Users = graphql(`
  query OfficeUsers { users(first: 100) { edges { node { id email displayName active invitationAccepted roles partnerOrganisation { name } } } } }
`);
const Invite = graphql(`
  mutation InviteUser($input: InviteUserInput!) { inviteUser(input: $input) { invitationLink userErrors { code message field } } }
`);
const Reissue = graphql(`
  mutation ReissueInvitation($input: ReissueInvitationInput!) { reissueInvitation(input: $input) { invitationLink userErrors { code message field } } }
`);
const AssignRole = graphql(`
  mutation AssignRole($input: AssignRoleInput!) { assignRole(input: $input) { userErrors { code message field } } }
`);
const RemoveRole = graphql(`
  mutation RemoveRole($input: RemoveRoleInput!) { removeRole(input: $input) { userErrors { code message field } } }
`);
const Partners = graphql(`
  query Partners {
    partnerOrganisations(first: 100) { edges { node { id name kind } } }
    partnerClients(first: 100) { edges { node { id clientId displayName revokedAt partnerOrganisation { name } } } }
  }
`);
const RegisterOrganisation = graphql(`
  mutation RegisterPartnerOrganisation($input: RegisterPartnerOrganisationInput!) { registerPartnerOrganisation(input: $input) { userErrors { code message field } } }
`);
const RegisterClient = graphql(`
  mutation RegisterPartnerClient($input: RegisterPartnerClientInput!) { registerPartnerClient(input: $input) { clientSecret partnerClient { clientId } userErrors { code message field } } }
`);
const Audit = graphql(`
  query AuditLog($operation: String) { auditLog(first: 100, operation: $operation) { edges { node { id occurredAt actor actorKind operation outcome purpose } } } }
`);
const Tenants = graphql(`
  query PlatformTenants {
    tenants(first: 100) { edges { node { id identifier displayName officeType status createdAt } } }
    officeBilling(first: 100) { edges { node { office { id } plan { name } status revenue nextInvoiceAt } } }
  }
`);
const CreateTenant = graphql(`
  mutation CreateTenant($input: CreateTenantInput!) { createTenant(input: $input) { firstAdminInvitationLink userErrors { code message field } } }
`);
const ChangeStatus = graphql(`
  mutation ChangeTenantStatus($input: ChangeTenantStatusInput!) { changeTenantStatus(input: $input) { userErrors { code message field } } }
`);

/** The roles a tenant admin gives, as the API names them. */
export const officeRoles = ['tenant_admin', 'service_manager', 'coordinator', 'facilitator', 'commissioner', 'chief_executive', 'chief_finance_officer',
  'commissioner_in_office', 'analyst'] as const;

/** A page's data, reloaded after each change, and what went wrong in words fit to show. */
function usePageData<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T>();
  const [problem, setProblem] = useState('');
  const reload = () => load().then((d) => { setData(d); setProblem(''); }, (e) => setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.'));
  useEffect(() => { void reload(); }, deps);
  return { data, problem, setProblem, reload };
}

/** Runs a mutation; returns its userErrors by field, or nothing when it succeeded. */
async function run(mutation: () => Promise<{ userErrors: readonly UserError[] }>, fail: (message: string) => void): Promise<Errors | null> {
  try {
    const result = await mutation();
    return result.userErrors.length > 0 ? errorsByField(result.userErrors) : null;
  } catch (e) {
    fail(e instanceof ApiProblem ? e.message : 'Something went wrong.');
    return {};
  }
}

/** The office's people and their roles: invite someone, give or take away a role. */
export function UsersAdmin({ session }: { session: Session }) {
  useTitle('People and roles');
  const options = { office: session.office, token: session.accessToken };
  const { data, problem, setProblem, reload } = usePageData<OfficeUsersQuery>(() => execute(Users, {}, options), [session]);
  const [invite, setInvite] = useState({ email: '', displayName: '', roles: [] as string[] });
  const [errors, setErrors] = useState<Errors>({});
  const [link, setLink] = useState('');
  const [changed, setChanged] = useState('');

  async function onInvite(event: FormEvent) {
    event.preventDefault();
    setLink('');
    try {
      const result = (await execute(Invite, { input: invite }, options)).inviteUser;
      if (result.userErrors.length > 0) { setErrors(errorsByField(result.userErrors)); return; }
      setErrors({});
      setLink(result.invitationLink ?? '');
      setInvite({ email: '', displayName: '', roles: [] });
      await reload();
    } catch (e) {
      setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.');
    }
  }

  /** A new link for someone who has not chosen a password yet: the first expired, or the office was imported. */
  async function reissue(userId: string) {
    setLink('');
    let issued = '';
    const faults = await run(async () => {
      const result = (await execute(Reissue, { input: { userId } }, options)).reissueInvitation;
      issued = result.invitationLink ?? '';
      return result;
    }, setProblem);
    const [fault] = Object.values(faults ?? {});
    if (fault) setProblem(fault);
    else if (!faults) setLink(issued);
  }

  async function role(kind: 'give' | 'take', userId: string, name: string, roleName: string) {
    const faults = await run(async () => kind === 'give'
      ? (await execute(AssignRole, { input: { userId, role: roleName } }, options)).assignRole
      : (await execute(RemoveRole, { input: { userId, role: roleName } }, options)).removeRole, setProblem);
    if (faults) { setProblem(Object.values(faults)[0] ?? 'That could not be done.'); return; }
    setLink('');
    setChanged(`${words(roleName)} ${kind === 'give' ? 'given to' : 'taken from'} ${name}`);
    await reload();
  }

  return (
    <>
      <ErrorSummary errors={errors} order={['email', 'displayName', 'roles']} />
      {problem && <ProblemBanner message={problem} />}
      {link && <SuccessBanner title="Invitation made">
        <p className="govuk-body">Send this link to them; it is shown only now and works once: <code className="app-code">{link}</code></p>
      </SuccessBanner>}
      {changed && !link && <SuccessBanner title={changed} />}
      <h1 className="govuk-heading-l">People and roles</h1>
      {data && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">People in the office</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            {['Name', 'Roles', 'Status', 'Give a role'].map((h) => <th scope="col" className="govuk-table__header" key={h}>{h}</th>)}
          </tr></thead>
          <tbody className="govuk-table__body">
            {nodes(data.users).map((u) => (
              <tr className="govuk-table__row" key={u.id}>
                <th scope="row" className="govuk-table__header">{u.displayName}<br /><span className="govuk-body-s">{u.email}</span></th>
                <td className="govuk-table__cell">
                  <ul className="govuk-list govuk-!-margin-bottom-0">
                    {u.roles.map((r) => (
                      <li key={r}>{words(r)}{' '}
                        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1 govuk-!-padding-1"
                          onClick={() => role('take', u.id, u.displayName, r)}>Remove<span className="govuk-visually-hidden"> {words(r).toLowerCase()} from {u.displayName}</span></button>
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="govuk-table__cell">
                  {!u.active ? <Tag colour="grey">Deactivated</Tag> : u.invitationAccepted ? <Tag colour="green">Active</Tag> : <Tag colour="yellow">Invited</Tag>}
                  {u.active && !u.invitationAccepted && (
                    <><br /><button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-top-2 govuk-!-margin-bottom-0 govuk-!-padding-1"
                      onClick={() => reissue(u.id)}>New invitation link<span className="govuk-visually-hidden"> for {u.displayName}</span></button></>
                  )}
                </td>
                <td className="govuk-table__cell">
                  <label className="govuk-label govuk-visually-hidden" htmlFor={`give-${u.id}`}>Role to give {u.displayName}</label>
                  <select className="govuk-select" id={`give-${u.id}`} defaultValue="" onChange={(e) => { if (e.target.value) void role('give', u.id, u.displayName, e.target.value); e.target.value = ''; }}>
                    <option value="">Choose a role</option>
                    {officeRoles.filter((r) => !u.roles.includes(r)).map((r) => <option key={r} value={r}>{words(r)}</option>)}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="govuk-heading-m">Invite someone</h2>
      <form noValidate onSubmit={onInvite} className="govuk-!-width-two-thirds">
        <TextInput name="email" label="Email address" type="email" autoComplete="off" spellCheck={false} value={invite.email} onChange={(email) => setInvite({ ...invite, email })} error={errors.email} />
        <TextInput name="displayName" label="Full name" value={invite.displayName} onChange={(displayName) => setInvite({ ...invite, displayName })} error={errors.displayName} />
        <Checkboxes name="roles" legend="Roles" options={officeRoles.map((r) => ({ value: r, label: words(r) }))} values={invite.roles}
          onChange={(roles) => setInvite({ ...invite, roles })} error={errors.roles} />
        <button type="submit" className="govuk-button" data-module="govuk-button">Invite</button>
      </form>
    </>
  );
}

const kinds = ['POLICE', 'VICTIM_SUPPORT', 'PROBATION', 'YOUTH_OFFENDING', 'FIRE_SERVICE', 'PRISON', 'COMMUNITY_SAFETY_PARTNERSHIP', 'LOCAL_AUTHORITY', 'OTHER'] as const;

/** Partner organisations and the systems that refer for them. */
export function PartnersAdmin({ session }: { session: Session }) {
  useTitle('Partner organisations');
  const options = { office: session.office, token: session.accessToken };
  const { data, problem, setProblem, reload } = usePageData<PartnersQuery>(() => execute(Partners, {}, options), [session]);
  const [organisation, setOrganisation] = useState({ name: '', kind: '' });
  const [client, setClient] = useState({ partnerOrganisationId: '', displayName: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [secret, setSecret] = useState<{ clientId: string; secret: string }>();

  async function addOrganisation(event: FormEvent) {
    event.preventDefault();
    const faults = await run(async () => (await execute(RegisterOrganisation, { input: { name: organisation.name, kind: (organisation.kind || 'OTHER') as never } }, options)).registerPartnerOrganisation, setProblem);
    setErrors(faults ?? {});
    if (!faults) { setOrganisation({ name: '', kind: '' }); await reload(); }
  }

  async function addClient(event: FormEvent) {
    event.preventDefault();
    try {
      const result = (await execute(RegisterClient, { input: client }, options)).registerPartnerClient;
      if (result.userErrors.length > 0) { setErrors(errorsByField(result.userErrors)); return; }
      setErrors({});
      setSecret({ clientId: result.partnerClient!.clientId, secret: result.clientSecret! });
      await reload();
    } catch (e) {
      setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.');
    }
  }

  const organisations = data ? nodes(data.partnerOrganisations) : [];
  return (
    <>
      <ErrorSummary errors={errors} order={['name', 'kind', 'partnerOrganisationId', 'displayName']} />
      {problem && <ProblemBanner message={problem} />}
      {secret && <SuccessBanner title={`Client ${secret.clientId} registered`}>
        <p className="govuk-body">Give the partner this secret now; it is not shown again: <code className="app-code">{secret.secret}</code></p>
      </SuccessBanner>}
      <h1 className="govuk-heading-l">Partner organisations</h1>
      {data && (
        <>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Organisations</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row"><th scope="col" className="govuk-table__header">Name</th><th scope="col" className="govuk-table__header">Kind</th></tr></thead>
            <tbody className="govuk-table__body">
              {organisations.map((o) => <tr className="govuk-table__row" key={o.id}><th scope="row" className="govuk-table__header">{o.name}</th><td className="govuk-table__cell">{words(o.kind)}</td></tr>)}
            </tbody>
          </table>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Partner systems</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row">
              {['System', 'Client id', 'Organisation', 'Status'].map((h) => <th scope="col" className="govuk-table__header" key={h}>{h}</th>)}
            </tr></thead>
            <tbody className="govuk-table__body">
              {nodes(data.partnerClients).map((c) => (
                <tr className="govuk-table__row" key={c.id}>
                  <th scope="row" className="govuk-table__header">{c.displayName}</th><td className="govuk-table__cell"><code className="app-code">{c.clientId}</code></td>
                  <td className="govuk-table__cell">{c.partnerOrganisation.name}</td><td className="govuk-table__cell">{c.revokedAt ? <Tag colour="grey">Revoked</Tag> : <Tag colour="green">Active</Tag>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="govuk-grid-row">
        <form noValidate onSubmit={addOrganisation} className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">Add an organisation</h2>
          <TextInput name="name" label="Name" value={organisation.name} onChange={(name) => setOrganisation({ ...organisation, name })} error={errors.name} />
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="kind">Kind</label>
            <select className="govuk-select" id="kind" value={organisation.kind} onChange={(e) => setOrganisation({ ...organisation, kind: e.target.value })}>
              <option value="">Choose a kind</option>
              {kinds.map((k) => <option key={k} value={k}>{words(k)}</option>)}
            </select>
          </div>
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">Add organisation</button>
        </form>
        <form noValidate onSubmit={addClient} className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">Register a partner system</h2>
          <div className={`govuk-form-group${errors.partnerOrganisationId ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label" htmlFor="field-partnerOrganisationId">Organisation</label>
            <select className="govuk-select" id="field-partnerOrganisationId" value={client.partnerOrganisationId} onChange={(e) => setClient({ ...client, partnerOrganisationId: e.target.value })}>
              <option value="">Choose an organisation</option>
              {organisations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
          </div>
          <TextInput name="displayName" label="System name" hint="For example, Athena case system" value={client.displayName} onChange={(displayName) => setClient({ ...client, displayName })} error={errors.displayName} />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">Register system</button>
        </form>
      </div>
    </>
  );
}

/** Who did what, newest first: every change and every read of special category data. */
export function AuditAdmin({ session }: { session: Session }) {
  useTitle('Audit log');
  const [operation, setOperation] = useState('');
  const [asked, setAsked] = useState('');
  const { data, problem } = usePageData<AuditLogQuery>(() => execute(Audit, { operation: asked || null }, { office: session.office, token: session.accessToken }), [session, asked]);
  return (
    <>
      <h1 className="govuk-heading-l">Audit log</h1>
      {problem && <ProblemBanner message={problem} />}
      <form noValidate onSubmit={(e) => { e.preventDefault(); setAsked(operation.trim()); }}>
        <TextInput name="operation" label="Operation" hint="For example, assignRole or a query's name; leave empty for everything" value={operation} onChange={setOperation} width="20" />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">Filter</button>
      </form>
      {data && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Latest entries</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            {['When', 'Who', 'Operation', 'Outcome', 'Purpose'].map((h) => <th scope="col" className="govuk-table__header" key={h}>{h}</th>)}
          </tr></thead>
          <tbody className="govuk-table__body">
            {nodes(data.auditLog).map((a) => (
              <tr className="govuk-table__row" key={a.id}>
                <td className="govuk-table__cell">{new Date(a.occurredAt).toLocaleString('en-GB')}</td>
                <td className="govuk-table__cell">{a.actor ?? words(a.actorKind)}</td>
                <td className="govuk-table__cell">{a.operation}</td>
                <td className="govuk-table__cell">{words(a.outcome)}</td>
                <td className="govuk-table__cell">{a.purpose ? words(a.purpose) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

const statusColour: Record<TenantStatus, 'green' | 'yellow' | 'red'> = { ACTIVE: 'green', READ_ONLY: 'yellow', SUSPENDED: 'red' };

/** The platform operators' view: every office with its status and billing, a new office, and status changes. */
export function TenantsAdmin({ session }: { session: Session }) {
  useTitle('Offices');
  const options = { office: session.office, token: session.accessToken };
  const { data, problem, setProblem, reload } = usePageData<PlatformTenantsQuery>(() => execute(Tenants, {}, options), [session]);
  const [office, setOffice] = useState({ identifier: '', displayName: '', officeType: '', email: '', name: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [link, setLink] = useState('');
  const [changed, setChanged] = useState('');

  async function create(event: FormEvent) {
    event.preventDefault();
    try {
      const result = (await execute(CreateTenant, { input: {
        identifier: office.identifier, displayName: office.displayName, officeType: (office.officeType || 'PCC') as never,
        firstAdmin: { email: office.email, displayName: office.name },
      } }, options)).createTenant;
      if (result.userErrors.length > 0) { setErrors(errorsByField(result.userErrors)); return; }
      setErrors({});
      setLink(result.firstAdminInvitationLink ?? '');
      await reload();
    } catch (e) {
      setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.');
    }
  }

  async function status(tenantId: string, name: string, to: string) {
    const faults = await run(async () => (await execute(ChangeStatus, { input: { tenantId, status: to as TenantStatus } }, options)).changeTenantStatus, setProblem);
    if (faults) { setProblem(Object.values(faults)[0] ?? 'That could not be done.'); return; }
    setLink('');
    setChanged(`${name} is now ${words(to).toLowerCase()}`);
    await reload();
  }

  const billing = new Map(data ? nodes(data.officeBilling).map((b) => [b.office.id, b]) : []);
  return (
    <>
      <ErrorSummary errors={errors} order={['identifier', 'displayName', 'officeType', 'email', 'firstAdmin.email', 'firstAdmin.displayName']} />
      {problem && <ProblemBanner message={problem} />}
      {link && <SuccessBanner title="Office created"><p className="govuk-body">Send its first tenant admin this invitation link (shown only now): <code className="app-code">{link}</code></p></SuccessBanner>}
      {changed && !link && <SuccessBanner title={changed} />}
      <h1 className="govuk-heading-l">Offices</h1>
      {data && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Every office</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            {['Office', 'Status', 'Plan', 'Billing', 'Revenue', 'Change status'].map((h) => <th scope="col" className="govuk-table__header" key={h}>{h}</th>)}
          </tr></thead>
          <tbody className="govuk-table__body">
            {nodes(data.tenants).map((t) => {
              const b = billing.get(t.id);
              return (
                <tr className="govuk-table__row" key={t.id}>
                  <th scope="row" className="govuk-table__header">{t.displayName}<br /><span className="govuk-body-s">{t.identifier} · {t.officeType}</span></th>
                  <td className="govuk-table__cell"><Tag colour={statusColour[t.status]}>{words(t.status)}</Tag></td>
                  <td className="govuk-table__cell">{b?.plan?.name ?? 'None'}</td>
                  <td className="govuk-table__cell">{b ? words(b.status) : ''}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{b ? pounds(b.revenue) : ''}</td>
                  <td className="govuk-table__cell">
                    <label className="govuk-label govuk-visually-hidden" htmlFor={`status-${t.id}`}>New status for {t.displayName}</label>
                    <select className="govuk-select" id={`status-${t.id}`} defaultValue="" onChange={(e) => { if (e.target.value) void status(t.id, t.displayName, e.target.value); e.target.value = ''; }}>
                      <option value="">Choose</option>
                      {(['ACTIVE', 'READ_ONLY', 'SUSPENDED'] as const).filter((s) => s !== t.status).map((s) => <option key={s} value={s}>{words(s)}</option>)}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <h2 className="govuk-heading-m">Add an office</h2>
      <form noValidate onSubmit={create} className="govuk-!-width-two-thirds">
        <TextInput name="identifier" label="Short name" hint="Lower-case letters, digits and hyphens; it becomes the office's address, e.g. kent" value={office.identifier}
          onChange={(identifier) => setOffice({ ...office, identifier })} error={errors.identifier} width="20" />
        <TextInput name="displayName" label="Office name" hint="For example, Kent Police and Crime Commissioner" value={office.displayName} onChange={(displayName) => setOffice({ ...office, displayName })} error={errors.displayName} />
        <Radios name="officeType" legend="Kind of office" value={office.officeType} onChange={(officeType) => setOffice({ ...office, officeType })} error={errors.officeType}
          options={[{ value: 'PCC', label: 'Police and Crime Commissioner' }, { value: 'PFCC', label: 'Police, Fire and Crime Commissioner' }]} />
        <TextInput name="firstAdmin.email" label="First tenant admin's email address" type="email" spellCheck={false} value={office.email} onChange={(email) => setOffice({ ...office, email })} error={errors['firstAdmin.email']} />
        <TextInput name="firstAdmin.displayName" label="First tenant admin's full name" value={office.name} onChange={(name) => setOffice({ ...office, name })} error={errors['firstAdmin.displayName']} />
        <button type="submit" className="govuk-button" data-module="govuk-button">Add office</button>
      </form>
    </>
  );
}
