import {
  ConfirmOrderDocument,
  ShipOrderDocument,
  CreateOrderDocument,
  CreateProductDocument,
  CustomerDashboardDocument,
  InvoiceOrderDocument,
  ProductsDocument,
  ReceivablesAgingDocument,
  RecordPaymentDocument,
  SetCreditLimitDocument,
} from '@tandem/client';
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
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
    const r = await gw.gql(CreateOrderDocument, { input: { customerId, lines: [{ productId, quantity: 3, discountPercent: '12.5', unitPrice: '9.99' }] } }, crew.manager);
    expect(r.createOrder.order?.lines[0]).toMatchObject({ discountPercent: '12.5000', unitPrice: '9.99', lineTotal: '26.22', taxAmount: '5.24' });
  });

  it('refuses three places of money in an order line with the input path', async () => {
    const r = await gw.request(CreateOrderDocument, { input: { customerId, lines: [{ productId, quantity: 1, unitPrice: '9.999' }] } }, crew.rep1);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors?.[0].extensions?.field).toEqual(['input', 'lines', '0', 'unitPrice']);
  });

  it.each([
    ['more integer digits than a money column holds', '1000000000000.00'],
    ['far more', '99999999999999999999999999.99'],
  ])('refuses %s with BAD_USER_INPUT before any SQL', async (_what, limit) => {
    const r = await gw.request(SetCreditLimitDocument, { customerId, limit }, crew.finance);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses an order whose quantity × price would overflow its total, as a userError that writes nothing', async () => {
    const r = await gw.gql(CreateOrderDocument, { input: { customerId, lines: [{ productId, quantity: 2_000_000_000, unitPrice: '999999.99' }] } }, crew.manager);
    expect(r.createOrder.order).toBeNull();
    expect(r.createOrder.userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'lines'] })]);
  });
});

