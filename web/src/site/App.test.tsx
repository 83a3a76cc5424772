import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { navigate } from './router';

// jsdom has no scrolling.
window.scrollTo = () => {};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  navigate('/', { replace: true });
});

/** The API as the browser sees it: one JSON answer per GraphQL operation name. */
function stubApi(answers: Record<string, unknown>) {
  const calls: { operation: string; variables: unknown; url: string }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { query: string; variables: unknown };
    const operation = /(?:query|mutation) (\w+)/.exec(body.query)?.[1] ?? '';
    calls.push({ operation, variables: body.variables, url });
    return new Response(JSON.stringify(answers[operation] ?? { errors: [{ message: 'unexpected' }] }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }));
  return calls;
}

describe('home page', () => {
  it('names the service, has a skip link to the main landmark and an alpha banner', () => {
    render(<App />);
    expect(screen.getByRole('link', { name: 'RJCloud' }).getAttribute('href')).toBe('/');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('RJCloud');
    expect(screen.getByRole('link', { name: 'Skip to main content' }).getAttribute('href')).toBe('#main-content');
    expect(screen.getByRole('main').id).toBe('main-content');
    expect(screen.getByText('Alpha').className).toContain('govuk-phase-banner__content__tag');
  });

  it('takes a person to their office by its short name', async () => {
    stubApi({ OfficeName: { data: { tenant: { displayName: 'Essex Police, Fire and Crime Commissioner' } } } });
    render(<App />);
    fireEvent.change(screen.getByLabelText('Your office'), { target: { value: 'Essex' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(window.location.pathname).toBe('/essex');
    expect(await screen.findByRole('heading', { level: 1, name: 'Essex Police, Fire and Crime Commissioner' })).toBeTruthy();
  });
});

const Offered = { data: { selfReferralTypes: [{ type: 'LOW_LEVEL_CRIME', eligibility: ['Any stage; everyone must agree.'] }] } };

describe('public self-referral form', () => {
  it('offers only what the office takes from the public, with its criteria', async () => {
    stubApi({ OfficeName: { data: { tenant: { displayName: 'Essex' } } }, SelfReferralTypes: Offered });
    navigate('/essex/refer');
    render(<App />);
    expect(await screen.findByLabelText('A low-level crime')).toBeTruthy();
    expect(screen.queryByLabelText('A dispute with a neighbour')).toBeNull();
    expect(screen.getByText('Any stage; everyone must agree.')).toBeTruthy();
  });

  it('lists every missing answer in an error summary that links to its field, and sends nothing', async () => {
    const calls = stubApi({ OfficeName: { data: { tenant: { displayName: 'Essex' } } }, SelfReferralTypes: Offered });
    navigate('/essex/refer');
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Send' }));

    const summary = await screen.findByRole('alert');
    const links = [...summary.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Select what happened', '#field-type'],
      ['Select how you were involved', '#field-yourRole'],
      ['Select yes if the matter is going to court', '#field-courtCase'],
    ]);
    expect(document.getElementById('field-type')).toBeTruthy();
    expect(calls.filter((c) => c.operation === 'SubmitSelfReferral')).toHaveLength(0);
  });

  it('shows the API\'s userErrors on their fields, then the reference once accepted', async () => {
    const calls = stubApi({
      OfficeName: { data: { tenant: { displayName: 'Essex' } } },
      SelfReferralTypes: Offered,
      SubmitSelfReferral: { data: { submitSelfReferral: { reference: null, userErrors: [{ code: 'REQUIRED', message: 'Enter your name', field: ['input', 'name'] }] } } },
    });
    navigate('/essex/refer');
    render(<App />);
    fireEvent.click(await screen.findByLabelText('A low-level crime'));
    fireEvent.click(screen.getByLabelText('I was harmed'));
    fireEvent.click(screen.getByLabelText('No'));
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));

    expect((await screen.findAllByText('Enter your name')).length).toBe(2);
    expect(document.querySelector('[data-field="name"]')!.className).toContain('govuk-form-group--error');
    const sent = calls.find((c) => c.operation === 'SubmitSelfReferral')!;
    expect(sent.url).toBe('/t/essex/graphql');
    expect((sent.variables as { input: { type: string; courtCase: boolean } }).input).toMatchObject({ type: 'LOW_LEVEL_CRIME', courtCase: false });

    stubApi({
      OfficeName: { data: { tenant: { displayName: 'Essex' } } },
      SelfReferralTypes: Offered,
      SubmitSelfReferral: { data: { submitSelfReferral: { reference: 'RJ-2026-000042', userErrors: [] } } },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(window.location.pathname).toBe('/essex/refer/done'));
    expect(await screen.findByText('RJ-2026-000042')).toBeTruthy();
  });
});
