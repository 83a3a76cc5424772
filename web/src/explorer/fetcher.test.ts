import { describe, expect, it, vi } from 'vitest';
import { acceptHeader, buildRequest, createFetcher, parseResponseBody, type ResponseInfo } from './fetcher';

const params = { query: 'query Me { me { id } }', variables: { first: 2 }, operationName: 'Me' };

function headersOf(init: RequestInit): Headers {
  return init.headers as Headers;
}

describe('buildRequest', () => {
  it('POSTs the operation as GraphQL-over-HTTP JSON', () => {
    const init = buildRequest(params);
    expect(init.method).toBe('POST');
    expect(headersOf(init).get('content-type')).toBe('application/json');
    expect(headersOf(init).get('accept')).toBe(acceptHeader);
    expect(JSON.parse(init.body as string)).toEqual(params);
  });

  it('sends null for missing variables and operation name', () => {
    const init = buildRequest({ query: '{ __typename }' });
    expect(JSON.parse(init.body as string)).toEqual({
      query: '{ __typename }',
      variables: null,
      operationName: null,
    });
  });

  it('passes user headers such as Authorization through', () => {
    const init = buildRequest(params, { Authorization: 'Bearer abc', 'X-Tenant': 7 });
    expect(headersOf(init).get('authorization')).toBe('Bearer abc');
    expect(headersOf(init).get('x-tenant')).toBe('7');
  });

  it('does not let user headers replace the protocol headers', () => {
    const init = buildRequest(params, { 'content-type': 'text/plain', ACCEPT: 'text/html' });
    expect(headersOf(init).get('content-type')).toBe('application/json');
    expect(headersOf(init).get('accept')).toBe(acceptHeader);
  });

  it('rejects header values that are not scalars', () => {
    expect(() => buildRequest(params, { Authorization: { token: 'x' } })).toThrow(/Authorization/);
  });
});

describe('parseResponseBody', () => {
  it('returns GraphQL error responses as they are, whatever the status', () => {
    const body = JSON.stringify({ errors: [{ message: 'Not authorised' }] });
    expect(parseResponseBody(401, 'Unauthorized', body)).toEqual({ errors: [{ message: 'Not authorised' }] });
  });

  it('turns a non-JSON body into a GraphQL error that names the status', () => {
    const result = parseResponseBody(502, 'Bad Gateway', '<html>proxy error</html>');
    expect(result.errors).toEqual([{ message: 'HTTP 502 Bad Gateway: the response was not a JSON object.' }]);
    expect(result.extensions).toEqual({ body: '<html>proxy error</html>' });
  });

  it('treats a JSON value that is not an object as not a GraphQL response', () => {
    expect(parseResponseBody(200, 'OK', '"hello"').errors).toBeDefined();
  });
});

describe('createFetcher', () => {
  it('posts to /graphql and reports the HTTP status', async () => {
    const fetchImpl = vi.fn(async () => new Response('{"data":{"me":null}}', { status: 200, statusText: 'OK' }));
    const reports: ResponseInfo[] = [];
    const fetcher = createFetcher((info) => reports.push(info), undefined, fetchImpl);

    const result = await fetcher(params, { headers: { Authorization: 'Bearer abc' } });

    expect(result).toEqual({ data: { me: null } });
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect(headersOf(init).get('authorization')).toBe('Bearer abc');
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ operationName: 'Me', status: 200, statusText: 'OK' });
  });

  it('reports a network failure and rethrows it for GraphiQL to show', async () => {
    const reports: ResponseInfo[] = [];
    const fetcher = createFetcher((info) => reports.push(info), '/graphql', async () => {
      throw new TypeError('Failed to fetch');
    });

    await expect(Promise.resolve(fetcher(params))).rejects.toThrow('Failed to fetch');
    expect(reports[0]).toMatchObject({ status: null, statusText: 'Network error' });
  });
});
