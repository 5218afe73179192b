import { holdCause, type BusinessEvent } from '@tandem/domain';
import { ConfirmOrderDocument } from '@tandem/client';
import { todayUtc } from '../src/db/sql';
import { addEventConsumer } from '../src/events/event-dispatcher';
import { loadCreditFacts } from '../src/modules/customers/credit-facts';
import { creditFiguresOf } from '../src/modules/customers/credit-view';
import { createCrew, createCustomer, createOrder, createProduct, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';
import { recordStatements } from './support/statements';

/**
 * confirmOrder is the hot write path: every statement is a round trip made
 * while the customer's lock is held. These counts fail if it creeps up again
 * (BEGIN and COMMIT/ROLLBACK included). A credit refusal is two transactions:
 * the rolled-back check, then the refusal's audit line and alert in one
 * statement (autocommit).
 */
let gw: TestGateway;
let crew: Crew;
const statements: string[] = [];
const confirmed: { event: Extract<BusinessEvent, { type: 'OrderConfirmed' }>; readInTx: unknown }[] = [];
let remove: () => void;

beforeAll(async () => {
  // No background work on the pool while statements are counted: no scan, no alert hub catch-up poll.
  gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000' });
  crew = await createCrew(gw);
  await recordStatements(gw, statements);
}, 120_000);
afterAll(async () => {
  remove?.();
  await gw?.stop();
});

async function confirmCounting(orderId: string, token: string) {
  statements.length = 0;
  const r = await gw.gql(ConfirmOrderDocument, { id: orderId }, token);
  if (process.env.PRINT_STATEMENTS) process.stdout.write(`confirmOrder (${r.confirmOrder.userErrors[0]?.code ?? 'confirmed'}): ${statements.length} statements\n${statements.join('\n')}\n`);
  return { r: r.confirmOrder, count: statements.length };
}

it('confirms in 7 statements and refuses for credit in 6', async () => {
  const p1 = await createProduct(gw, crew.manager, { sku: 'CS-1', unitPrice: '10.00', taxRate: '0.2', initialStock: 1000 });
  const p2 = await createProduct(gw, crew.manager, { sku: 'CS-2', unitPrice: '10.00', taxRate: '0.2', initialStock: 1000 });
  const c = await createCustomer(gw, crew.rep1, { name: 'Count confirm' }, { finance: crew.finance, limit: '100.00' });
  const a = await createOrder(gw, crew.rep1, c.id, [
    { productId: p1.id, quantity: 2 },
    { productId: p2.id, quantity: 1 },
  ]);
  const b = await createOrder(gw, crew.rep1, c.id, [{ productId: p1.id, quantity: 7 }]);

  const ok = await confirmCounting(a.id, crew.rep1);
  expect(ok.r.order?.status).toBe('CONFIRMED');
  // BEGIN, customer, order with lines, credit facts, products, then stock, status, timeline and audit as one statement, COMMIT.
  expect(ok.count).toBeLessThanOrEqual(7);

  const no = await confirmCounting(b.id, crew.rep1);
  expect(no.r.userErrors.map((e) => e.code)).toEqual(['CREDIT_LIMIT_EXCEEDED']);
  // BEGIN, customer, order, credit facts, ROLLBACK; then the audit line, the outbox lock, the alert and its NOTIFY as one statement.
  expect(no.count).toBeLessThanOrEqual(6);
});

it("states the credit move of a confirmation as the facts read after it, in the confirmation's transaction", async () => {
  remove = addEventConsumer({
    name: 'credit-after',
    async consume(tx, events) {
      for (const e of events) {
        if (e.type !== 'OrderConfirmed') continue;
        const facts = (await loadCreditFacts(tx, [e.customer.customerId], todayUtc())).get(e.customer.customerId)!;
        const summary = creditFiguresOf(facts, todayUtc());
        confirmed.push({ event: e, readInTx: { after: summary.status, holdCause: holdCause({ ...summary, oldestOverdueInvoiceId: facts.oldestOverdueInvoiceId }) } });
      }
    },
  });
  const p = await createProduct(gw, crew.manager, { sku: 'CS-3', unitPrice: '10.00', taxRate: '0.2', initialStock: 1000 });
  const limited = await createCustomer(gw, crew.rep1, { name: 'Credit move' }, { finance: crew.finance, limit: '100.00' });
  const unlimited = await createCustomer(gw, crew.rep1, { name: 'No limit' });
  // 36.00, 36.00, then 12.00 takes exposure to 84.00: OK, OK, WARNING (80 % of the limit); then 12.00 more with no limit.
  for (const [customer, quantity] of [
    [limited, 3],
    [limited, 3],
    [limited, 1],
    [unlimited, 1],
  ] as const) {
    const o = await createOrder(gw, crew.rep1, customer.id, [{ productId: p.id, quantity }]);
    const r = await gw.gql(ConfirmOrderDocument, { id: o.id }, crew.rep1);
    expect(r.confirmOrder.userErrors).toEqual([]);
  }
  expect(confirmed.map((c) => c.event.credit.after)).toEqual(['OK', 'OK', 'WARNING', 'OK']);
  for (const c of confirmed) expect({ after: c.event.credit.after, holdCause: c.event.credit.holdCause }).toEqual(c.readInTx);
});
