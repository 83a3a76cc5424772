import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { describeResponse, ResponseStatus } from './ResponseStatus';

afterEach(cleanup);

describe('ResponseStatus', () => {
  it('prompts before the first request', () => {
    expect(describeResponse(null)).toMatch(/Ctrl\+Enter/);
  });

  it('shows the operation, HTTP status and timing', () => {
    render(<ResponseStatus info={{ operationName: 'Me', status: 200, statusText: 'OK', milliseconds: 12 }} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Me: HTTP 200 OK in 12 ms');
    expect(status.className).not.toContain('failed');
  });

  it('flags error statuses and network failures', () => {
    expect(describeResponse({ operationName: null, status: null, statusText: 'Network error', milliseconds: 3 })).toBe(
      'anonymous operation: Network error in 3 ms',
    );
    render(<ResponseStatus info={{ operationName: null, status: 500, statusText: '', milliseconds: 1 }} />);
    expect(screen.getByRole('status').textContent).toBe('anonymous operation: HTTP 500 in 1 ms');
    expect(screen.getByRole('status').className).toContain('rj-status--failed');
  });
});
