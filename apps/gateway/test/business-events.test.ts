import type { BusinessEvent } from '@tandem/domain';
import {
  CancelOrderDocument,
  ConfirmOrderDocument,
  CreateCustomerDocument,
  InvoiceOrderDocument,
  PlaceCreditHoldDocument,
  ReceiveStockDocument,
  RecordPaymentDocument,
  ReleaseCreditHoldDocument,
  SetCreditLimitDocument,
  ShipOrderDocument,
  UpdateCustomerDocument,
} from '@tandem/client';
import { query } from '../src/db/sql';
import { addEventConsumer } from '../src/events/event-dispatcher';
import { createCrew, createCustomer, createOrder, createProduct, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * Every write states what happened as business events, dispatched to the
 * consumers inside its own transaction: a new consequence (timeline, audit,
 * ledger) is one more consumer, and it sees exactly what commits.
 */
let gw: TestGateway;
let crew: Crew;
const seen: { event: BusinessEvent; orderStatusInTx?: string }[] = [];
let failOn: string | null = null;
let remove: () => void;

beforeAll(async () => {
  gw = await startTestGateway();
  crew = await createCrew(gw);
  remove = addEventConsumer({
    name: 'test-recorder',
    async consume(tx, events) {
      for (const event of events) {
        if (event.type === failOn) throw new Error(`consumer failed on ${event.type}`);
        // Read inside the write's transaction: the consumer sees the change it is told about.
        const orderId = 'order' in event ? event.order.orderId : null;
        const orderStatusInTx = orderId ? (await query<{ status: string }>(tx, 'select status from orders where id = ?', [orderId]))[0]?.status : undefined;
        seen.push({ event, orderStatusInTx });
      }
    },
  });
});
afterAll(async () => {
  remove?.();
  await gw?.stop();
});

const drain = () => seen.splice(0, seen.length);
const types = () => drain().map((s) => s.event.type);

it('states each order-to-cash step as a typed event with the facts before and after', async () => {
  const p = await createProduct(gw, crew.manager, { sku: 'EVT-1', unitPrice: '100.00', taxRate: '0', initialStock: 10, reorderPoint: 8 });
  const c = await createCustomer(gw, crew.rep1, { name: 'Eventful Co', paymentTermsDays: 30 });
  expect(types()).toEqual(['ProductCreated', 'CustomerCreated']);

  await gw.gql(SetCreditLimitDocument, { customerId: c.id, limit: '500.00' }, crew.finance);
  const [limit] = drain();
  expect(limit.event).toMatchObject({ type: 'CreditLimitChanged', limitBefore: null, limitAfter: '500.00', credit: { before: 'OK', after: 'OK', holdCause: null }, actorId: crew.ids.finance });

  await gw.gql(UpdateCustomerDocument, { id: c.id, input: { name: 'Eventful Ltd', paymentTermsDays: 30 } }, crew.rep1);
  const [updated] = drain();
  expect(updated.event).toMatchObject({ type: 'CustomerUpdated', changes: [{ field: 'name', before: 'Eventful Co', after: 'Eventful Ltd' }] });

  const o = await createOrder(gw, crew.rep1, c.id, [{ productId: p.id, quantity: 4 }]);
  expect(types()).toEqual(['OrderCreated']);
  expect((await gw.gql(ConfirmOrderDocument, { id: o.id }, crew.rep1)).confirmOrder.userErrors).toEqual([]);
  const [confirmed] = drain();
  expect(confirmed.orderStatusInTx).toBe('CONFIRMED');
  expect(confirmed.event).toMatchObject({
    type: 'OrderConfirmed',
    customer: { customerId: c.id, customerName: 'Eventful Ltd', ownerId: crew.ids.rep1 },
    total: '400.00',
    credit: { before: 'OK', after: 'WARNING' }, // 400 of 500 is 80 %
    stock: [{ productId: p.id, before: { onHand: 10, reserved: 0 }, after: { onHand: 10, reserved: 4 } }],
  });

  await gw.gql(ShipOrderDocument, { id: o.id }, crew.warehouse);
  const [shipped] = drain();
  expect(shipped.event).toMatchObject({ type: 'OrderShipped', stock: [{ before: { onHand: 10, reserved: 4 }, after: { onHand: 6, reserved: 0 } }] });
  await gw.gql(InvoiceOrderDocument, { orderId: o.id }, crew.finance);
  const [invoiced] = drain();
  expect(invoiced.event).toMatchObject({ type: 'InvoiceIssued', invoice: { total: '400.00' }, credit: { before: 'WARNING', after: 'WARNING' } });
  await gw.gql(RecordPaymentDocument, { input: { customerId: c.id, amount: '450.00' } }, crew.finance);
  const [paid] = drain();
  expect(paid.event).toMatchObject({ type: 'PaymentReceived', amount: '450.00', unapplied: '50.00', credit: { before: 'WARNING', after: 'OK' } });

  await gw.gql(PlaceCreditHoldDocument, { customerId: c.id, reason: 'audit' }, crew.finance);
  await gw.gql(ReleaseCreditHoldDocument, { customerId: c.id }, crew.finance);
  expect(drain().map((s) => [s.event.type, 'credit' in s.event ? s.event.credit : null])).toEqual([
    ['HoldPlaced', { before: 'OK', after: 'ON_HOLD', holdCause: { kind: 'HOLD_PLACED' } }],
    ['HoldReleased', { before: 'ON_HOLD', after: 'OK', holdCause: null }],
  ]);
  await gw.gql(ReceiveStockDocument, { input: { productId: p.id, quantity: 3 } }, crew.warehouse);
  expect(drain()[0].event).toMatchObject({ type: 'StockReceived', quantity: 3, stock: { before: { onHand: 6 }, after: { onHand: 9 } } });
});

it('states a refused credit check in a transaction of its own, and nothing for other refusals', async () => {
  const p = await createProduct(gw, crew.manager, { sku: 'EVT-2', unitPrice: '80.00', taxRate: '0', initialStock: 1 });
  const c = await createCustomer(gw, crew.rep1, { name: 'Refused Co' }, { finance: crew.finance, limit: '100.00' });
  drain();
  const big = await createOrder(gw, crew.rep1, c.id, [{ productId: p.id, quantity: 2 }]);
  drain();
  expect((await gw.gql(ConfirmOrderDocument, { id: big.id }, crew.rep1)).confirmOrder.userErrors[0].code).toBe('CREDIT_LIMIT_EXCEEDED');
  const [refused] = drain();
  expect(refused.event).toMatchObject({ type: 'OrderCreditRefused', order: { orderId: big.id } });
  expect(refused.orderStatusInTx).toBe('DRAFT'); // the confirmation rolled back before the refusal was told

  await gw.gql(CancelOrderDocument, { id: big.id }, crew.rep1);
  expect(types()).toEqual(['OrderCancelled']);
  const scarce = await createProduct(gw, crew.manager, { sku: 'EVT-3', unitPrice: '1.00', taxRate: '0', initialStock: 1 });
  const free = await createCustomer(gw, crew.rep1, { name: 'No Limit Co' });
  const first = await createOrder(gw, crew.rep1, free.id, [{ productId: scarce.id, quantity: 1 }]);
  const second = await createOrder(gw, crew.rep1, free.id, [{ productId: scarce.id, quantity: 1 }]);
  expect((await gw.gql(ConfirmOrderDocument, { id: first.id }, crew.rep1)).confirmOrder.userErrors).toEqual([]);
  drain();
  expect((await gw.gql(ConfirmOrderDocument, { id: second.id }, crew.rep1)).confirmOrder.userErrors[0].code).toBe('INSUFFICIENT_STOCK');
  expect(types()).toEqual([]);
});

it('rolls the write back when a consumer fails: a consequence never exists without its change, nor the change without it', async () => {
  failOn = 'CustomerCreated';
  try {
    const r = await gw.request(CreateCustomerDocument, { input: { name: 'Half Written Co' } }, crew.rep1);
    expect(r.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  } finally {
    failOn = null;
  }
  const [{ n }] = await query<{ n: string }>(gw.app.orm.em.fork(), `select count(*) as n from customers where name = 'Half Written Co'`);
  expect(Number(n)).toBe(0);
});
