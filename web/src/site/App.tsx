import { useEffect, useState, useSyncExternalStore } from 'react';
import { graphql } from '../gql';
import { execute } from './api';
import { completeSignIn, currentSession, onSessionChange, type Session, signIn, signOut } from './auth';
import { Footer } from './Footer';
import { ProblemBanner } from './forms';
import { Header, type NavItem } from './Header';
import { AuditAdmin, PartnersAdmin, TenantsAdmin, UsersAdmin } from './pages/Admin';
import { Budgets } from './pages/Budgets';
import { CaseDetail, Cases, FacilitatorCases } from './pages/Cases';
import { ClaimExpenses } from './pages/ClaimExpenses';
import { Claims } from './pages/Claims';
import { Contracts } from './pages/Contracts';
import { CriteriaEditor } from './pages/Criteria';
import { DecisionDetail, DecisionNew, Decisions } from './pages/Decisions';
import { Evaluation } from './pages/Evaluation';
import { Feedback } from './pages/Feedback';
import { LogHours } from './pages/LogHours';
import { MyRecord } from './pages/MyRecord';
import { Practitioners } from './pages/Practitioners';
import { Referrals } from './pages/Referrals';
import { Screening } from './pages/Screening';
import { SelfReferral, SelfReferralDone } from './pages/SelfReferral';
import { Training } from './pages/Training';
import { Transparency } from './pages/Transparency';
import { PhaseBanner } from './PhaseBanner';
import { Link, match, navigate, usePath, useTitle } from './router';
import { serviceName } from './service';

const OfficeName = graphql(`
  query OfficeName($identifier: String!) {
    tenant(identifier: $identifier) { displayName }
  }
`);

const money = ['commissioner', 'chief_finance_officer', 'chief_executive', 'commissioner_in_office', 'service_manager'];
const practitioners = ['facilitator', 'coordinator', 'service_manager'];

const staffPages: { path: string; label: string; roles: string[]; nav?: boolean }[] = [
  { path: 'referrals', label: 'Referrals', roles: ['coordinator', 'service_manager'] },
  { path: 'cases', label: 'Cases', roles: ['coordinator', 'service_manager'] },
  { path: 'practitioners', label: 'Practitioners', roles: ['coordinator', 'service_manager'] },
  { path: 'claims', label: 'Expense claims', roles: ['coordinator', 'service_manager'] },
  { path: 'training', label: 'Training', roles: ['coordinator', 'service_manager'] },
  { path: 'budgets', label: 'Budgets', roles: money },
  { path: 'decisions', label: 'Decision reports', roles: money },
  { path: 'contracts', label: 'Contracts', roles: money },
  { path: 'decisions/new', label: 'Draft a decision report', roles: ['commissioner', 'service_manager'], nav: false },
  { path: 'evaluation', label: 'Evaluation', roles: ['analyst', 'coordinator', 'service_manager', 'commissioner'] },
  { path: 'admin/users', label: 'People', roles: ['tenant_admin'] },
  { path: 'admin/partners', label: 'Partners', roles: ['tenant_admin'] },
  { path: 'admin/audit', label: 'Audit log', roles: ['tenant_admin'] },
  { path: 'admin/criteria', label: 'Referral criteria', roles: ['tenant_admin'] },
  { path: 'offices', label: 'Offices', roles: ['platform_operator'] },
  { path: 'me/cases', label: 'My cases', roles: ['facilitator'] },
  { path: 'me', label: 'My record', roles: practitioners },
  { path: 'me/hours', label: 'Record hours', roles: practitioners, nav: false },
  { path: 'me/claim', label: 'Claim expenses', roles: practitioners, nav: false },
];

function useSession(): Session | null {
  return useSyncExternalStore(onSessionChange, currentSession);
}

/** The office's display name from the public registry; the identifier until it arrives (or if unknown). */
function useOfficeName(office: string | undefined): { name: string; known: boolean | undefined } {
  const [state, setState] = useState<{ name: string; known: boolean | undefined }>({ name: office ?? '', known: undefined });
  useEffect(() => {
    if (!office) return;
    execute(OfficeName, { identifier: office }, { office }).then(
      (d) => setState({ name: d.tenant?.displayName ?? office, known: d.tenant !== null }),
      () => setState({ name: office, known: false }),
    );
  }, [office]);
  return state;
}

export function App() {
  const path = usePath();
  const session = useSession();
  const office = path === '/' || path.startsWith('/signed-in') ? session?.office : path.split('/')[1];
  const { name: officeName, known } = useOfficeName(office);
  const nav: NavItem[] = office
    ? [
        ...(session?.office === office ? staffPages.filter((p) => p.nav !== false && p.roles.some((r) => session.roles.includes(r))) : []).map((p) => ({ href: `/${office}/${p.path}`, label: p.label })),
        { href: `/${office}/refer`, label: 'Ask for restorative justice' },
        { href: `/${office}/transparency`, label: 'Transparency' },
      ]
    : [];

  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
      <Header office={office} officeName={officeName} nav={nav} current={path.split('?')[0] ?? '/'} session={session?.office === office ? session : null}
        onSignOut={() => office && signOut(office)} />
      <PhaseBanner />
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content">
          <Page path={path} session={session} office={office} officeName={officeName} known={known} />
        </main>
      </div>
      <Footer />
    </>
  );
}

