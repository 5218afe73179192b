import { ADMIN, startTestGateway, type TestGateway } from './support/test-app';
import { expectCleanError, JSON_TYPE, send, wsOutcome } from './support/raw-http';

/**
 * A refused document gets the same code over HTTP and graphql-ws, and in
 * production the schema stays private: no introspection and no "did you mean"
 * hints unless INTROSPECTION=1.
 */
const gateways: Record<string, TestGateway> = {};
const tokens: Record<string, string> = {};
beforeAll(async () => {
  gateways.development = await startTestGateway({ NODE_ENV: 'development' });
  const db = gateways.development.databaseUrl;
  gateways.production = await startTestGateway({ NODE_ENV: 'production' }, db);
  gateways.introspectable = await startTestGateway({ NODE_ENV: 'production', INTROSPECTION: '1' }, db);
  for (const [name, gw] of Object.entries(gateways)) tokens[name] = await gw.login(ADMIN.email, ADMIN.password);
});
afterAll(async () => {
  for (const gw of Object.values(gateways)) await gw.stop();
});

type Payload = { query: string; operationName?: string; variables?: Record<string, unknown> };
const overHttp = (name: string, payload: Payload) =>
  send(gateways[name].url, '/graphql', { method: 'POST', headers: { ...JSON_TYPE, authorization: `Bearer ${tokens[name]}` }, body: JSON.stringify(payload) });
const overWs = (name: string, payload: Payload) => wsOutcome(gateways[name].ws(tokens[name]), payload);

const UNKNOWN_FIELD = { query: '{ mee { id } }' };
const BAD_ENUM_LITERAL = { query: '{ orders(first: 1, status: [CONFIRMD]) { totalCount } }' };
const BAD_ENUM_VARIABLE = { query: 'query Q($s: OrderStatus!) { orders(first: 1, status: [$s]) { totalCount } }', variables: { s: 'CONFIRMD' } };
const INTROSPECTION = { query: '{ __schema { queryType { name } } }' };

describe.each(['development', 'production'])('with NODE_ENV=%s, graphql-ws refuses a document with the code HTTP gives', (name) => {
  it.each<[string, Payload, string]>([
    ['a syntax error', { query: '{ me {' }, 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', UNKNOWN_FIELD, 'GRAPHQL_VALIDATION_FAILED'],
    ['a missing required argument', { query: '{ customer { id } }' }, 'GRAPHQL_VALIDATION_FAILED'],
    ['an unknown fragment', { query: '{ ...Nope }' }, 'GRAPHQL_VALIDATION_FAILED'],
    ['a document nested deeper than 10', { query: `{ ${'orders(first: 1) { edges { node { customer { '.repeat(3)}id${' } } } }'.repeat(3)} }` }, 'GRAPHQL_VALIDATION_FAILED'],
    ['a bad enum literal', BAD_ENUM_LITERAL, 'GRAPHQL_VALIDATION_FAILED'],
    ['a variable of the wrong type', BAD_ENUM_VARIABLE, 'BAD_USER_INPUT'],
    ['an operationName naming no operation', { query: 'query A { __typename }', operationName: 'B' }, 'OPERATION_RESOLUTION_FAILURE'],
    ['two operations and no operationName', { query: 'query A { __typename } query B { __typename }' }, 'OPERATION_RESOLUTION_FAILURE'],
  ])('%s', async (_case, payload, code) => {
    const http = await overHttp(name, payload);
    expectCleanError(http, 400, code);
    const ws = await overWs(name, payload);
    const seen = (errors: { message: string; extensions?: { code?: string } }[]) => errors.map((e) => ({ message: e.message, code: e.extensions?.code }));
    expect(ws).toHaveProperty('errors');
    expect(seen((ws as { errors: [] }).errors)).toEqual(seen(JSON.parse(http.text).errors));
    expect(JSON.stringify(ws)).not.toMatch(/\bat \S+ \(|\/work\/|node_modules/);
  });

  it('keeps the socket open after a refused document', async () => {
    const client = gateways[name].ws(tokens[name]);
    expect(await wsOutcome(client, { query: '{ me {' })).toMatchObject({ errors: [{ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] });
    expect(await wsOutcome(client, { query: '{ me { email } }' })).toEqual({ result: { me: { email: ADMIN.email } } });
  });
});

describe('introspection and suggestions', () => {
  const hint = /Did you mean/;

  it.each(['development', 'introspectable'])('are on for %s', async (name) => {
    expect(JSON.parse((await overHttp(name, INTROSPECTION)).text)).toMatchObject({ data: { __schema: { queryType: { name: 'Query' } } } });
    expect(await overWs(name, INTROSPECTION)).toEqual({ result: { __schema: { queryType: { name: 'Query' } } } });
    for (const payload of [UNKNOWN_FIELD, BAD_ENUM_LITERAL, BAD_ENUM_VARIABLE]) {
      expect(JSON.parse((await overHttp(name, payload)).text).errors[0].message).toMatch(hint);
      expect(JSON.stringify(await overWs(name, payload))).toMatch(hint);
    }
  });

  it('are off in production without INTROSPECTION=1, over HTTP and graphql-ws', async () => {
    const refused = expectCleanError(await overHttp('production', INTROSPECTION), 400, 'GRAPHQL_VALIDATION_FAILED');
    expect(refused.message).toBe('Introspection is disabled on this server.');
    expect(await overWs('production', INTROSPECTION)).toEqual({ errors: [{ message: refused.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
    expect(await overWs('production', { query: '{ __type(name: "Customer") { name } }' })).toMatchObject({ errors: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
    for (const payload of [UNKNOWN_FIELD, BAD_ENUM_LITERAL, BAD_ENUM_VARIABLE]) {
      const http = JSON.parse((await overHttp('production', payload)).text).errors[0].message;
      expect(http).not.toMatch(hint);
      expect(http).not.toMatch(/"me"|CONFIRMED/);
      expect(JSON.stringify(await overWs('production', payload))).not.toMatch(/Did you mean|"me\\"|CONFIRMED/);
    }
    // __typename is not introspection: clients (urql, Apollo Client) add it everywhere.
    expect(JSON.parse((await overHttp('production', { query: '{ __typename }' })).text)).toMatchObject({ data: { __typename: 'Query' } });
  });

  it('serves no landing page when introspection is off', async () => {
    const res = await send(gateways.production.url, '/graphql', { headers: { accept: 'text/html' } });
    expect(res.headers.get('content-type')).not.toMatch(/html/);
    expect(res.status).toBeLessThan(500);
  });
});
