import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { Client } from 'pg';
import { createCrew, createCustomer, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * Support over the API: SUPPORT opens tickets on customers it may read with
 * the SLA of their priority, moves them by the domain's table (RESOLVED sets
 * resolvedAt, reopening clears it, CLOSED is final), `breached` and the
 * `tickets(breached:)` filter follow the domain's rule, and the role table
 * holds on every path.
 */
type Err = { code: string; field: string[] | null; message: string };
type T = { id: string; subject: string; priority: string; status: string; createdAt: string; slaDueAt: string; resolvedAt: string | null; breached: boolean; customer: { id: string } };
const doc = <R>(source: string) => parse(source) as TypedDocumentNode<R, Record<string, unknown>>;
const TICKET = 'id subject priority status createdAt slaDueAt resolvedAt breached customer { id }';
const Open = doc<{ openTicket: { ticket: T | null; userErrors: Err[] } }>(
  `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { ${TICKET} } userErrors { code field message } } }`,
);
const Update = doc<{ updateTicketStatus: { ticket: T | null; userErrors: Err[] } }>(
  `mutation($id: ID!, $status: TicketStatus!) { updateTicketStatus(id: $id, status: $status) { ticket { ${TICKET} } userErrors { code field message } } }`,
);
const List = doc<{ tickets: { totalCount: number; edges: { node: T }[] } | null }>(
  `query($status: [TicketStatus!], $breached: Boolean) { tickets(first: 100, status: $status, breached: $breached) { totalCount edges { node { ${TICKET} } } } }`,
);
const One = doc<{ ticket: T | null }>(`query($id: ID!) { ticket(id: $id) { ${TICKET} } }`);

let gw: TestGateway;
let crew: Crew;
let customer: string;

beforeAll(async () => {
  gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000' });
  crew = await createCrew(gw);
  customer = (await createCustomer(gw, crew.rep1, { name: 'Needs Help Ltd' })).id;
});
afterAll(() => gw?.stop());

const open = async (token: string, input: Record<string, unknown>) => (await gw.gql(Open, { input }, token)).openTicket;
const ids = async (token: string, vars: Record<string, unknown> = {}) => (await gw.gql(List, vars, token)).tickets!.edges.map((e) => e.node.id);

it('opens a ticket with the SLA of its priority', async () => {
  const hours = { URGENT: 4, HIGH: 8, NORMAL: 24, LOW: 72 } as const;
  for (const [priority, h] of Object.entries(hours)) {
    const r = await open(crew.support, { customerId: customer, subject: `Printer ${priority}`, priority });
    expect(r.userErrors).toEqual([]);
    const t = r.ticket!;
    expect(t).toMatchObject({ status: 'OPEN', resolvedAt: null, breached: false, customer: { id: customer } });
    expect(new Date(t.slaDueAt).getTime() - new Date(t.createdAt).getTime()).toBe(h * 3600_000);
  }
});

it('moves by the table: RESOLVED sets resolvedAt, reopening clears it, CLOSED is final', async () => {
  const t = (await open(crew.support, { customerId: customer, subject: 'Login broken', priority: 'HIGH' })).ticket!;
  const resolved = (await gw.gql(Update, { id: t.id, status: 'RESOLVED' }, crew.support)).updateTicketStatus.ticket!;
  expect(resolved.status).toBe('RESOLVED');
  expect(resolved.resolvedAt).not.toBeNull();
  const reopened = (await gw.gql(Update, { id: t.id, status: 'OPEN' }, crew.support)).updateTicketStatus.ticket!;
  expect(reopened).toMatchObject({ status: 'OPEN', resolvedAt: null });
  expect((await gw.gql(Update, { id: t.id, status: 'CLOSED' }, crew.admin)).updateTicketStatus.ticket?.resolvedAt).not.toBeNull();
  const again = (await gw.gql(Update, { id: t.id, status: 'OPEN' }, crew.support)).updateTicketStatus;
  expect(again.ticket).toBeNull();
  expect(again.userErrors.map((e) => e.code)).toEqual(['INVALID_TRANSITION']);
  expect((await gw.gql(One, { id: t.id }, crew.support)).ticket?.status).toBe('CLOSED');
});

it('marks and filters breached tickets by the domain’s rule: unresolved past the deadline', async () => {
  const late = (await open(crew.support, { customerId: customer, subject: 'Late one', priority: 'URGENT' })).ticket!;
  const lateButResolved = (await open(crew.support, { customerId: customer, subject: 'Late, resolved', priority: 'URGENT' })).ticket!;
  await gw.gql(Update, { id: lateButResolved.id, status: 'RESOLVED' }, crew.support);
  const db = new Client({ connectionString: gw.databaseUrl });
  await db.connect();
  await db.query(`update tickets set sla_due_at = now() - interval '1 hour' where id = any($1)`, [[late.id, lateButResolved.id]]);
  await db.end();

  expect((await gw.gql(One, { id: late.id }, crew.support)).ticket?.breached).toBe(true);
  expect((await gw.gql(One, { id: lateButResolved.id }, crew.support)).ticket?.breached).toBe(false);
  const breached = await ids(crew.support, { breached: true });
  expect(breached).toContain(late.id);
  expect(breached).not.toContain(lateButResolved.id);
  const fine = await ids(crew.support, { breached: false });
  expect(fine).toContain(lateButResolved.id);
  expect(fine).not.toContain(late.id);
  for (const t of (await gw.gql(List, {}, crew.support)).tickets!.edges) expect(t.node.breached).toBe(breached.includes(t.node.id));
});

it('follows the role table on every path', async () => {
  const t = (await open(crew.support, { customerId: customer, subject: 'Role check', priority: 'LOW' })).ticket!;
  // The customer's rep reads its tickets; the other rep sees none of them.
  expect(await ids(crew.rep1)).toContain(t.id);
  expect(await ids(crew.rep2)).not.toContain(t.id);
  expect((await gw.gql(One, { id: t.id }, crew.rep2)).ticket).toBeNull();
  // Only SUPPORT and ADMIN write tickets.
  for (const token of [crew.rep1, crew.manager, crew.finance]) {
    expect((await open(token, { customerId: customer, subject: 'x', priority: 'LOW' })).userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    expect((await gw.gql(Update, { id: t.id, status: 'IN_PROGRESS' }, token)).updateTicketStatus.userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
  }
  // The warehouse reads no tickets.
  for (const r of [await gw.request(List, {}, crew.warehouse), await gw.request(One, { id: t.id }, crew.warehouse)]) expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
});

it('refuses bad input with its path and writes nothing', async () => {
  const before = (await gw.gql(List, {}, crew.support)).tickets!.totalCount;
  const empty = await open(crew.support, { customerId: customer, subject: '', priority: 'LOW' });
  expect(empty.userErrors.map((e) => [e.code, e.field])).toEqual([['BAD_USER_INPUT', ['input', 'subject']]]);
  const nobody = await open(crew.support, { customerId: '00000000-0000-4000-8000-000000000000', subject: 'x', priority: 'LOW' });
  expect(nobody.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'customerId'], message: 'No such customer.' }]);
  const missing = await gw.gql(Update, { id: '00000000-0000-4000-8000-000000000000', status: 'RESOLVED' }, crew.support);
  expect(missing.updateTicketStatus.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['id'], message: 'No such ticket.' }]);
  expect((await gw.request(Open, { input: { customerId: customer, subject: 'x', priority: 'SOMEDAY' } }, crew.support)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect((await gw.request(Update, { id: 'not-an-id', status: 'OPEN' }, crew.support)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect((await gw.gql(List, {}, crew.support)).tickets!.totalCount).toBe(before);
});