describe('Date', () => {
  it.each(['2025-02-30', '2025-13-01', '25-01-01', '2025-1-1', '2025-01-01T00:00:00Z', '1899-12-31', '3000-01-01', '0001-01-01', '9999-12-31'])('refuses %s with BAD_USER_INPUT', async (asOf) => {
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

describe('list arguments', () => {
  type Vars = Record<string, unknown>;
  const doc = (source: string) => parse(source) as unknown as TypedDocumentNode<unknown, Vars>;
  const LISTS = {
    orders: doc(`query ($first: Int!, $after: String, $customerId: ID, $status: [OrderStatus!], $from: Date, $to: Date) {
      orders(first: $first, after: $after, customerId: $customerId, status: $status, from: $from, to: $to) { totalCount edges { node { id } } } }`),
    invoices: doc(`query ($first: Int!, $after: String, $customerId: ID, $status: [InvoiceStatus!], $from: Date, $to: Date, $dueFrom: Date, $dueTo: Date) {
      invoices(first: $first, after: $after, customerId: $customerId, status: $status, from: $from, to: $to, dueFrom: $dueFrom, dueTo: $dueTo) { totalCount edges { node { id } } } }`),
    payments: doc(`query ($first: Int!, $after: String, $customerId: ID, $from: Date, $to: Date) {
      payments(first: $first, after: $after, customerId: $customerId, from: $from, to: $to) { totalCount edges { node { id } } } }`),
  };
  const NESTED = doc(`query ($id: ID!, $first: Int!, $afterOrder: String, $afterInvoice: String, $afterPayment: String) {
    customer(id: $id) {
      orders(first: $first, after: $afterOrder) { edges { node { id } } }
      invoices(first: $first, after: $afterInvoice) { edges { node { id } } }
      payments(first: $first, after: $afterPayment) { edges { node { id } } }
    } }`);
  const lists = Object.keys(LISTS) as (keyof typeof LISTS)[];
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const ask = (list: keyof typeof LISTS, vars: Vars) => gw.request(LISTS[list], { first: 5, ...vars }, crew.finance);

  describe.each(lists)('%s', (list) => {
    it.each(['not-a-uuid', '', "' or 1=1 --", '00000000-0000-0000-0000-00000000000g', '{00000000-0000-0000-0000-000000000000}', '1'])(
      'refuses customerId %j with BAD_USER_INPUT',
      async (customerId) => {
        const r = await ask(list, { customerId });
        expect(r.status).not.toBe(500);
        expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      },
    );

    it.each([0, 101, -1])('refuses first = %d with BAD_USER_INPUT', async (first) => {
      expect(codes(await ask(list, { first }))).toEqual(['BAD_USER_INPUT']);
    });

    it.each([
      ['not base64 JSON', 'not-a-cursor'],
      ['an object', b64({ key: '2026-01-01', id: 'x' })],
      ['numbers', b64([1, 2])],
      ['a key that is not a date', b64(['Alpha', '00000000-0000-0000-0000-000000000000'])],
      ['an impossible date', b64(['2025-02-30', '00000000-0000-0000-0000-000000000000'])],
      ['SQL in the key', b64(["2025-01-01'; drop table orders; --", '00000000-0000-0000-0000-000000000000'])],
      ['an empty tie-breaker', b64(['2025-01-01', ''])],
      ['an overlong tie-breaker', b64(['2025-01-01', 'x'.repeat(101)])],
    ])('refuses a forged cursor (%s) with BAD_USER_INPUT', async (_what, after) => {
      expect(codes(await ask(list, { after }))).toEqual(['BAD_USER_INPUT']);
    });

    it.each(['2025-02-30', '2025-13-01', 'yesterday', '2025-01-01T00:00:00Z', ''])('refuses the date %j with BAD_USER_INPUT', async (bad) => {
      expect(codes(await ask(list, { from: bad }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await ask(list, { to: bad }))).toEqual(['BAD_USER_INPUT']);
    });

    it('refuses a range that ends before it starts with BAD_USER_INPUT', async () => {
      const r = await ask(list, { from: '2025-03-02', to: '2025-03-01' });
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors?.[0].extensions?.field).toEqual(['from']);
    });
  });

  it('refuses a payments cursor whose tie-breaker is not an id with BAD_USER_INPUT', async () => {
    expect(codes(await ask('payments', { after: b64(['2025-01-01', 'SO-000001']) }))).toEqual(['BAD_USER_INPUT']);
  });

  it.each([
    ['orders', ['SHIPPING']],
    ['orders', ['draft']],
    ['invoices', ['OVERDUE']],
    ['invoices', ['PAID', 42]],
  ] as const)('refuses %s statuses %j with BAD_USER_INPUT', async (list, status) => {
    expect(codes(await ask(list, { status }))).toEqual(['BAD_USER_INPUT']);
  });

  it.each(['2025-02-30', 'soon'])('refuses the due date %j and a due range that ends before it starts', async (bad) => {
    expect(codes(await ask('invoices', { dueFrom: bad }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await ask('invoices', { dueTo: bad }))).toEqual(['BAD_USER_INPUT']);
    const r = await ask('invoices', { dueFrom: '2025-03-02', dueTo: '2025-03-01' });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['dueFrom'] });
  });

  it.each(['afterOrder', 'afterInvoice', 'afterPayment'])("refuses a forged %s on a customer's nested list with BAD_USER_INPUT", async (key) => {
    for (const after of ['not-a-cursor', b64(['1', '00000000-0000-0000-0000-000000000000']), b64(['2025-01-01', 'x'.repeat(101)])]) {
      const r = await gw.request(NESTED, { id: customerId, first: 2, [key]: after }, crew.finance);
      expect(r.errors?.map((e) => [e.extensions?.code, e.path?.[1]])).toEqual([['BAD_USER_INPUT', key.replace('after', '').toLowerCase() + 's']]);
    }
  });

  it.each([0, 101])("refuses first = %d on a customer's nested lists with BAD_USER_INPUT", async (first) => {
    const r = await gw.request(NESTED, { id: customerId, first }, crew.finance);
    expect(codes(r)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT']);
  });
});
