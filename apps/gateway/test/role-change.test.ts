import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse, print } from 'graphql';
import { AlertsDocument, AlertStreamDocument, Customer360Document, LoginDocument, MeDocument, PlaceCreditHoldDocument, ReleaseCreditHoldDocument, type AlertStreamSubscription } from '@tandem/client';
import { createCrew, createCustomer, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';
import { until } from './support/until';

/**
 * What a user may read follows its role as it is now, not the role it signed
 * in with: its next request, its alert history and the alerts its open
 * sockets deliver change when an ADMIN changes the role, on every instance;
 * a switched-off user's tokens and sockets stop working at once.
 */
type UpdateUser = { updateUser: { user: { id: string; role: string; active: boolean } | null; userErrors: { code: string; field: string[] | null; message: string }[] } };
const UpdateUserDocument = parse(`mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
  updateUser(id: $id, input: $input) { user { id role active } userErrors { code field message } }
}`) as TypedDocumentNode<UpdateUser, { id: string; input: { role?: string; active?: boolean; name?: string } }>;

let gw: TestGateway;
let other: TestGateway;
let crew: Crew;

beforeAll(async () => {
  gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000' });
  // A second instance on the same database: a change made on one reaches the sockets of the other.
  other = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000' }, gw.databaseUrl);
  crew = await createCrew(gw);
});
afterAll(async () => {
  await other?.stop();
  await gw?.stop();
});

/** Collects the CREDIT_HOLD alerts a viewer's socket delivers, and how the socket closed. */
function stream(on: TestGateway, token: string) {
  const got: AlertStreamSubscription['alertRaised'][] = [];
  const closed: { code?: number } = {};
  const client = on.ws(token);
  client.on('closed', (e) => (closed.code = (e as { code?: number }).code));
  const dispose = client.subscribe<AlertStreamSubscription>(
    { query: print(AlertStreamDocument), variables: { kinds: ['CREDIT_HOLD'] } },
    { next: (r) => r.data && got.push(r.data.alertRaised), error: () => undefined, complete: () => undefined },
  );
  const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
  return { got, closed, dispose, connected };
}

async function hold(customerId: string, reason: string) {
  await gw.gql(ReleaseCreditHoldDocument, { customerId }, crew.finance);
  const r = await gw.gql(PlaceCreditHoldDocument, { customerId, reason }, crew.finance);
  expect(r.placeCreditHold.userErrors).toEqual([]);
}

const heldFor = async (token: string, customerId: string) =>
  (await gw.gql(AlertsDocument, { first: 100 }, token)).alerts.edges.filter((e) => e.node.kind === 'CREDIT_HOLD' && e.node.customer?.id === customerId).map((e) => e.node.message);

it('a rep moved to the warehouse loses its customers and their alerts at once, and a warehouse user made FINANCE gains them', async () => {
  const c = await createCustomer(gw, crew.rep1, { name: 'Role Co' });
  await hold(c.id, 'before the change');
  expect(await heldFor(crew.rep1, c.id)).toEqual(['Role Co is on credit hold: before the change.']);
  expect(await heldFor(crew.warehouse, c.id)).toEqual([]);

  // Sockets opened before the change, on the other instance.
  const rep = stream(other, crew.rep1);
  const wh = stream(other, crew.warehouse);
  await Promise.all([rep.connected, wh.connected]);
  await hold(c.id, 'while both still had their old roles');
  await until(() => rep.got.length === 1, 'the rep to hear the hold');
  expect(wh.got).toEqual([]);

  const demoted = await gw.gql(UpdateUserDocument, { id: crew.ids.rep1, input: { role: 'WAREHOUSE' } }, crew.admin);
  expect(demoted.updateUser).toEqual({ user: { id: crew.ids.rep1, role: 'WAREHOUSE', active: true }, userErrors: [] });
  const promoted = await gw.gql(UpdateUserDocument, { id: crew.ids.warehouse, input: { role: 'FINANCE' } }, crew.admin);
  expect(promoted.updateUser.userErrors).toEqual([]);

  // The same tokens, on both instances: the role is read as it is now.
  for (const on of [gw, other]) {
    expect((await on.gql(MeDocument, {}, crew.rep1)).me.role).toBe('WAREHOUSE');
    const asWarehouse = await on.request(Customer360Document, { id: c.id }, crew.rep1);
    expect(asWarehouse.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await on.gql(Customer360Document, { id: c.id }, crew.warehouse)).customer?.name).toBe('Role Co');
  }
  expect(await heldFor(crew.rep1, c.id)).toEqual([]);
  expect(await heldFor(crew.warehouse, c.id)).toHaveLength(2);

  // Live: the next hold reaches the new FINANCE user's open socket and not the former rep's.
  await hold(c.id, 'after the change');
  await until(() => wh.got.length === 1, 'the promoted user to hear the hold');
  expect(wh.got[0].message).toBe('Role Co is on credit hold: after the change.');
  await new Promise((r) => setTimeout(r, 300));
  expect(rep.got.map((a) => a.message)).toEqual(['Role Co is on credit hold: while both still had their old roles.']);
  rep.dispose();
  wh.dispose();
});

