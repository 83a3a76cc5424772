import { graphql } from '../gql';
import { execute } from './api';

// Sign-in with the OAuth 2.0 authorization code flow and PKCE against the service's own token server
// (/t/{office}/connect/...). Tokens live in memory only, never in localStorage: a reload signs in again
// without a prompt while the office's sign-in cookie lasts. Only the PKCE verifier and state wait in
// sessionStorage between leaving for the sign-in page and coming back.

const clientId = 'rjcloud-web';
const pendingKey = 'rjcloud.signin';

export type Session = { office: string; officeName: string; accessToken: string; roles: string[]; name: string; expiresAt: number };

let session: Session | null = null;
const listeners = new Set<() => void>();

export function currentSession(): Session | null {
  return session && session.expiresAt > Date.now() ? session : null;
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setSession(next: Session | null) {
  session = next;
  listeners.forEach((listener) => listener());
}

export function redirectUri(): string {
  return `${window.location.origin}/signed-in`;
}

function base64Url(bytes: Uint8Array): string {
  let text = '';
  bytes.forEach((b) => (text += String.fromCharCode(b)));
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function challengeOf(verifier: string): Promise<string> {
  return base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/** Leaves for the office's sign-in page; comes back to /signed-in, then to returnTo. */
export async function signIn(office: string, returnTo: string): Promise<void> {
  const verifier = randomText();
  const state = randomText();
  sessionStorage.setItem(pendingKey, JSON.stringify({ office, verifier, state, returnTo }));
  const query = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: redirectUri(),
    scope: 'openid profile offline_access',
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
    state,
  });
  window.location.assign(`/t/${encodeURIComponent(office)}/connect/authorize?${query}`);
}

/** Completes sign-in on /signed-in: checks the state, exchanges the code, and says where to go next. */
export async function completeSignIn(search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const pending = JSON.parse(sessionStorage.getItem(pendingKey) ?? 'null') as
    | { office: string; verifier: string; state: string; returnTo: string }
    | null;
  sessionStorage.removeItem(pendingKey);
  if (!pending || params.get('state') !== pending.state) throw new Error('This sign-in link has already been used or has expired. Sign in again.');
  if (params.get('error')) throw new Error('Sign-in was not completed. Sign in again.');
  const response = await fetch(`/t/${encodeURIComponent(pending.office)}/connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: clientId,
      code: params.get('code') ?? '',
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error('Sign-in could not be completed. Sign in again.');
  const token = (await response.json()) as { access_token: string; expires_in: number };
  // Who they are and what they may do, as the API sees it (the roles only decide what the pages offer:
  // the API checks every request itself).
  const { me } = await execute(Me, {}, { office: pending.office, token: token.access_token });
  setSession({
    office: pending.office,
    accessToken: token.access_token,
    roles: [...(me?.roles ?? [])],
    name: me?.displayName ?? '',
    officeName: me?.tenant.displayName ?? pending.office,
    expiresAt: Date.now() + token.expires_in * 1000,
  });
  return pending.returnTo;
}

const Me = graphql(`
  query Me {
    me {
      displayName
      roles
      tenant {
        displayName
      }
    }
  }
`);

export function signOut(office: string) {
  setSession(null);
  window.location.assign(`/t/${encodeURIComponent(office)}/connect/endsession?post_logout_redirect_uri=${encodeURIComponent(`${window.location.origin}/${office}`)}`);
}

/** For tests: a session as sign-in would leave it. */
export function useTestSession(next: Session | null) {
  setSession(next);
}