function Page({ path, session, office, officeName, known }: { path: string; session: Session | null; office?: string; officeName: string; known?: boolean }) {
  if (path.startsWith('/signed-in')) return <SignedIn />;
  if (path === '/' || !office) return <Home />;
  if (known === false) return <NotFound />;
  if (match('/:office/refer', path)) return <SelfReferral office={office} officeName={officeName} />;
  if (match('/:office/refer/done', path)) return <SelfReferralDone reference={new URLSearchParams(path.split('?')[1]).get('reference') ?? ''} />;
  if (match('/:office/transparency', path)) return <Transparency office={office} officeName={officeName} />;
  const feedback = match('/:office/feedback/:link', path);
  if (feedback) return <Feedback office={office} officeName={officeName} link={feedback.link!} />;
  const casePage = match('/:office/cases/:id', path);
  if (casePage) {
    if (!session || session.office !== office) return <SignInNeeded office={office} returnTo={path} />;
    return <CaseDetail session={session} id={casePage.id!} />;
  }
  const decision = match('/:office/decisions/:id', path);
  if (decision && decision.id !== 'new') {
    if (!session || session.office !== office) return <SignInNeeded office={office} returnTo={path} />;
    return <DecisionDetail session={session} id={decision.id!} />;
  }
  const referral = match('/:office/referrals/:id', path);
  if (referral) {
    if (!session || session.office !== office) return <SignInNeeded office={office} returnTo={path} />;
    return <Screening session={session} id={referral.id!} />;
  }
  const staff = staffPages.find((p) => match(`/:office/${p.path}`, path));
  if (staff) {
    if (!session || session.office !== office) return <SignInNeeded office={office} returnTo={path} />;
    if (!staff.roles.some((r) => session.roles.includes(r))) return <ProblemBanner message="Your role does not allow this page." />;
    if (staff.path === 'referrals') return <Referrals session={session} />;
    if (staff.path === 'practitioners') return <Practitioners session={session} />;
    if (staff.path === 'claims') return <Claims session={session} />;
    if (staff.path === 'training') return <Training session={session} />;
    if (staff.path === 'cases') return <Cases session={session} />;
    if (staff.path === 'budgets') return <Budgets session={session} />;
    if (staff.path === 'evaluation') return <Evaluation session={session} />;
    if (staff.path === 'decisions') return <Decisions session={session} />;
    if (staff.path === 'contracts') return <Contracts session={session} />;
    if (staff.path === 'admin/users') return <UsersAdmin session={session} />;
    if (staff.path === 'admin/partners') return <PartnersAdmin session={session} />;
    if (staff.path === 'admin/audit') return <AuditAdmin session={session} />;
    if (staff.path === 'admin/criteria') return <CriteriaEditor session={session} />;
    if (staff.path === 'offices') return <TenantsAdmin session={session} />;
    if (staff.path === 'decisions/new') return <DecisionNew session={session} />;
    if (staff.path === 'me/cases') return <FacilitatorCases session={session} />;
    if (staff.path === 'me/hours') return <LogHours session={session} />;
    if (staff.path === 'me/claim') return <ClaimExpenses session={session} />;
    return <MyRecord session={session} />;
  }
  if (match('/:office', path)) return <OfficeHome office={office} officeName={officeName} session={session} />;
  return <NotFound />;
}

function Home() {
  useTitle('Home');
  const [office, setOffice] = useState('');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{serviceName}</h1>
        <p className="govuk-body-l">Restorative justice and victim services for Police and Crime Commissioners' offices.</p>
        <form noValidate onSubmit={(e) => { e.preventDefault(); if (office.trim()) navigate(`/${encodeURIComponent(office.trim().toLowerCase())}`); }}>
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--m" htmlFor="office">Your office</label>
            <div className="govuk-hint" id="office-hint">The short name in your office's link, for example essex</div>
            <input className="govuk-input govuk-input--width-20" id="office" aria-describedby="office-hint" value={office} onChange={(e) => setOffice(e.target.value)} spellCheck={false} />
          </div>
          <button type="submit" className="govuk-button" data-module="govuk-button">Continue</button>
        </form>
      </div>
    </div>
  );
}

function OfficeHome({ office, officeName, session }: { office: string; officeName: string; session: Session | null }) {
  useTitle(officeName);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{officeName}</h1>
        <h2 className="govuk-heading-m">If you were affected by a crime or conflict</h2>
        <p className="govuk-body"><Link className="govuk-link" to={`/${office}/refer`}>Ask for restorative justice</Link> — no account needed.</p>
        <h2 className="govuk-heading-m">Staff and volunteers</h2>
        {session?.office === office
          ? <p className="govuk-body">You are signed in as {session.name}. Choose a page above.</p>
          : <button type="button" className="govuk-button" data-module="govuk-button" onClick={() => void signIn(office, `/${office}`)}>Sign in</button>}
        <p className="govuk-body"><Link className="govuk-link" to={`/${office}/transparency`}>Decisions, spending and contracts we publish</Link></p>
      </div>
    </div>
  );
}

function SignInNeeded({ office, returnTo }: { office: string; returnTo: string }) {
  useTitle('Sign in');
  return (
    <>
      <h1 className="govuk-heading-l">Sign in to continue</h1>
      <button type="button" className="govuk-button" data-module="govuk-button" onClick={() => void signIn(office, returnTo)}>Sign in</button>
    </>
  );
}

function SignedIn() {
  useTitle('Signing in');
  const [problem, setProblem] = useState('');
  useEffect(() => {
    completeSignIn(window.location.search).then((to) => navigate(to, { replace: true }), (e: Error) => setProblem(e.message));
  }, []);
  return problem ? <ProblemBanner message={problem} /> : <p className="govuk-body">Signing you in…</p>;
}

function NotFound() {
  useTitle('Page not found');
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
    </>
  );
}
