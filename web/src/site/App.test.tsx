import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from './App';
import { markJsEnabled } from './jsEnabled';

afterEach(cleanup);

describe('placeholder page', () => {
  it('names the service in the header and the page heading', () => {
    render(<App />);
    expect(screen.getByRole('link', { name: 'RJCloud' }).getAttribute('href')).toBe('/');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('RJCloud');
  });

  it('describes the service and says the screens are coming', () => {
    render(<App />);
    expect(
      screen.getByText(/restorative justice and victim services for Police and Crime Commissioners' offices/),
    ).toBeTruthy();
    expect(screen.getByText(/staff and public screens are coming/)).toBeTruthy();
  });

  it('has a skip link to the main landmark and an alpha phase banner', () => {
    render(<App />);
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(skip.getAttribute('href')).toBe('#main-content');
    expect(screen.getByRole('main').id).toBe('main-content');
    expect(screen.getByText('Alpha').className).toContain('govuk-phase-banner__content__tag');
    expect(screen.getByRole('contentinfo')).toBeTruthy();
  });

  it('marks the body for govuk-frontend JavaScript', () => {
    const body = document.createElement('body');
    markJsEnabled(body);
    expect(body.classList.contains('js-enabled')).toBe(true);
    expect(body.classList.contains('govuk-frontend-supported')).toBe(true);
  });
});
