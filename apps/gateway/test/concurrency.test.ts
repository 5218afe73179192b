import { ConfirmOrderDocument, Customer360Document, InvoiceDocument, InvoiceOrderDocument, ProductsDocument, RecordPaymentDocument, ShipOrderDocument, CancelOrderDocument } from '@tandem/client';
import { createCrew, createCustomer, createOrder, createProduct, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * Many clients at once over real HTTP connections against one PostgreSQL: the
 * credit check and the reservations are atomic, stock never goes negative, and
 * shipping, invoicing and payments cannot double-apply.
 */
let gw: TestGateway;
let crew: Crew;
beforeAll(async () => {
  gw = await startTestGateway({ DB_POOL_MAX: '20' });
  crew = await createCrew(gw);
});
afterAll(() => gw?.stop());

const N = 24;

async function stockOf(sku: string) {
  const r = await gw.gql(ProductsDocument, { first: 100 }, crew.warehouse);
  return r.products.edges.find((e) => e.node.sku === sku)!.node.stock;
}

it(`lets exactly k of ${N} simultaneous confirmations through a credit limit that fits k`, async () => {
  const k = 7;
  const p = await createProduct(gw, crew.manager, { sku: 'CC-1', unitPrice: '100.00', taxRate: '0', initialStock: 1000 });
  const c = await createCustomer(gw, crew.rep1, { name: 'Race Credit' }, { finance: crew.finance, limit: `${k * 100}.00` });
  const orders = await Promise.all(Array.from({ length: N }, () => createOrder(gw, crew.rep1, c.id, [{ productId: p.id, quantity: 1 }])));
  const results = await Promise.all(orders.map((o) => gw.gql(ConfirmOrderDocument, { id: o.id }, crew.rep1)));
  const ok = results.filter((r) => r.confirmOrder.order?.status === 'CONFIRMED');
  const refused = results.filter((r) => r.confirmOrder.userErrors[0]?.code === 'CREDIT_LIMIT_EXCEEDED');
  expect(ok).toHaveLength(k);
  expect(refused).toHaveLength(N - k);
  const credit = (await gw.gql(Customer360Document, { id: c.id }, crew.finance)).customer!.credit;
  expect(credit.exposure).toBe(`${k * 100}.00`);
  expect(credit.available).toBe('0.00');
  expect((await stockOf('CC-1')).reserved).toBe(k);
});

it(`lets exactly k of ${N} simultaneous confirmations reserve stock for k units, never below zero`, async () => {
  const k = 5;
  const p = await createProduct(gw, crew.manager, { sku: 'SC-RACE', unitPrice: '1.00', taxRate: '0', initialStock: k });
  const customers = await Promise.all(Array.from({ length: 4 }, (_, i) => createCustomer(gw, i % 2 ? crew.rep1 : crew.rep2, { name: `Race Stock ${i}` })));
  const orders = await Promise.all(Array.from({ length: N }, (_, i) => createOrder(gw, i % 2 ? crew.rep1 : crew.rep2, customers[i % 4].id, [{ productId: p.id, quantity: 1 }])));
  const results = await Promise.all(orders.map((o, i) => gw.gql(ConfirmOrderDocument, { id: o.id }, i % 2 ? crew.rep1 : crew.rep2)));
  expect(results.filter((r) => r.confirmOrder.order?.status === 'CONFIRMED')).toHaveLength(k);
  expect(results.filter((r) => r.confirmOrder.userErrors[0]?.code === 'INSUFFICIENT_STOCK')).toHaveLength(N - k);
  expect(await stockOf('SC-RACE')).toEqual({ onHand: k, reserved: k, available: 0 });

  // Ship and cancel the confirmed ones all at once: each order is either shipped or cancelled, never both.
  const confirmed = orders.filter((_, i) => results[i].confirmOrder.order);
  const races = await Promise.all(
    confirmed.flatMap((o, i) => [
      gw.gql(ShipOrderDocument, { id: o.id }, crew.warehouse).then((r) => ({ id: o.id, kind: 'ship', ok: !!r.shipOrder.order })),
      gw.gql(CancelOrderDocument, { id: o.id }, i % 2 ? crew.rep1 : crew.rep2).then((r) => ({ id: o.id, kind: 'cancel', ok: !!r.cancelOrder.order })),
    ]),
  );
  for (const o of confirmed) expect(races.filter((r) => r.id === o.id && r.ok)).toHaveLength(1);
  const shipped = races.filter((r) => r.kind === 'ship' && r.ok).length;
  expect(await stockOf('SC-RACE')).toEqual({ onHand: k - shipped, reserved: 0, available: k - shipped });
});

it('invoices a shipped order once however many finance clients try at once', async () => {
  const p = await createProduct(gw, crew.manager, { sku: 'INV-RACE', unitPrice: '10.00', taxRate: '0', initialStock: 10 });
  const c = await createCustomer(gw, crew.rep1, { name: 'Race Invoice' });
  const o = await createOrder(gw, crew.rep1, c.id, [{ productId: p.id, quantity: 3 }]);
  await gw.gql(ConfirmOrderDocument, { id: o.id }, crew.rep1);
  await gw.gql(ShipOrderDocument, { id: o.id }, crew.warehouse);
  const results = await Promise.all(Array.from({ length: 20 }, () => gw.gql(InvoiceOrderDocument, { orderId: o.id }, crew.finance)));
  expect(results.filter((r) => r.invoiceOrder.invoice)).toHaveLength(1);
  expect(results.filter((r) => r.invoiceOrder.userErrors[0]?.code === 'NOTHING_TO_INVOICE')).toHaveLength(19);
});

it('never applies more to an invoice than its balance under simultaneous payments', async () => {
  const p = await createProduct(gw, crew.manager, { sku: 'PAY-RACE', unitPrice: '300.00', taxRate: '0', initialStock: 10 });
  const c = await createCustomer(gw, crew.rep1, { name: 'Race Payment' });
  const o = await createOrder(gw, crew.rep1, c.id, [{ productId: p.id, quantity: 1 }]);
  await gw.gql(ConfirmOrderDocument, { id: o.id }, crew.rep1);
  await gw.gql(ShipOrderDocument, { id: o.id }, crew.warehouse);
  const invoice = (await gw.gql(InvoiceOrderDocument, { orderId: o.id }, crew.finance)).invoiceOrder.invoice!;
  const payments = await Promise.all(Array.from({ length: 20 }, () => gw.gql(RecordPaymentDocument, { input: { customerId: c.id, amount: '50.00' } }, crew.finance)));
  expect(payments.every((r) => r.recordPayment.payment)).toBe(true);
  const applied = payments.reduce((s, r) => s + r.recordPayment.payment!.allocations.reduce((t, a) => t + Math.round(Number(a.amount) * 100), 0), 0);
  expect(applied).toBe(30000);
  const inv = await gw.gql(InvoiceDocument, { id: invoice.id }, crew.finance);
  expect(inv.invoice).toMatchObject({ status: 'PAID', amountPaid: '300.00', balanceDue: '0.00' });
  const credit = (await gw.gql(Customer360Document, { id: c.id }, crew.finance)).customer!.credit;
  expect(credit.unappliedCredit).toBe('700.00');
  expect(credit.exposure).toBe('-700.00');
});
