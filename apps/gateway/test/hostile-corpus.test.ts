import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { SignJWT } from 'jose';
import { query as sql } from '../src/db/sql';
import { ADMIN, JWT_SECRET, startTestGateway, type TestGateway } from './support/test-app';

/**
 * A hostile corpus against a real gateway, generated from the schema so that a
 * new argument joins it by existing:
 * - every ID argument (at any depth of an input) given what is not an id, and
 *   every String argument a NUL character: BAD_USER_INPUT, nothing written;
 * - injection strings in every String argument of every query;
 * - forged, `alg: none`, expired and malformed tokens; batches; oversized
 *   variables; deep, wide and fragment-heavy documents; malformed bodies.
 * Across the whole run: no HTTP 5xx, no INTERNAL_SERVER_ERROR, no stack trace
 * or file path in any body, no request over 2 s, the process alive, and the
 * masked-error metric still at zero.
 */
const schema = buildSchema(readFileSync(join(__dirname, '../../../schema/schema.graphql'), 'utf8'));
let gw: TestGateway;
let admin: string;

beforeAll(async () => {
  gw = await startTestGateway();
  admin = await gw.login(ADMIN.email, ADMIN.password);
});
afterAll(() => gw?.stop());

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';
const ALERT_ID_ARGS = new Set(['Mutation.acknowledgeAlert.id']);

/** A valid value of an input type, filling only what is required. */
function sample(type: GraphQLInputType, coordinate: string): unknown {
  const t = getNullableType(type);
  if (isListType(t)) return [sample(t.ofType, coordinate)];
  if (isEnumType(t)) return t.getValues()[0].value;
  if (isInputObjectType(t)) {
    return Object.fromEntries(
      Object.values(t.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, sample(f.type, `${coordinate}.${f.name}`)]),
    );
  }
  if (isScalarType(t)) {
    switch (t.name) {
      case 'ID':
        return ALERT_ID_ARGS.has(coordinate) ? '1' : SAMPLE_ID;
      case 'Int':
        return 1;
      case 'Boolean':
        return true;
      case 'Decimal':
        return '1.00';
      case 'Date':
        return '2025-01-02';
      case 'DateTime':
        return '2025-01-02T00:00:00Z';
      default:
        return 'x';
    }
  }
  throw new Error(`no sample for ${String(type)}`);
}

/** Every place (path inside the arguments) an ID or a String can go, optional ones included. */
function leaves(type: GraphQLInputType, path: string[], depth = 0): { path: string[]; scalar: string }[] {
  const t = getNullableType(type);
  if (depth > 4) return [];
  if (isListType(t)) return leaves(t.ofType, [...path, '0'], depth + 1);
  if (isInputObjectType(t)) return Object.values(t.getFields()).flatMap((f) => leaves(f.type, [...path, f.name], depth + 1));
  if (isScalarType(t) && (t.name === 'ID' || t.name === 'String')) return [{ path, scalar: t.name }];
  return [];
}

/** Puts `value` at `path` inside the variables, creating each missing object or list on the way with a valid sample. */
function setAt(target: Record<string, unknown>, path: string[], value: unknown, argType: GraphQLInputType, coordinate: string): void {
  let node: Record<string, unknown> = target;
  let containerType: GraphQLInputType | null = null; // the type of `node`; null for the variables themselves
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    const childType: GraphQLInputType = getNullableType<GraphQLInputType>(
      containerType === null ? argType : isListType(containerType) ? containerType.ofType : (containerType as GraphQLInputObjectType).getFields()[key].type,
    );
    if (node[key] == null) node[key] = isListType(childType) ? [] : sample(childType, coordinate);
    const child = node[key];
    if (Array.isArray(child) && child.length === 0 && isListType(childType)) child.push(sample(childType.ofType, coordinate));
    node = child as Record<string, unknown>;
    containerType = childType;
  }
  node[path[path.length - 1]] = value;
}

