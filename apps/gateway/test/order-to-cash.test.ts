import {
  CustomerDashboardDocument,
  CancelOrderDocument,
  ConfirmOrderDocument,
  CreditCheckDocument,
  Customer360Document,
  InvoiceDocument,
  InvoiceOrderDocument,
  OrderDocument,
  PlaceCreditHoldDocument,
  ProductsDocument,
  ReceivablesAgingDocument,
  ReceiveStockDocument,
  RecordPaymentDocument,
  ReleaseCreditHoldDocument,
  ShipOrderDocument,
} from '@tandem/client';
import { createCrew, createCustomer, createOrder, createProduct, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

let gw: TestGateway;
let crew: Crew;
beforeAll(async () => {
  // The aging case works on fixed 2025 dates, further back than the default one-year back-dating window.
  gw = await startTestGateway({ BACKDATING_DAYS: '3650' });
  crew = await createCrew(gw);
});
afterAll(() => gw?.stop());

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const today = () => new Date().toISOString().slice(0, 10);

describe('an order from draft to cash, with the contract numbers', () => {
  let widget: { id: string };
  let gadget: { id: string };
  let customerId: string;
  let orderId: string;
  let invoiceId: string;

  it('prices the draft exactly as the contract says', async () => {
    widget = await createProduct(gw, crew.manager, { sku: 'WID-1', unitPrice: '100.00', taxRate: '0.2', initialStock: 10, reorderPoint: 2 });
    gadget = await createProduct(gw, crew.manager, { sku: 'GAD-1', unitPrice: '19.99', taxRate: '0.075', initialStock: 5 });
    customerId = (await createCustomer(gw, crew.rep1, { name: 'Acme Ltd', paymentTermsDays: 30 }, { finance: crew.finance, limit: '1000.00' })).id;
    const order = await createOrder(gw, crew.rep1, customerId, [
      { productId: widget.id, quantity: 3, discountPercent: '10' },
      { productId: gadget.id, quantity: 2 },
    ]);
    orderId = order.id;
    expect(order.status).toBe('DRAFT');
    expect(order.number).toMatch(/^SO-\d{6}$/);
    expect(order.lines.map((l) => [l.quantity, l.unitPrice, l.discountPercent, l.lineTotal, l.taxAmount])).toEqual([
      [3, '100.00', '10.0000', '270.00', '54.00'],
      [2, '19.99', '0.0000', '39.98', '3.00'],
    ]);
    expect([order.subtotal, order.taxTotal, order.total]).toEqual(['309.98', '57.00', '366.98']);
  });

  it('confirms within the limit, reserving credit and stock in one step', async () => {
    const r = await gw.gql(ConfirmOrderDocument, { id: orderId }, crew.rep1);
    expect(r.confirmOrder.userErrors).toEqual([]);
    expect(r.confirmOrder.order?.status).toBe('CONFIRMED');
    expect(r.confirmOrder.creditCheck).toEqual({ approved: true, reason: null, limit: '1000.00', exposureBefore: '0.00', exposureAfter: '366.98', available: '633.02' });
    const products = await gw.gql(ProductsDocument, { first: 10 }, crew.warehouse);
    const stock = Object.fromEntries(products.products.edges.map((e) => [e.node.sku, e.node.stock]));
    expect(stock['WID-1']).toEqual({ onHand: 10, reserved: 3, available: 7 });
    expect(stock['GAD-1']).toEqual({ onHand: 5, reserved: 2, available: 3 });
    const again = await gw.gql(ConfirmOrderDocument, { id: orderId }, crew.rep1);
    expect(again.confirmOrder.userErrors[0].code).toBe('INVALID_TRANSITION');
  });

  it('ships part, invoices what shipped, and keeps credit figures consistent', async () => {
    const ship = await gw.gql(ShipOrderDocument, { id: orderId, lines: [{ productId: widget.id, quantity: 2 }] }, crew.warehouse);
    expect(ship.shipOrder.userErrors).toEqual([]);
    expect(ship.shipOrder.order?.status).toBe('PARTIALLY_SHIPPED');
    expect(ship.shipOrder.shipment?.lines).toEqual([{ product: { id: widget.id, sku: 'WID-1' }, quantity: 2 }]);

    const inv = await gw.gql(InvoiceOrderDocument, { orderId, issueDate: today() }, crew.finance);
    expect(inv.invoiceOrder.userErrors).toEqual([]);
    const invoice = inv.invoiceOrder.invoice!;
    invoiceId = invoice.id;
    expect(invoice).toMatchObject({ status: 'OPEN', issueDate: today(), dueDate: addDays(today(), 30), total: '216.00', amountPaid: '0.00', balanceDue: '216.00', overdue: false, daysOverdue: 0 });

    const nothing = await gw.gql(InvoiceOrderDocument, { orderId }, crew.finance);
    expect(nothing.invoiceOrder.userErrors[0].code).toBe('NOTHING_TO_INVOICE');

    const c360 = await gw.gql(Customer360Document, { id: customerId }, crew.rep1);
    expect(c360.customer?.credit).toEqual({
      limit: '1000.00',
      openReceivables: '216.00',
      uninvoicedOrders: '150.98',
      unappliedCredit: '0.00',
      exposure: '366.98',
      available: '633.02',
      utilization: '0.3670',
      overdueAmount: '0.00',
      status: 'OK',
      onHold: false,
      holdReason: null,
    });
  });

  it('records a payment oldest-due-first and leaves the rest unapplied', async () => {
    const r = await gw.gql(RecordPaymentDocument, { input: { customerId, amount: '300.00', reference: 'WIRE-1' } }, crew.finance);
    expect(r.recordPayment.userErrors).toEqual([]);
    expect(r.recordPayment.payment).toMatchObject({ amount: '300.00', unappliedAmount: '84.00', reference: 'WIRE-1' });
    expect(r.recordPayment.payment?.allocations).toEqual([{ invoice: { id: invoiceId, number: expect.stringMatching(/^INV-/) }, amount: '216.00' }]);
    const inv = await gw.gql(InvoiceDocument, { id: invoiceId }, crew.finance);
    expect(inv.invoice).toMatchObject({ status: 'PAID', amountPaid: '216.00', balanceDue: '0.00' });
    const c360 = await gw.gql(Customer360Document, { id: customerId }, crew.finance);
    expect(c360.customer?.credit).toMatchObject({ openReceivables: '0.00', uninvoicedOrders: '150.98', unappliedCredit: '84.00', exposure: '66.98' });
    expect(c360.customer?.lifetimeValue).toBe('216.00');
  });

  it('refuses over-allocation and writes nothing', async () => {
    const r = await gw.gql(RecordPaymentDocument, { input: { customerId, amount: '50.00', allocations: [{ invoiceId, amount: '10.00' }] } }, crew.finance);
    expect(r.recordPayment.payment).toBeNull();
    expect(r.recordPayment.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT' });
    const c360 = await gw.gql(Customer360Document, { id: customerId }, crew.finance);
    expect(c360.customer?.credit.unappliedCredit).toBe('84.00');
  });

  it('finishes shipping and invoicing, reaching INVOICED', async () => {
    await gw.gql(ShipOrderDocument, { id: orderId }, crew.warehouse);
    const inv = await gw.gql(InvoiceOrderDocument, { orderId }, crew.finance);
    expect(inv.invoiceOrder.invoice?.total).toBe('150.98');
    const o = await gw.gql(OrderDocument, { id: orderId }, crew.rep1);
    expect(o.order?.status).toBe('INVOICED');
    expect(o.order?.lines.map((l) => [l.quantity, l.shippedQuantity, l.invoicedQuantity])).toEqual([
      [3, 3, 3],
      [2, 2, 2],
    ]);
    expect(o.order?.invoices?.map((i) => i.total)).toEqual(['216.00', '150.98']);
    const cancel = await gw.gql(CancelOrderDocument, { id: orderId }, crew.rep1);
    expect(cancel.cancelOrder.userErrors[0].code).toBe('INVALID_TRANSITION');
  });
});

describe('credit refusals', () => {
  it('refuses past the limit with the figures, reserving nothing; creditCheck agrees and changes nothing', async () => {
    const p = await createProduct(gw, crew.manager, { sku: 'LIM-1', unitPrice: '400.00', taxRate: '0', initialStock: 10 });
    const c = await createCustomer(gw, crew.rep1, { name: 'Tight Co' }, { finance: crew.finance, limit: '1000.00' });
    const first = await createOrder(gw, crew.rep1, c.id, [{ productId: p.id, quantity: 2 }]);
    expect((await gw.gql(ConfirmOrderDocument, { id: first.id }, crew.rep1)).confirmOrder.userErrors).toEqual([]);

    const check = await gw.gql(CreditCheckDocument, { customerId: c.id, amount: '400.00' }, crew.rep1);
    expect(check.creditCheck).toEqual({ approved: false, reason: 'CREDIT_LIMIT_EXCEEDED', limit: '1000.00', exposureBefore: '800.00', exposureAfter: '1200.00', available: '-200.00' });

    const second = await createOrder(gw, crew.rep1, c.id, [{ productId: p.id, quantity: 1 }]);
    const r = await gw.gql(ConfirmOrderDocument, { id: second.id }, crew.rep1);
    expect(r.confirmOrder.order).toBeNull();
    expect(r.confirmOrder.userErrors[0].code).toBe('CREDIT_LIMIT_EXCEEDED');
    expect(r.confirmOrder.creditCheck).toMatchObject({ approved: false, exposureBefore: '800.00', exposureAfter: '1200.00' });
    const products = await gw.gql(ProductsDocument, { first: 100 }, crew.warehouse);
    expect(products.products.edges.find((e) => e.node.sku === 'LIM-1')?.node.stock).toEqual({ onHand: 10, reserved: 2, available: 8 });
    const o = await gw.gql(OrderDocument, { id: second.id }, crew.rep1);
    expect(o.order?.status).toBe('DRAFT');
  });

  it('refuses a customer on hold with CREDIT_HOLD until the hold is released', async () => {
    const p = await createProduct(gw, crew.manager, { sku: 'HOLD-1', unitPrice: '10.00', taxRate: '0', initialStock: 10 });
    const c = await createCustomer(gw, crew.rep2, { name: 'Held Inc' });
    const hold = await gw.gql(PlaceCreditHoldDocument, { customerId: c.id, reason: 'Disputed invoices' }, crew.finance);
    expect(hold.placeCreditHold.customer?.credit).toEqual({ status: 'ON_HOLD', onHold: true, holdReason: 'Disputed invoices' });
    const order = await createOrder(gw, crew.rep2, c.id, [{ productId: p.id, quantity: 1 }]);
    const r = await gw.gql(ConfirmOrderDocument, { id: order.id }, crew.rep2);
    expect(r.confirmOrder.userErrors[0].code).toBe('CREDIT_HOLD');
    const release = await gw.gql(ReleaseCreditHoldDocument, { customerId: c.id }, crew.finance);
    expect(release.releaseCreditHold.customer?.credit).toEqual({ status: 'OK', onHold: false, holdReason: null });
    expect((await gw.gql(ConfirmOrderDocument, { id: order.id }, crew.rep2)).confirmOrder.order?.status).toBe('CONFIRMED');
  });

  it('refuses short stock with INSUFFICIENT_STOCK and reserves no line', async () => {
    const a = await createProduct(gw, crew.manager, { sku: 'STK-A', unitPrice: '1.00', taxRate: '0', initialStock: 5 });
    const b = await createProduct(gw, crew.manager, { sku: 'STK-B', unitPrice: '1.00', taxRate: '0', initialStock: 1 });
    const c = await createCustomer(gw, crew.rep1, { name: 'Stocky' });
    const order = await createOrder(gw, crew.rep1, c.id, [
      { productId: a.id, quantity: 2 },
      { productId: b.id, quantity: 2 },
    ]);
    const r = await gw.gql(ConfirmOrderDocument, { id: order.id }, crew.rep1);
    expect(r.confirmOrder.userErrors[0]).toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    const products = await gw.gql(ProductsDocument, { first: 100 }, crew.warehouse);
    const bySku = Object.fromEntries(products.products.edges.map((e) => [e.node.sku, e.node.stock.reserved]));
    expect([bySku['STK-A'], bySku['STK-B']]).toEqual([0, 0]);
    const received = await gw.gql(ReceiveStockDocument, { input: { productId: b.id, quantity: 1 } }, crew.warehouse);
    expect(received.receiveStock.product?.stock).toEqual({ onHand: 2, reserved: 0, available: 2 });
    expect((await gw.gql(ConfirmOrderDocument, { id: order.id }, crew.rep1)).confirmOrder.order?.status).toBe('CONFIRMED');
    const cancel = await gw.gql(CancelOrderDocument, { id: order.id, reason: 'Changed mind' }, crew.rep1);
    expect(cancel.cancelOrder.order?.status).toBe('CANCELLED');
    const after = await gw.gql(ProductsDocument, { first: 100 }, crew.warehouse);
    expect(after.products.edges.filter((e) => e.node.sku.startsWith('STK-')).map((e) => e.node.stock.reserved)).toEqual([0, 0]);
  });
});

describe('receivables aging', () => {
  it('buckets open balances by days past due as of a date and adds up', async () => {
    const p = await createProduct(gw, crew.manager, { sku: 'AGE-1', unitPrice: '100.00', taxRate: '0', initialStock: 100 });
    const c = await createCustomer(gw, crew.rep2, { name: 'Aged Goods', paymentTermsDays: 30 });
    // Confirm and ship everything first: once the oldest invoice is 60 days late the customer goes ON_HOLD.
    const orders = [];
    for (const quantity of [1, 2, 4]) {
      const o = await createOrder(gw, crew.rep2, c.id, [{ productId: p.id, quantity }], '2025-01-01');
      await gw.gql(ConfirmOrderDocument, { id: o.id }, crew.rep2);
      await gw.gql(ShipOrderDocument, { id: o.id }, crew.warehouse);
      orders.push(o.id);
    }
    // due 2025-01-31, 2025-03-02 and 2025-04-30
    for (const [i, issueDate] of ['2025-01-01', '2025-01-31', '2025-03-31'].entries()) {
      expect((await gw.gql(InvoiceOrderDocument, { orderId: orders[i], issueDate }, crew.finance)).invoiceOrder.userErrors).toEqual([]);
    }
    const aging = await gw.gql(ReceivablesAgingDocument, { asOf: '2025-03-15' }, crew.finance);
    const row = aging.receivablesAging!.customers.find((r) => r.customer.id === c.id)!;
    // invoice 3 was issued after asOf and is left out
    expect(row).toMatchObject({ notDue: '0.00', days1To30: '200.00', days31To60: '100.00', days61To90: '0.00', over90: '0.00', total: '300.00' });
    const sum = aging.receivablesAging!.customers.reduce((s, r) => s + Math.round(Number(r.total) * 100), 0);
    expect(Math.round(Number(aging.receivablesAging!.total.total) * 100)).toBe(sum);

    const rep1View = await gw.gql(ReceivablesAgingDocument, { asOf: '2025-03-15' }, crew.rep1);
    expect(rep1View.receivablesAging!.customers.find((r) => r.customer.id === c.id)).toBeUndefined();
  });
});

describe('the catalog', () => {
  it('lists products whose available stock is below the reorder point', async () => {
    const low = await createProduct(gw, crew.manager, { sku: 'LOW-A', unitPrice: '1.00', taxRate: '0', initialStock: 10, reorderPoint: 8 });
    await createProduct(gw, crew.manager, { sku: 'LOW-B', unitPrice: '1.00', taxRate: '0', initialStock: 10, reorderPoint: 2 });
    const c = await createCustomer(gw, crew.rep1, { name: 'Low Stock Buyer' });
    const o = await createOrder(gw, crew.rep1, c.id, [{ productId: low.id, quantity: 3 }]);
    await gw.gql(ConfirmOrderDocument, { id: o.id }, crew.rep1);
    const lowOnly = await gw.gql(ProductsDocument, { first: 100, lowStock: true }, crew.warehouse);
    const skus = lowOnly.products.edges.map((e) => e.node.sku);
    expect(skus).toContain('LOW-A');
    expect(skus).not.toContain('LOW-B');
    expect(lowOnly.products.edges.every((e) => e.node.stock.available < e.node.reorderPoint)).toBe(true);
    expect(lowOnly.products.totalCount).toBe(skus.length);
  });
});

describe('receivables agree with credit', () => {
  it("ages, at today, exactly the sum of every customer's open receivables", async () => {
    const aging = await gw.gql(ReceivablesAgingDocument, {}, crew.finance);
    // Money strings always carry two decimals, so cents are exact without floats.
    const cents = (s: string | null | undefined) => BigInt((s ?? '0.00').replace('.', ''));
    let open = 0n;
    let after: string | null | undefined;
    do {
      const page = await gw.gql(CustomerDashboardDocument, { first: 100, after }, crew.finance);
      for (const e of page.customers!.edges) open += cents((await gw.gql(Customer360Document, { id: e.node.id }, crew.finance)).customer?.credit.openReceivables);
      after = page.customers!.pageInfo.hasNextPage ? page.customers!.pageInfo.endCursor : null;
    } while (after);
    expect(open).toBeGreaterThan(0n);
    expect(cents(aging.receivablesAging!.total.total)).toBe(open);
    const rows = aging.receivablesAging!.customers.reduce((s, r) => s + cents(r.total), 0n);
    expect(rows).toBe(open);
  });
});
