import type { Fetcher, FetcherOpts, FetcherParams } from '@graphiql/toolkit';

export const graphqlEndpoint = '/graphql';
export const acceptHeader = 'application/graphql-response+json, application/json';

export interface ResponseInfo {
  operationName: string | null;
  status: number | null;
  statusText: string;
  milliseconds: number;
}

type HeaderValue = string | number | boolean;

function isHeaderValue(value: unknown): value is HeaderValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

// User headers (e.g. Authorization) go first so they can never break the protocol headers;
// Headers is case-insensitive, so "content-type" from the user cannot end up duplicated.
export function buildRequest(params: FetcherParams, userHeaders: FetcherOpts['headers'] = {}): RequestInit {
  const headers = new Headers();
  for (const [name, value] of Object.entries(userHeaders)) {
    if (!isHeaderValue(value)) throw new Error(`Header "${name}" must be a string, number or boolean.`);
    headers.set(name, String(value));
  }
  headers.set('Content-Type', 'application/json');
  headers.set('Accept', acceptHeader);
  return {
    method: 'POST',
    headers,
    body: JSON.stringify({
      query: params.query,
      variables: params.variables ?? null,
      operationName: params.operationName ?? null,
    }),
  };
}

// GraphQL-over-HTTP servers answer errors with JSON and a 4xx/5xx status, so the body is
// shown whatever the status; only a body that is not a JSON object becomes a synthetic error.
export function parseResponseBody(status: number, statusText: string, body: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // Not JSON: fall through to the synthetic error below.
  }
  return {
    errors: [{ message: `HTTP ${status} ${statusText}: the response was not a JSON object.` }],
    extensions: { body: body.slice(0, 2000) },
  };
}

export function createFetcher(
  onResponse: (info: ResponseInfo) => void,
  url: string = graphqlEndpoint,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): Fetcher {
  return async (params, opts) => {
    const operationName = params.operationName ?? null;
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let response: Response;
    try {
      response = await fetchImpl(url, buildRequest(params, opts?.headers));
    } catch (error) {
      onResponse({ operationName, status: null, statusText: 'Network error', milliseconds: elapsed() });
      throw error;
    }
    const body = await response.text();
    onResponse({ operationName, status: response.status, statusText: response.statusText, milliseconds: elapsed() });
    return parseResponseBody(response.status, response.statusText, body);
  };
}