interface Case {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

function casesFor(root: GraphQLObjectType, keyword: 'query' | 'mutation'): Case[] {
  const cases: Case[] = [];
  for (const field of Object.values(root.getFields()) as GraphQLField<unknown, unknown>[]) {
    if (field.args.length === 0) continue;
    const defs = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
    const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const named = getNamedType(field.type);
    const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
    const query = `${keyword} Hostile(${defs}) { ${field.name}(${call})${selection} }`;
    const base = () => Object.fromEntries(field.args.filter((a) => isNonNullType(a.type)).map((a) => [a.name, sample(a.type, `${root.name}.${field.name}.${a.name}`)]));
    for (const arg of field.args) {
      for (const leaf of leaves(arg.type, [arg.name])) {
        const bad =
          leaf.scalar === 'ID' ? ['not-a-uuid', `${SAMPLE_ID}'; drop table customers; --`, '99999999999999999999', '', `${SAMPLE_ID} `, 'g'.repeat(36), '-1', '{}'] : ['nul\u0000inside', '\u0000'];
        for (const value of bad) {
          const variables = base();
          if (leaf.path.length === 1) variables[arg.name] = value;
          else {
            variables[arg.name] ??= sample(arg.type, `${root.name}.${field.name}.${arg.name}`);
            setAt(variables, leaf.path, value, arg.type, `${root.name}.${field.name}.${arg.name}`);
          }
          cases.push({ name: `${root.name}.${field.name}(${leaf.path.join('.')}: ${JSON.stringify(value).slice(0, 30)})`, query, variables });
        }
      }
    }
  }
  return cases;
}

const refusedCases = [...casesFor(schema.getQueryType()!, 'query'), ...casesFor(schema.getMutationType()!, 'mutation')];

const INJECTIONS = [
  "' or 1=1 --",
  '"; drop table customers; --',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '../../../../etc/passwd',
  '\u202eevil',
  '%00%27',
  'x'.repeat(5000),
  '%',
  '_',
  '\\',
  "'); select pg_sleep(5); --",
  '{{7*7}}',
  '\ud83d\ude00\u0301\u200b',
  '$where: 1',
  'a'.repeat(100_000),
];

/** Injection strings in every String argument of every query or mutation (they may succeed or be refused; they may not break anything). */
function injectionCases(root: GraphQLObjectType, keyword: 'query' | 'mutation'): Case[] {
  const out: Case[] = [];
  for (const field of Object.values(root.getFields()) as GraphQLField<unknown, unknown>[]) {
    const stringArgs = field.args.filter((a) => isScalarType(getNullableType(a.type)) && (getNullableType(a.type) as { name: string }).name === 'String');
    if (stringArgs.length === 0) continue;
    const defs = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
    const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const named = getNamedType(field.type);
    const query = `${keyword} Injected(${defs}) { ${field.name}(${call})${isScalarType(named) || isEnumType(named) ? '' : ' { __typename }'} }`;
    for (const arg of stringArgs) {
      for (const value of INJECTIONS) {
        const variables = Object.fromEntries(field.args.filter((a) => isNonNullType(a.type)).map((a) => [a.name, sample(a.type, `${root.name}.${field.name}.${a.name}`)]));
        variables[arg.name] = value;
        out.push({ name: `${root.name}.${field.name}(${arg.name}: ${JSON.stringify(value).slice(0, 24)})`, query, variables });
      }
    }
  }
  return out;
}

interface Outcome {
  status: number;
  text: string;
  ms: number;
}

async function send(body: string, headers: Record<string, string> = {}, method = 'POST'): Promise<Outcome> {
  const started = performance.now();
  // Nothing waits forever: a request that hangs fails the test instead of stalling it.
  const res = await fetch(gw.url, { method, headers: { 'content-type': 'application/json', ...headers }, body: method === 'GET' ? undefined : body, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started };
}

/** What every answer in the corpus must be. */
function expectSafe(o: Outcome): void {
  expect(o.status).toBeLessThan(500);
  expect(o.text).not.toMatch(/INTERNAL_SERVER_ERROR|node_modules|\/work\/|\bat [A-Za-z.<>]+ \(|<html/i);
  expect(o.ms).toBeLessThan(2000);
}
const codesOf = (o: Outcome): unknown[] => {
  try {
    return ((JSON.parse(o.text) as { errors?: { extensions?: { code?: string } }[] }).errors ?? []).map((e) => e.extensions?.code);
  } catch {
    return [];
  }
};

/** Rows in the tables a write touches: unchanged by any refused request. */
async function fingerprint(): Promise<string> {
  const tables = ['users', 'customers', 'contacts', 'products', 'orders', 'order_lines', 'invoices', 'payments', 'payment_allocations', 'alerts'];
  const counts = await sql<{ n: string }>(gw.app.orm.em.fork(), tables.map((t) => `select count(*)::text as n from ${t}`).join(' union all '));
  const [{ money }] = await sql<{ money: string }>(
    gw.app.orm.em.fork(),
    `select concat_ws('/', (select sum(on_hand + reserved) from products), (select sum(amount_paid) from invoices), (select count(*) filter (where on_hold) from customers))::text as money`,
  );
  return `${counts.map((c) => c.n).join(',')}|${money}`;
}

describe('refused arguments: every ID and String argument of the schema', () => {
  let before: string;
  beforeAll(async () => {
    before = await fingerprint();
  });
  afterAll(async () => {
    expect(await fingerprint()).toBe(before);
  });

  it('generates a case for every ID and String argument of the schema', () => {
    expect(refusedCases.length).toBeGreaterThan(100);
  });

  it.each(refusedCases.map((c) => [c.name, c] as const))('%s is BAD_USER_INPUT', async (_name, c) => {
    const o = await send(JSON.stringify({ query: c.query, variables: c.variables }), { authorization: `Bearer ${admin}` });
    expectSafe(o);
    expect(codesOf(o)).toContain('BAD_USER_INPUT');
  });
});

describe('injection strings in every String argument of every query', () => {
  const cases = injectionCases(schema.getQueryType()!, 'query');
  it.each(cases.map((c) => [c.name, c] as const))('%s is answered safely', async (_name, c) => {
    expectSafe(await send(JSON.stringify({ query: c.query, variables: c.variables }), { authorization: `Bearer ${admin}` }));
  });
});

describe('injection strings in every String argument of every mutation, from a viewer who may not write', () => {
  const cases = injectionCases(schema.getMutationType()!, 'mutation').filter((c) => !c.name.startsWith('Mutation.login('));
  let support: string;
  let before: string;
  beforeAll(async () => {
    const created = await send(
      JSON.stringify({
        query: 'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }',
        variables: { i: { email: 'support@corpus.tandem', name: 'Corpus Support', role: 'SUPPORT', password: 'corpus-password' } },
      }),
      { authorization: `Bearer ${admin}` },
    );
    expect(created.status).toBe(200);
    support = await gw.login('support@corpus.tandem', 'corpus-password');
    before = await fingerprint();
  });
  afterAll(async () => {
    expect(await fingerprint()).toBe(before);
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s is refused safely, writing nothing', async (_name, c) => {
    expectSafe(await send(JSON.stringify({ query: c.query, variables: c.variables }), { authorization: `Bearer ${support}` }));
  });
});

describe('tokens', () => {
  const key = new TextEncoder().encode(JWT_SECRET);
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const tokens: [string, () => Promise<string>][] = [
    ['garbage', async () => 'not-a-token'],
    ['an empty bearer', async () => ''],
    ['alg: none', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: SAMPLE_ID, role: 'ADMIN', iss: 'tandem', aud: 'tandem-api' })}.`],
    [
      'signed with another secret',
      async () =>
        new SignJWT({ role: 'ADMIN' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(SAMPLE_ID)
          .setIssuer('tandem')
          .setAudience('tandem-api')
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode('x'.repeat(40))),
    ],
    [
      'expired',
      async () =>
        new SignJWT({ role: 'ADMIN' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(SAMPLE_ID)
          .setIssuer('tandem')
          .setAudience('tandem-api')
          .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
          .sign(key),
    ],
    [
      'for another audience',
      async () => new SignJWT({ role: 'ADMIN' }).setProtectedHeader({ alg: 'HS256' }).setSubject(SAMPLE_ID).setIssuer('tandem').setAudience('elsewhere').setExpirationTime('1h').sign(key),
    ],
    [
      'with an unknown role',
      async () => new SignJWT({ role: 'ROOT' }).setProtectedHeader({ alg: 'HS256' }).setSubject(SAMPLE_ID).setIssuer('tandem').setAudience('tandem-api').setExpirationTime('1h').sign(key),
    ],
    [
      'naming no UUID',
      async () => new SignJWT({ role: 'ADMIN' }).setProtectedHeader({ alg: 'HS256' }).setSubject("1' or '1'='1").setIssuer('tandem').setAudience('tandem-api').setExpirationTime('1h').sign(key),
    ],
    [
      'with the payload tampered',
      async () => {
        const [h, , sig] = admin.split('.');
        return `${h}.${b64({ sub: SAMPLE_ID, role: 'ADMIN', iss: 'tandem', aud: 'tandem-api', exp: 9999999999 })}.${sig}`;
      },
    ],
  ];
  const documents = [
    '{ me { id } }',
    '{ customers(first: 1) { totalCount } }',
    'mutation { createCustomer(input: { name: "Forged" }) { customer { id } userErrors { code } } }',
    '{ alerts(first: 1) { totalCount } }',
    '{ receivablesAging { asOf } }',
    'mutation { placeCreditHold(customerId: "00000000-0000-4000-8000-000000000000", reason: "x") { userErrors { code } } }',
  ];
  it.each(tokens.flatMap(([what, make]) => documents.map((d) => [what, d, make] as const)))('a token %s on %s is UNAUTHENTICATED', async (_what, document, make) => {
    const token = await make();
    const o = await send(JSON.stringify({ query: document }), { authorization: `Bearer ${token}` });
    expectSafe(o);
    expect(codesOf(o)).toContain('UNAUTHENTICATED');
  });
});

describe('documents and bodies', () => {
  const deep = `{ customers(first: 1) { edges { node { ${'orders(first: 1) { edges { node { customer { '.repeat(12)}id${' } } } }'.repeat(12)} } } } }`;
  const wide = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: customers(first: 100) { edges { node { orders(first: 100) { edges { node { lines { quantity } } } } } } }`).join(' ')} }`;
  const fragments = `query { ...F0 } ${Array.from({ length: 3000 }, (_, i) => `fragment F${i} on Query { ${i < 2999 ? `...F${i + 1}` : 'me { id }'} }`).join(' ')}`;
  const bodies: [string, string, Record<string, string>?][] = [
    ['a document nested 60 levels', JSON.stringify({ query: deep })],
    ['40 aliases of a customers → orders → lines read', JSON.stringify({ query: wide })],
    ['a chain of 3000 fragments', JSON.stringify({ query: fragments })],
    ['a document of 200 000 tokens', JSON.stringify({ query: `{ ${'__typename '.repeat(200_000)}}` })],
    ['a batch array', JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }])],
    ['oversized variables', JSON.stringify({ query: 'query($s: String) { contacts(first: 1, search: $s) { totalCount } }', variables: { s: 'x'.repeat(3_000_000) } })],
    ['malformed JSON', '{"query": "{ me { id } }"'],
    ['a JSON number', '42'],
    ['null', 'null'],
    ['variables that are not an object', JSON.stringify({ query: '{ me { id } }', variables: [1, 2] })],
    ['an operationName naming no operation', JSON.stringify({ query: '{ me { id } }', operationName: 'Nope' })],
    ['a syntax error', JSON.stringify({ query: '{ me { id }' })],
    ['an unknown field', JSON.stringify({ query: '{ password }' })],
    ['a subscription over HTTP', JSON.stringify({ query: 'subscription { alertRaised { id } }' })],
    ['a persisted query that does not match', JSON.stringify({ query: '{ me { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } })],
    ['a persisted query hash alone', JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } })],
    ['a form-encoded body', 'query=%7B%20me%20%7B%20id%20%7D%20%7D', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['an unsupported charset', JSON.stringify({ query: '{ me { id } }' }), { 'content-type': 'application/json; charset=latin7' }],
  ];
  // Each row as [name, body, headers]: a two-element row would hand Jest's done callback in as the headers.
  it.each(bodies.map(([what, body, headers]) => [what, body, headers ?? {}] as const))('%s gets a safe 4xx-or-data answer', async (_what, body, headers) => {
    const o = await send(body, { authorization: `Bearer ${admin}`, ...headers });
    expectSafe(o);
    if (o.status >= 400) expect(o.text.trim().startsWith('{')).toBe(true);
  });
});

describe('the whole run', () => {
  it('leaves the process alive and no error masked', async () => {
    const me = await send(JSON.stringify({ query: '{ me { id } }' }), { authorization: `Bearer ${admin}` });
    expect(me.status).toBe(200);
    const metrics = await (await fetch(gw.url.replace(/\/graphql$/, '/metrics'))).text();
    const masked = metrics
      .split('\n')
      .filter((l) => l.startsWith('tandem_graphql_unexpected_errors_total'))
      .map((l) => Number(l.split(' ').pop()));
    expect(masked.reduce((a, b) => a + b, 0)).toBe(0);
  });
});
