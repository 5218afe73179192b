import { ConfirmOrderDocument, CreateOrderDocument, InvoiceOrderDocument, RecordPaymentDocument, ShipOrderDocument } from '@tandem/client';
import { query } from '../src/db/sql';
import { createCrew, createCustomer, createOrder, createProduct, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * Business abuse closed at the source: what a quote would need a manager's
 * approval for, a rep cannot give on an order; documents are never dated in the
 * future, far back, or before what they refer to.
 */
let gw: TestGateway;
let crew: Crew;
let productId: string;
let customerId: string;

beforeAll(async () => {
  gw = await startTestGateway({ BACKDATING_DAYS: '90' });
  crew = await createCrew(gw);
  productId = (await createProduct(gw, crew.manager, { sku: 'RULE-1', unitPrice: '100.00', taxRate: '0', initialStock: 50 })).id;
  customerId = (await createCustomer(gw, crew.rep1, { name: 'Rules Co', paymentTermsDays: 30 })).id;
});
afterAll(async () => {
  await gw?.stop();
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const orderCount = async () => Number((await query<{ n: string }>(gw.app.orm.em.fork(), 'select count(*) as n from orders where customer_id = ?', [customerId]))[0].n);

describe('price concessions on orders', () => {
  it.each([
    ['a discount over the rep limit', { discountPercent: '15.5' }, 'discountPercent'],
    ['a price below list', { unitPrice: '99.99' }, 'unitPrice'],
  ])('refuses %s from a rep, writing nothing', async (_what, line, field) => {
    const before = await orderCount();
    const r = await gw.gql(CreateOrderDocument, { input: { customerId, lines: [{ productId, quantity: 1, ...line }] } }, crew.rep1);
    expect(r.createOrder.order).toBeNull();
    expect(r.createOrder.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN', field: ['input', 'lines', '0', field] })]);
    expect(await orderCount()).toBe(before);
  });

  it('lets a rep give up to the limit, or charge above list, and a manager give more', async () => {
    expect((await gw.gql(CreateOrderDocument, { input: { customerId, lines: [{ productId, quantity: 1, discountPercent: '15' }] } }, crew.rep1)).createOrder.userErrors).toEqual([]);
    expect((await gw.gql(CreateOrderDocument, { input: { customerId, lines: [{ productId, quantity: 1, unitPrice: '120.00' }] } }, crew.rep1)).createOrder.userErrors).toEqual([]);
    const managed = await gw.gql(CreateOrderDocument, { input: { customerId, lines: [{ productId, quantity: 1, discountPercent: '40', unitPrice: '50.00' }] } }, crew.manager);
    expect(managed.createOrder.userErrors).toEqual([]);
    expect(managed.createOrder.order?.total).toBe('30.00');
  });
});

describe('document dates', () => {
  it.each([
    ['tomorrow', day(1), 'An order cannot be dated in the future.'],
    ['beyond the back-dating window', day(-91), `An order cannot be dated more than 90 days back (before ${day(-90)}).`],
  ])('refuses an order dated %s', async (_what, orderDate, message) => {
    const r = await gw.gql(CreateOrderDocument, { input: { customerId, orderDate, lines: [{ productId, quantity: 1 }] } }, crew.rep1);
    expect(r.createOrder.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'orderDate'], message }]);
  });

  it('refuses an invoice dated before its order, and a payment applied to an invoice issued after it was received', async () => {
    const o = await createOrder(gw, crew.rep1, customerId, [{ productId, quantity: 1 }], day(-10));
    await gw.gql(ConfirmOrderDocument, { id: o.id }, crew.rep1);
    await gw.gql(ShipOrderDocument, { id: o.id }, crew.warehouse);
    const early = await gw.gql(InvoiceOrderDocument, { orderId: o.id, issueDate: day(-11) }, crew.finance);
    expect(early.invoiceOrder.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['issueDate'], message: `An invoice cannot be issued before its order (dated ${day(-10)}).` }]);
    const invoice = (await gw.gql(InvoiceOrderDocument, { orderId: o.id, issueDate: day(-5) }, crew.finance)).invoiceOrder.invoice!;

    const paidBefore = await gw.gql(RecordPaymentDocument, { input: { customerId, amount: '10.00', receivedOn: day(-6), allocations: [{ invoiceId: invoice.id, amount: '10.00' }] } }, crew.finance);
    expect(paidBefore.recordPayment.userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'allocations', '0', 'invoiceId'] })]);
    // Without a list, a payment received before the invoice leaves it alone: unapplied credit.
    const unapplied = await gw.gql(RecordPaymentDocument, { input: { customerId, amount: '10.00', receivedOn: day(-6) } }, crew.finance);
    expect(unapplied.recordPayment.payment).toMatchObject({ unappliedAmount: '10.00', allocations: [] });
    const tooOld = await gw.gql(RecordPaymentDocument, { input: { customerId, amount: '10.00', receivedOn: day(-91) } }, crew.finance);
    expect(tooOld.recordPayment.userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'receivedOn'] })]);
  });
});
