import { gzipSync } from 'node:zlib';
import { startTestGateway, type TestGateway } from './support/test-app';
import { expectCleanError, JSON_TYPE, send } from './support/raw-http';

/**
 * Whatever a client sends to the HTTP port, the answer is a GraphQL-shaped JSON
 * error with a 4xx status and a code, never an HTML page, a stack trace or a 500,
 * in every NODE_ENV. Three gateways share one database.
 */
const gateways: Record<string, TestGateway> = {};
const APP = 'https://app.example.com';
beforeAll(async () => {
  gateways.development = await startTestGateway({ NODE_ENV: 'development', CORS_ORIGINS: '*' });
  const db = gateways.development.databaseUrl;
  gateways.test = await startTestGateway({ NODE_ENV: 'test' }, db);
  gateways.production = await startTestGateway({ NODE_ENV: 'production', CORS_ORIGINS: `${APP}, https://admin.example.com` }, db);
});
afterAll(async () => {
  for (const gw of Object.values(gateways)) await gw.stop();
});

const post = (body: string | Uint8Array, headers: Record<string, string> = JSON_TYPE): RequestInit => ({ method: 'POST', headers, body });
const typename = JSON.stringify({ query: '{ __typename }' });
const preflightHeader = { 'apollo-require-preflight': 'true' };

describe.each(['development', 'test', 'production'])('with NODE_ENV=%s', (env) => {
  const call = (path: string, init?: RequestInit) => send(gateways[env].url, path, init);

  it.each<[string, string, RequestInit, number, string]>([
    ['malformed JSON', '/graphql', post('{"query": '), 400, 'BAD_REQUEST'],
    ['a number as the body', '/graphql', post('5'), 400, 'BAD_REQUEST'],
    ['null as the body', '/graphql', post('null'), 400, 'BAD_REQUEST'],
    ['a string as the body', '/graphql', post('"{ __typename }"'), 400, 'BAD_REQUEST'],
    ['an empty object', '/graphql', post('{}'), 400, 'BAD_REQUEST'],
    ['a batch (batching is off)', '/graphql', post(`[${typename},${typename}]`), 400, 'BAD_REQUEST'],
    ['variables that are not an object', '/graphql', post(JSON.stringify({ query: '{ __typename }', variables: 5 })), 400, 'BAD_REQUEST'],
    ['variables as a JSON string', '/graphql', post(JSON.stringify({ query: '{ __typename }', variables: '{}' })), 400, 'BAD_REQUEST'],
    ['a query that is not a string', '/graphql', post(JSON.stringify({ query: 5 })), 400, 'BAD_REQUEST'],
    ['an operationName naming no operation', '/graphql', post(JSON.stringify({ query: 'query A { __typename }', operationName: 'B' })), 400, 'OPERATION_RESOLUTION_FAILURE'],
    ['a body over the 1 MB limit', '/graphql', post(JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(1_100_000) })), 413, 'PAYLOAD_TOO_LARGE'],
    ['an unsupported charset', '/graphql', post(typename, { 'content-type': 'application/json; charset=latin1' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['an unsupported content-encoding', '/graphql', post(typename, { ...JSON_TYPE, 'content-encoding': 'compress' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a gzip body that is not gzip', '/graphql', post('not gzip', { ...JSON_TYPE, 'content-encoding': 'gzip' }), 400, 'BAD_REQUEST'],
    ['text/plain', '/graphql', post(typename, { 'content-type': 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['text/plain with the preflight header', '/graphql', post(typename, { 'content-type': 'text/plain', ...preflightHeader }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a form', '/graphql', post('query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['no content-type', '/graphql', post(typename, {}), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a GET without the preflight header (CSRF prevention)', '/graphql?query=%7B__typename%7D', { method: 'GET' }, 400, 'BAD_REQUEST'],
    ['a mutation over GET', '/graphql?query=mutation%7B__typename%7D', { method: 'GET', headers: preflightHeader }, 405, 'BAD_REQUEST'],
    ['GET variables that are not JSON', '/graphql?query=%7B__typename%7D&variables=nope', { method: 'GET', headers: preflightHeader }, 400, 'BAD_REQUEST'],
    ['PUT /graphql', '/graphql', { method: 'PUT', headers: JSON_TYPE, body: typename }, 405, 'BAD_REQUEST'],
    ['DELETE /graphql', '/graphql', { method: 'DELETE' }, 405, 'BAD_REQUEST'],
    ['PATCH /graphql', '/graphql', { method: 'PATCH', headers: JSON_TYPE, body: typename }, 405, 'BAD_REQUEST'],
    ['an unknown route (GET)', '/nope', { method: 'GET' }, 404, 'NOT_FOUND'],
    ['an unknown route (POST with broken JSON)', '/nope', post('{'), 404, 'NOT_FOUND'],
    [
      'a persisted-query hash that does not match the query',
      '/graphql',
      post(JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } })),
      400,
      'BAD_REQUEST',
    ],
    [
      'an unsupported persisted-query version',
      '/graphql',
      post(JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 2, sha256Hash: 'a'.repeat(64) } } })),
      400,
      'BAD_REQUEST',
    ],
    ['a persisted-query extension that is not an object', '/graphql', post(JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: 'x' } })), 400, 'BAD_REQUEST'],
    ['a subscription over HTTP', '/graphql', post(JSON.stringify({ query: 'subscription { alertRaised { id } }' })), 400, 'BAD_REQUEST'],
  ])('refuses %s with a clean JSON error', async (_case, path, init, status, code) => {
    expectCleanError(await call(path, init), status, code);
  });

  it('answers an unknown persisted-query hash with PERSISTED_QUERY_NOT_FOUND (the protocol asks the client to resend with the query)', async () => {
    const res = await call('/graphql', post(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } })));
    expectCleanError(res, 200, 'PERSISTED_QUERY_NOT_FOUND');
  });

  it('serves a GET query that carries the preflight header or a JSON content-type, and a gzipped POST', async () => {
    for (const headers of [preflightHeader, JSON_TYPE]) {
      const res = await call('/graphql?query=%7B__typename%7D', { headers });
      expect({ status: res.status, body: JSON.parse(res.text) }).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
      // Live, per-viewer answers carry no ETag (express would hash every body for one).
      expect(res.headers.get('etag')).toBeNull();
    }
    const zipped = await call('/graphql', post(gzipSync(typename), { ...JSON_TYPE, 'content-encoding': 'gzip' }));
    expect(JSON.parse(zipped.text)).toMatchObject({ data: { __typename: 'Query' } });
  });

  it('keeps the probes and the metrics', async () => {
    expect(JSON.parse((await call('/healthz')).text)).toEqual({ status: 'ok' });
    expect(JSON.parse((await call('/readyz')).text)).toEqual({ status: 'ready' });
    expect((await call('/metrics')).text).toContain('tandem_graphql_request_duration_seconds');
  });
});

