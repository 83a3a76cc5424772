import { type FormEvent, useEffect, useState } from 'react';
import { graphql } from '../../gql';
import { ApiProblem, execute, nodes } from '../api';
import type { Session } from '../auth';
import { longDate } from '../format';
import { ErrorSummary, type Errors, ProblemBanner, SuccessBanner, TextInput, words } from '../forms';
import { useTitle } from '../router';

const Versions = graphql(`
  query ReferralPolicies { referralPolicies(first: 20) { edges { node { id version name effectiveFrom document } } } }
`);

const Publish = graphql(`
  mutation PublishReferralPolicy($input: PublishReferralPolicyInput!) {
    publishReferralPolicy(input: $input) { policy { version effectiveFrom } userErrors { code message field } }
  }
`);

// The criteria document as the API stores it (camelCase, enums by camelCase name). Parts the editor does not show
// (eligibility wording, timing, consent, triage) are kept exactly as they were.
export type TypeRules = { type: string; accepted: boolean; routes: string[]; [rest: string]: unknown };
export type Exclusion = { concern: string; action: string; reason: string; [rest: string]: unknown };
export type Remedy = { code: string; label: string; isRestorative: boolean; areas?: string[] };
export type Criteria = { name: string; effectiveFrom: string; source?: string; types: TypeRules[]; exclusions: Exclusion[]; remedyMenu: Remedy[]; [rest: string]: unknown };

export const routes = ['partner', 'communityResolution', 'selfReferral', 'staff'] as const;
export const concerns = ['domesticAbuse', 'sexualOffence', 'seriousOrComplex', 'youngPerson', 'fireRelated', 'courtCaseInProgress', 'schoolsWork', 'familyGroupConferencing'] as const;
const actions = ['reject', 'redirect', 'acceptWithSpecialists', 'coordinatorJudgement'] as const;
const agencies = ['police', 'victimSupport', 'probation', 'youthOffending', 'fireService', 'prison', 'communitySafetyPartnership', 'localAuthority', 'other'] as const;

/** "selfReferral" as "Self referral". */
export const label = (camel: string) => words(camel.replace(/([A-Z])/g, '_$1'));

/** Turns a route on or off for one type; accepting a type with no route is left for the API to refuse, with its reason. */
export function toggleRoute(criteria: Criteria, type: string, route: string): Criteria {
  return { ...criteria, types: criteria.types.map((t) => t.type !== type ? t : { ...t, routes: t.routes.includes(route) ? t.routes.filter((r) => r !== route) : [...t.routes, route] }) };
}

/** Sets a concern's rule, or removes it ('' for none), keeping any other detail of a rule that stays. */
export function setExclusion(criteria: Criteria, concern: string, action: string, reason?: string): Criteria {
  const existing = criteria.exclusions.find((e) => e.concern === concern);
  const others = criteria.exclusions.filter((e) => e.concern !== concern);
  if (!action) return { ...criteria, exclusions: others };
  return { ...criteria, exclusions: [...others, { ...existing, concern, action, reason: reason ?? existing?.reason ?? '' }] };
}

