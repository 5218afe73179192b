import { print } from 'graphql';
import { AlertsDocument, AlertStreamDocument, PlaceCreditHoldDocument, ReleaseCreditHoldDocument, UpdateCustomerDocument, WebAlertCountsDocument, type AlertStreamSubscription } from '@tandem/client';
import { createCrew, createCustomer, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';
import { until } from './support/until';

/**
 * Who hears an alert follows who may read its subject now: when a customer
 * moves to another rep, its alerts (history, resumed streams and live ones)
 * move with it.
 */
let gw: TestGateway;
let crew: Crew;

beforeAll(async () => {
  gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000' });
  crew = await createCrew(gw);
});
afterAll(async () => {
  await gw?.stop();
});

const listedFor = async (token: string, customerId: string) =>
  (await gw.gql(AlertsDocument, { first: 100 }, token)).alerts.edges.filter((e) => e.node.customer?.id === customerId || e.node.customer === null).map((e) => e.node.id);

/** Collects the alerts a viewer's stream delivers. */
function stream(token: string, after?: string) {
  const got: AlertStreamSubscription['alertRaised'][] = [];
  const dispose = gw
    .ws(token)
    .subscribe<AlertStreamSubscription>(
      { query: print(AlertStreamDocument), variables: { kinds: ['CREDIT_HOLD'], ...(after ? { after } : {}) } },
      { next: (r) => r.data && got.push(r.data.alertRaised), error: () => undefined, complete: () => undefined },
    );
  return { got, dispose };
}

it('moves a customer’s alerts, past and future, to its new owner', async () => {
  const c = await createCustomer(gw, crew.rep1, { name: 'Moving Co' });
  const hold = await gw.gql(PlaceCreditHoldDocument, { customerId: c.id, reason: 'first' }, crew.finance);
  expect(hold.placeCreditHold.userErrors).toEqual([]);
  const before = await gw.gql(AlertsDocument, { first: 100 }, crew.finance);
  const first = before.alerts.edges.find((e) => e.node.customer?.id === c.id)!.node;
  expect(await listedFor(crew.rep1, c.id)).toContain(first.id);
  expect(await listedFor(crew.rep2, c.id)).not.toContain(first.id);

  const holdsFor = async (token: string) => (await gw.gql(WebAlertCountsDocument, {}, token)).alertCounts.find((k) => k.kind === 'CREDIT_HOLD')?.count ?? 0;
  const counted = { rep1: await holdsFor(crew.rep1), rep2: await holdsFor(crew.rep2) };
  const moved = await gw.gql(UpdateCustomerDocument, { id: c.id, input: { ownerId: crew.ids.rep2 } }, crew.manager);
  // The dashboard's counters follow too.
  expect({ rep1: await holdsFor(crew.rep1), rep2: await holdsFor(crew.rep2) }).toEqual({ rep1: counted.rep1 - 1, rep2: counted.rep2 + 1 });
  expect(moved.updateCustomer.userErrors).toEqual([]);
  // History: the old owner no longer lists it, the new one does.
  expect(await listedFor(crew.rep1, c.id)).not.toContain(first.id);
  expect(await listedFor(crew.rep2, c.id)).toContain(first.id);

  // Resumed streams replay by current ownership, and live alerts go to the new owner only.
  const rep1 = stream(crew.rep1, '0');
  const rep2 = stream(crew.rep2, '0');
  await until(() => rep2.got.some((a) => a.id === first.id));
  await gw.gql(ReleaseCreditHoldDocument, { customerId: c.id }, crew.finance);
  await gw.gql(PlaceCreditHoldDocument, { customerId: c.id, reason: 'second' }, crew.finance);
  await until(() => rep2.got.some((a) => a.message.includes('second')));
  await new Promise((r) => setTimeout(r, 300));
  expect(rep1.got.filter((a) => a.customer?.id === c.id)).toEqual([]);
  expect(rep2.got.filter((a) => a.customer?.id === c.id).map((a) => a.message)).toEqual(['Moving Co is on credit hold: first.', 'Moving Co is on credit hold: second.']);
  rep1.dispose();
  rep2.dispose();
});