it('switching a user off refuses its tokens and sign-in and closes its sockets, on every instance', async () => {
  const live = stream(other, crew.support);
  await live.connected;
  const off = await gw.gql(UpdateUserDocument, { id: crew.ids.support, input: { active: false } }, crew.admin);
  expect(off.updateUser.user?.active).toBe(false);
  await until(() => live.closed.code !== undefined, 'the socket to close');
  expect(live.closed.code).toBe(4401);
  for (const on of [gw, other]) {
    const r = await on.request(MeDocument, {}, crew.support);
    expect(r.status).toBe(401);
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  }
  const again = await gw.gql(LoginDocument, { email: 'support@t.tandem', password: 'crew-password' });
  expect(again.login.userErrors.map((e) => e.code)).toEqual(['INVALID_CREDENTIALS']);

  const on = await gw.gql(UpdateUserDocument, { id: crew.ids.support, input: { active: true } }, crew.admin);
  expect(on.updateUser.user?.active).toBe(true);
  expect((await other.gql(MeDocument, {}, crew.support)).me.role).toBe('SUPPORT');
});

it('only an ADMIN changes users, the last active ADMIN stays one, and bad input writes nothing', async () => {
  const byManager = await gw.gql(UpdateUserDocument, { id: crew.ids.rep2, input: { role: 'ADMIN' } }, crew.manager);
  expect(byManager.updateUser).toEqual({ user: null, userErrors: [expect.objectContaining({ code: 'FORBIDDEN' })] });
  expect((await gw.gql(MeDocument, {}, crew.rep2)).me.role).toBe('SALES_REP');

  const self = await gw.gql(UpdateUserDocument, { id: crew.ids.admin, input: { role: 'FINANCE' } }, crew.admin);
  expect(self.updateUser.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'role'] })]);
  const selfOff = await gw.gql(UpdateUserDocument, { id: crew.ids.admin, input: { active: false } }, crew.admin);
  expect(selfOff.updateUser.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'active'] })]);
  expect((await gw.gql(MeDocument, {}, crew.admin)).me.role).toBe('ADMIN');

  // With a second admin, the first may step down.
  await gw.gql(UpdateUserDocument, { id: crew.ids.manager, input: { role: 'ADMIN' } }, crew.admin);
  expect((await gw.gql(UpdateUserDocument, { id: crew.ids.admin, input: { role: 'SALES_MANAGER' } }, crew.admin)).updateUser.userErrors).toEqual([]);
  expect((await gw.gql(UpdateUserDocument, { id: crew.ids.admin, input: { role: 'ADMIN' } }, crew.manager)).updateUser.userErrors).toEqual([]);
  expect((await gw.gql(UpdateUserDocument, { id: crew.ids.manager, input: { role: 'SALES_MANAGER' } }, crew.admin)).updateUser.userErrors).toEqual([]);

  const missing = await gw.gql(UpdateUserDocument, { id: '00000000-0000-4000-8000-000000000000', input: { role: 'FINANCE' } }, crew.admin);
  expect(missing.updateUser.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['id'] })]);
  const notAnId = await gw.request(UpdateUserDocument, { id: 'x', input: { role: 'FINANCE' } }, crew.admin);
  expect(notAnId.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  const emptyName = await gw.gql(UpdateUserDocument, { id: crew.ids.rep2, input: { name: '' } }, crew.admin);
  expect(emptyName.updateUser.userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'name'] })]);
  const badRole = await gw.request(UpdateUserDocument, { id: crew.ids.rep2, input: { role: 'OWNER' } }, crew.admin);
  expect(badRole.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});