/** The office's referral criteria: who it takes and how, what it excludes, its Community Remedy menu; each change is a new version from a date. */
export function CriteriaEditor({ session }: { session: Session }) {
  useTitle('Referral criteria');
  const options = { office: session.office, token: session.accessToken };
  const [criteria, setCriteria] = useState<Criteria>();
  const [versions, setVersions] = useState<{ version: number; name: string; effectiveFrom: string }[]>([]);
  const [effectiveFrom, setEffectiveFrom] = useState(new Date().toISOString().slice(0, 10));
  const [remedy, setRemedy] = useState({ label: '', restorative: false });
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState('');
  const [published, setPublished] = useState('');

  const load = () => execute(Versions, {}, options).then((d) => {
    const all = nodes(d.referralPolicies);
    setVersions(all.map((v) => ({ version: v.version, name: v.name, effectiveFrom: v.effectiveFrom })));
    if (all[0]) setCriteria(JSON.parse(all[0].document) as Criteria);
  }, (e) => setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.'));
  useEffect(() => { void load(); }, [session]);

  async function publish(event: FormEvent) {
    event.preventDefault();
    if (!criteria) return;
    try {
      const result = (await execute(Publish, { input: { effectiveFrom, document: JSON.stringify({ ...criteria, effectiveFrom }) } }, options)).publishReferralPolicy;
      if (result.userErrors.length > 0) {
        setErrors(Object.fromEntries(result.userErrors.map((e) => [e.field.includes('effectiveFrom') ? 'effectiveFrom' : e.field.filter((f) => f !== 'input').join('.') || '_', e.message])));
        return;
      }
      setErrors({});
      setPublished(`Version ${result.policy!.version} takes effect on ${longDate(result.policy!.effectiveFrom)}`);
      await load();
    } catch (e) {
      setProblem(e instanceof ApiProblem ? e.message : 'Something went wrong.');
    }
  }

  if (problem) return <ProblemBanner message={problem} />;
  if (!criteria) return <p className="govuk-body">Loading…</p>;
  return (
    <>
      <ErrorSummary errors={errors} order={['effectiveFrom', 'document.name']} />
      {published && <SuccessBanner title={published} />}
      <h1 className="govuk-heading-l">Referral criteria</h1>
      <p className="govuk-body">Referrals are judged by the criteria in force on the day they arrive. Changes here become a new version from the date you choose; earlier referrals keep the version they were judged by.</p>
      <details className="govuk-details">
        <summary className="govuk-details__summary"><span className="govuk-details__summary-text">Versions ({versions.length})</span></summary>
        <div className="govuk-details__text"><ul className="govuk-list">{versions.map((v) => <li key={v.version}>Version {v.version}: {v.name}, from {v.effectiveFrom}</li>)}</ul></div>
      </details>
      <form noValidate onSubmit={publish}>
        <TextInput name="document.name" label="Name of this version" value={criteria.name} onChange={(name) => setCriteria({ ...criteria, name })} error={errors['document.name']} />
        <TextInput name="effectiveFrom" label="Takes effect on" hint="Today or later" type="date" width="10" value={effectiveFrom} onChange={setEffectiveFrom} error={errors.effectiveFrom} />

        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Referral types and routes</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Type</th><th scope="col" className="govuk-table__header">Accepted</th>
            {routes.map((r) => <th scope="col" className="govuk-table__header" key={r}>{label(r)}</th>)}
          </tr></thead>
          <tbody className="govuk-table__body">
            {criteria.types.map((t, i) => (
              <tr className="govuk-table__row" key={t.type}>
                <th scope="row" className="govuk-table__header">{label(t.type)}{errors[`document.types.${i}.routes`] && <p className="govuk-error-message">{errors[`document.types.${i}.routes`]}</p>}</th>
                <td className="govuk-table__cell">
                  <div className="govuk-checkboxes govuk-checkboxes--small"><div className="govuk-checkboxes__item">
                    <input className="govuk-checkboxes__input" type="checkbox" id={`accepted-${t.type}`} checked={t.accepted}
                      onChange={() => setCriteria({ ...criteria, types: criteria.types.map((x) => x.type === t.type ? { ...x, accepted: !x.accepted } : x) })} />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor={`accepted-${t.type}`}><span className="govuk-visually-hidden">Accept {label(t.type).toLowerCase()}</span></label>
                  </div></div>
                </td>
                {routes.map((r) => (
                  <td className="govuk-table__cell" key={r}>
                    <div className="govuk-checkboxes govuk-checkboxes--small"><div className="govuk-checkboxes__item">
                      <input className="govuk-checkboxes__input" type="checkbox" id={`route-${t.type}-${r}`} checked={t.routes.includes(r)} disabled={!t.accepted}
                        onChange={() => setCriteria(toggleRoute(criteria, t.type, r))} />
                      <label className="govuk-label govuk-checkboxes__label" htmlFor={`route-${t.type}-${r}`}><span className="govuk-visually-hidden">{label(t.type)} from {label(r).toLowerCase()}</span></label>
                    </div></div>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>

        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Exclusions</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">When the referral involves</th><th scope="col" className="govuk-table__header">The office</th><th scope="col" className="govuk-table__header">Because</th>
          </tr></thead>
          <tbody className="govuk-table__body">
            {concerns.map((c) => {
              const rule = criteria.exclusions.find((e) => e.concern === c);
              return (
                <tr className="govuk-table__row" key={c}>
                  <th scope="row" className="govuk-table__header">{label(c)}</th>
                  <td className="govuk-table__cell">
                    <label className="govuk-label govuk-visually-hidden" htmlFor={`exclusion-${c}`}>What happens with {label(c).toLowerCase()}</label>
                    <select className="govuk-select" id={`exclusion-${c}`} value={rule?.action ?? ''} onChange={(e) => setCriteria(setExclusion(criteria, c, e.target.value))}>
                      <option value="">Takes it as any other</option>
                      {actions.map((a) => <option key={a} value={a}>{label(a)}</option>)}
                    </select>
                  </td>
                  <td className="govuk-table__cell">
                    {rule && <>
                      <label className="govuk-label govuk-visually-hidden" htmlFor={`reason-${c}`}>Why, for {label(c).toLowerCase()}</label>
                      <input className="govuk-input" id={`reason-${c}`} value={rule.reason} onChange={(e) => setCriteria(setExclusion(criteria, c, rule.action, e.target.value))} />
                    </>}
                    {rule?.action === 'redirect' && <>
                      <label className="govuk-label govuk-!-margin-top-2" htmlFor={`redirect-${c}`}>Redirect {label(c).toLowerCase()} to</label>
                      <select className="govuk-select" id={`redirect-${c}`} value={(rule.redirectTo as string | undefined) ?? ''}
                        onChange={(e) => setCriteria({ ...criteria, exclusions: criteria.exclusions.map((x) => x.concern === c ? { ...x, redirectTo: e.target.value || undefined } : x) })}>
                        <option value="">Choose an agency</option>
                        {agencies.map((a) => <option key={a} value={a}>{label(a)}</option>)}
                      </select>
                    </>}
                    {rule?.action === 'acceptWithSpecialists' && <>
                      <label className="govuk-label govuk-!-margin-top-2" htmlFor={`specialism-${c}`}>Specialists needed for {label(c).toLowerCase()}</label>
                      <input className="govuk-input" id={`specialism-${c}`} value={(rule.specialism as string | undefined) ?? ''}
                        onChange={(e) => setCriteria({ ...criteria, exclusions: criteria.exclusions.map((x) => x.concern === c ? { ...x, specialism: e.target.value || undefined } : x) })} />
                    </>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>

        <h2 className="govuk-heading-m">Community Remedy menu</h2>
        {criteria.remedyMenu.length === 0 ? <p className="govuk-body">No menu: this office takes no Community Resolutions with remedies.</p> : (
          <ul className="govuk-list">
            {criteria.remedyMenu.map((r) => (
              <li key={r.code}>{r.label}{r.isRestorative ? ' (restorative)' : ''}{r.areas?.length ? ` – only in ${r.areas.join(', ')}` : ''}{' '}
                <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1"
                  onClick={() => setCriteria({ ...criteria, remedyMenu: criteria.remedyMenu.filter((x) => x.code !== r.code) })}>
                  Remove<span className="govuk-visually-hidden"> {r.label}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="govuk-form-group">
          <TextInput name="remedy" label="Add a remedy" hint="As the victim will read it on the menu" value={remedy.label} onChange={(l) => setRemedy({ ...remedy, label: l })} />
          <div className="govuk-checkboxes govuk-checkboxes--small"><div className="govuk-checkboxes__item">
            <input className="govuk-checkboxes__input" type="checkbox" id="remedy-restorative" checked={remedy.restorative} onChange={() => setRemedy({ ...remedy, restorative: !remedy.restorative })} />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="remedy-restorative">It is a restorative option</label>
          </div></div>
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-top-3" disabled={!remedy.label.trim()}
            onClick={() => {
              const code = remedy.label.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
              setCriteria({ ...criteria, remedyMenu: [...criteria.remedyMenu, { code, label: remedy.label.trim(), isRestorative: remedy.restorative }] });
              setRemedy({ label: '', restorative: false });
            }}>Add to the menu</button>
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button">Publish as a new version</button>
      </form>
    </>
  );
}