describe('CORS', () => {
  const preflight = (origin: string, requestHeaders = 'content-type,authorization'): RequestInit => ({
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': requestHeaders },
  });

  it('answers the preflight of a configured origin before CSRF prevention sees it', async () => {
    const res = await send(gateways.production.url, '/graphql', preflight(APP, 'content-type,authorization,apollo-require-preflight'));
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toEqual(expect.stringContaining('authorization'));
    expect(res.headers.get('vary')).toMatch(/Origin/i);
  });

  it('lets a configured origin read the answer to its POST', async () => {
    const res = await send(gateways.production.url, '/graphql', post(typename, { ...JSON_TYPE, origin: APP }));
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
  });

  it.each([
    ['an origin not in CORS_ORIGINS', 'production', 'https://evil.example.com'],
    ['any origin when CORS_ORIGINS is unset', 'test', APP],
  ])('grants nothing to %s', async (_case, env, origin) => {
    const pre = await send(gateways[env].url, '/graphql', preflight(origin));
    expect(pre.status).toBeLessThan(500);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const res = await send(gateways[env].url, '/graphql', post(typename, { ...JSON_TYPE, origin }));
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows every origin with CORS_ORIGINS=* (outside production)', async () => {
    const res = await send(gateways.development.url, '/graphql', preflight('http://localhost:5173'));
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});
