import {
  ConfirmOrderDocument, ShipOrderDocument,
  CreateOrderDocument, CreateProductDocument, CustomerDashboardDocument, InvoiceOrderDocument, ProductsDocument, ReceivablesAgingDocument,
  RecordPaymentDocument, SetCreditLimitDocument,
} from '@tandem/client';
import { createCrew, createCustomer, createProduct, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

/** Scalars refuse what is not exact, pages are capped, and a refused mutation writes nothing. */
let gw: TestGateway;
let crew: Crew;
let customerId: string;
let productId: string;
beforeAll(async () => {
  gw = await startTestGateway();
  crew = await createCrew(gw);
  customerId = (await createCustomer(gw, crew.rep1, { name: 'Input Co' })).id;
  productId = (await createProduct(gw, crew.manager, { sku: 'IN-1', unitPrice: '10.00', taxRate: '0.2', initialStock: 5 })).id;
});
afterAll(() => gw?.stop());

const codes = (r: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => (r.errors ?? []).map((e) => e.extensions?.code);

describe('Decimal', () => {
  it.each([
    ['a JSON number', 1250.5],
    ['an exponent', '1e5'],
    ['three places of money', '10.005'],
    ['a leading plus', '+10.00'],
    ['spaces', ' 10.00'],
    ['an empty string', ''],
    ['five places', '0.12345'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_what, limit) => {
    const r = await gw.request(SetCreditLimitDocument, { customerId, limit: limit as string }, crew.finance);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    const check = await gw.gql(CustomerDashboardDocument, { first: 10, filter: { search: 'input co' } }, crew.finance);
    expect(check.customers!.edges[0].node.credit.limit).toBeNull();
  });

  it('refuses three places of money written inline in the query too', async () => {
    const res = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${crew.finance}` },
      body: JSON.stringify({ query: `mutation { setCreditLimit(customerId: "${customerId}", limit: 12.345) { userErrors { code } } }` }),
    });
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(res.status).not.toBe(500);
    expect(body.errors[0].extensions.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });

  it('accepts up to 4 places for a percentage and 2 for money', async () => {
    const r = await gw.gql(CreateOrderDocument, { input: { customerId, lines: [{ productId, quantity: 3, discountPercent: '12.5', unitPrice: '9.99' }] } }, crew.rep1);
    expect(r.createOrder.order?.lines[0]).toMatchObject({ discountPercent: '12.5000', unitPrice: '9.99', lineTotal: '26.22', taxAmount: '5.24' });
  });

  it('refuses three places of money in an order line with the input path', async () => {
    const r = await gw.request(CreateOrderDocument, { input: { customerId, lines: [{ productId, quantity: 1, unitPrice: '9.999' }] } }, crew.rep1);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0].extensions?.field).toEqual(['input', 'lines', '0', 'unitPrice']);
  });
});

describe('Date', () => {
  it.each(['2025-02-30', '2025-13-01', '25-01-01', '2025-1-1', '2025-01-01T00:00:00Z'])('refuses %s with BAD_USER_INPUT', async (asOf) => {
    const r = await gw.request(ReceivablesAgingDocument, { asOf }, crew.finance);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });

  it('accepts a leap day', async () => {
    const r = await gw.gql(ReceivablesAgingDocument, { asOf: '2024-02-29' }, crew.finance);
    expect(r.receivablesAging!.asOf).toBe('2024-02-29');
  });
});

describe('business refusals', () => {
  it.each([
    ['a zero quantity', { quantity: 0 }, ['input', 'lines', '0', 'quantity']],
    ['a discount over 100', { quantity: 1, discountPercent: '100.01' }, ['input', 'lines', '0', 'discountPercent']],
  ])('refuses %s as a userError with the input path and creates nothing', async (_what, line, field) => {
    const before = await gw.gql(CustomerDashboardDocument, { first: 10, filter: { search: 'input co' } }, crew.rep1);
    const r = await gw.gql(CreateOrderDocument, { input: { customerId, lines: [{ productId, ...line }] } }, crew.rep1);
    expect(r.createOrder.order).toBeNull();
    expect(r.createOrder.userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
    const after = await gw.gql(CustomerDashboardDocument, { first: 10, filter: { search: 'input co' } }, crew.rep1);
    expect(after.customers!.edges[0].node.orders?.edges.length).toBe(before.customers!.edges[0].node.orders?.edges.length);
  });

  it('refuses an unknown product in a line with NOT_FOUND and its path', async () => {
    const r = await gw.gql(CreateOrderDocument, { input: { customerId, lines: [{ productId: '00000000-0000-0000-0000-000000000000', quantity: 1 }] } }, crew.rep1);
    expect(r.createOrder.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'lines', '0', 'productId'] })]);
  });

  it('refuses a duplicate SKU with CONFLICT', async () => {
    const r = await gw.gql(CreateProductDocument, { input: { sku: 'IN-1', name: 'again', unitPrice: '1.00' } }, crew.manager);
    expect(r.createProduct.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'sku'] })]);
  });

  it('refuses a payment for an invoice of another customer and writes nothing', async () => {
    const r = await gw.gql(RecordPaymentDocument, { input: { customerId, amount: '5.00', allocations: [{ invoiceId: '00000000-0000-0000-0000-000000000000', amount: '5.00' }] } }, crew.finance);
    expect(r.recordPayment.payment).toBeNull();
    expect(r.recordPayment.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'allocations', '0', 'invoiceId'] });
    const credit = await gw.gql(CustomerDashboardDocument, { first: 10, filter: { search: 'input co' } }, crew.finance);
    expect(credit.customers!.edges[0].node.credit.exposure).toBe('0.00');
  });

  it('refuses dates in the future for invoices and payments', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const pay = await gw.gql(RecordPaymentDocument, { input: { customerId, amount: '5.00', receivedOn: tomorrow } }, crew.finance);
    expect(pay.recordPayment.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'receivedOn'] });
    const order = (await gw.gql(CreateOrderDocument, { input: { customerId, lines: [{ productId, quantity: 1 }] } }, crew.rep1)).createOrder.order!;
    await gw.gql(ConfirmOrderDocument, { id: order.id }, crew.rep1);
    await gw.gql(ShipOrderDocument, { id: order.id }, crew.warehouse);
    const inv = await gw.gql(InvoiceOrderDocument, { orderId: order.id, issueDate: tomorrow }, crew.finance);
    expect(inv.invoiceOrder.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['issueDate'] });
  });

  it('refuses to invoice an order that does not exist', async () => {
    const r = await gw.gql(InvoiceOrderDocument, { orderId: '00000000-0000-0000-0000-000000000000' }, crew.finance);
    expect(r.invoiceOrder.userErrors[0]).toMatchObject({ code: 'NOT_FOUND', field: ['orderId'] });
  });
});

describe('pages', () => {
  it.each([0, 101, -1])('refuses first = %d with BAD_USER_INPUT', async (first) => {
    const r = await gw.request(ProductsDocument, { first }, crew.rep1);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });

  it('walks every product with cursors, without repeats', async () => {
    for (let i = 0; i < 5; i++) await createProduct(gw, crew.manager, { sku: `PG-${i}`, unitPrice: '1.00' });
    const seen: string[] = [];
    let after: string | null | undefined;
    do {
      const r = await gw.gql(ProductsDocument, { first: 2, after }, crew.rep1);
      seen.push(...r.products.edges.map((e) => e.node.sku));
      expect(r.products.totalCount).toBe(6);
      after = r.products.pageInfo.hasNextPage ? r.products.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(['IN-1', 'PG-0', 'PG-1', 'PG-2', 'PG-3', 'PG-4']);
  });

  it('refuses a cursor it did not issue', async () => {
    const r = await gw.request(ProductsDocument, { first: 2, after: 'not-a-cursor' }, crew.rep1);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });
});
