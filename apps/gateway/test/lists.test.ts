import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { CancelOrderDocument, ConfirmOrderDocument, InvoiceOrderDocument, RecordPaymentDocument, ShipOrderDocument } from '@tandem/client';
import { createCrew, createCustomer, createOrder, createProduct, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * The orders, invoices and payments lists: keyset pages without repeats or
 * gaps, every filter, counts, the same role scoping as the rest of the API,
 * and `after` on a customer's nested lists.
 */
type Vars = Record<string, unknown>;
const doc = <R>(source: string) => parse(source) as unknown as TypedDocumentNode<R, Vars>;

interface Page<N> {
  totalCount?: number;
  edges: { cursor: string; node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface OrderNode {
  id: string;
  number: string;
  status: string;
  orderDate: string;
  lines: { quantity: number }[];
}
interface InvoiceNode {
  id: string;
  number: string;
  status: string;
  issueDate: string;
  dueDate: string;
  balanceDue: string;
  customer: { id: string };
}
interface PaymentNode {
  id: string;
  amount: string;
  receivedOn: string;
  unappliedAmount: string;
  customer?: { id: string };
  allocations: { amount: string; invoice: { id: string } }[];
}

const PAGE = 'totalCount pageInfo { hasNextPage endCursor }';
const ORDERS = doc<{ orders: Page<OrderNode> }>(`
  query Orders($first: Int!, $after: String, $customerId: ID, $status: [OrderStatus!], $from: Date, $to: Date) {
    orders(first: $first, after: $after, customerId: $customerId, status: $status, from: $from, to: $to) {
      ${PAGE} edges { cursor node { id number status orderDate lines { quantity } } }
    }
  }`);
const INVOICES = doc<{ invoices: Page<InvoiceNode> }>(`
  query Invoices($first: Int!, $after: String, $customerId: ID, $status: [InvoiceStatus!], $from: Date, $to: Date, $dueFrom: Date, $dueTo: Date) {
    invoices(first: $first, after: $after, customerId: $customerId, status: $status, from: $from, to: $to, dueFrom: $dueFrom, dueTo: $dueTo) {
      ${PAGE} edges { cursor node { id number status issueDate dueDate balanceDue customer { id } } }
    }
  }`);
const PAYMENTS = doc<{ payments: Page<PaymentNode> }>(`
  query Payments($first: Int!, $after: String, $customerId: ID, $from: Date, $to: Date) {
    payments(first: $first, after: $after, customerId: $customerId, from: $from, to: $to) {
      ${PAGE} edges { cursor node { id amount receivedOn unappliedAmount customer { id } allocations { amount invoice { id } } } }
    }
  }`);
const CUSTOMER_LISTS = doc<{ customer: { orders: Page<OrderNode>; invoices: Page<InvoiceNode>; payments: Page<PaymentNode> } | null }>(`
  query CustomerLists($id: ID!, $first: Int!, $afterOrder: String, $afterInvoice: String, $afterPayment: String, $status: [InvoiceStatus!]) {
    customer(id: $id) {
      orders(first: $first, after: $afterOrder) { ${PAGE} edges { cursor node { id number status orderDate lines { quantity } } } }
      invoices(first: $first, after: $afterInvoice, status: $status) { ${PAGE} edges { cursor node { id number status issueDate dueDate balanceDue customer { id } } } }
      payments(first: $first, after: $afterPayment) { ${PAGE} edges { cursor node { id amount receivedOn unappliedAmount allocations { amount invoice { id } } } } }
    }
  }`);

interface OrderRec {
  id: string;
  number: string;
  orderDate: string;
  status: string;
  customerId: string;
}
interface InvoiceRec {
  id: string;
  number: string;
  issueDate: string;
  dueDate: string;
  status: string;
  customerId: string;
}
interface PaymentRec {
  id: string;
  receivedOn: string;
  customerId: string;
}

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
const codes = (r: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => (r.errors ?? []).map((e) => e.extensions?.code);

/** Newest first by (date, tie), the lists' keyset order. */
const newestFirst =
  <T>(date: (t: T) => string, tie: (t: T) => string) =>
  (a: T, b: T) =>
    date(a) !== date(b) ? (date(a) < date(b) ? 1 : -1) : tie(a) < tie(b) ? 1 : -1;

let gw: TestGateway;
let crew: Crew;
let productId: string;
const customers = { a: '', b: '', theirs: '' };
const orders: OrderRec[] = [];
const invoices: InvoiceRec[] = [];
const payments: PaymentRec[] = [];

async function order(token: string, customerId: string, orderDate: string, to: 'DRAFT' | 'CONFIRMED' | 'CANCELLED' | 'INVOICED', issueDate?: string) {
  const o = await createOrder(gw, token, customerId, [{ productId, quantity: 1 }], orderDate);
  const rec: OrderRec = { id: o.id, number: o.number, orderDate, status: to, customerId };
  orders.push(rec);
  if (to === 'CANCELLED') return expect((await gw.gql(CancelOrderDocument, { id: o.id }, token)).cancelOrder.userErrors).toEqual([]);
  if (to === 'DRAFT') return;
  expect((await gw.gql(ConfirmOrderDocument, { id: o.id }, token)).confirmOrder.userErrors).toEqual([]);
  if (to === 'CONFIRMED') return;
  expect((await gw.gql(ShipOrderDocument, { id: o.id }, crew.warehouse)).shipOrder.userErrors).toEqual([]);
  const inv = (await gw.gql(InvoiceOrderDocument, { orderId: o.id, issueDate }, crew.finance)).invoiceOrder.invoice!;
  invoices.push({ id: inv.id, number: inv.number, issueDate: issueDate!, dueDate: inv.dueDate, status: 'OPEN', customerId });
  return inv.id;
}

async function pay(customerId: string, amount: string, receivedOn: string, allocations: { invoiceId: string; amount: string }[]) {
  const r = await gw.gql(RecordPaymentDocument, { input: { customerId, amount, receivedOn, allocations } }, crew.finance);
  expect(r.recordPayment.userErrors).toEqual([]);
  payments.push({ id: r.recordPayment.payment!.id, receivedOn, customerId });
  return r.recordPayment.payment!;
}

const setInvoiceStatus = (id: string, status: string) => (invoices.find((i) => i.id === id)!.status = status);

beforeAll(async () => {
  gw = await startTestGateway();
  crew = await createCrew(gw);
  productId = (await createProduct(gw, crew.manager, { sku: 'LST-1', unitPrice: '100.00', taxRate: '0', initialStock: 10_000 })).id;
  customers.a = (await createCustomer(gw, crew.rep1, { name: 'Alpha Lists', paymentTermsDays: 30 })).id;
  customers.b = (await createCustomer(gw, crew.rep1, { name: 'Beta Lists', paymentTermsDays: 14 })).id;
  customers.theirs = (await createCustomer(gw, crew.rep2, { name: 'Theirs Lists', paymentTermsDays: 30 })).id;
  const { a, b, theirs } = customers;
  // Three orders share a date and two invoices an issue date, so the tie-breaker is exercised.
  const inv1 = await order(crew.rep1, a, daysAgo(40), 'INVOICED', daysAgo(35));
  const inv2 = await order(crew.rep1, a, daysAgo(40), 'INVOICED', daysAgo(30));
  await order(crew.rep1, a, daysAgo(40), 'CONFIRMED');
  await order(crew.rep1, a, daysAgo(10), 'DRAFT');
  await order(crew.rep1, a, daysAgo(5), 'CANCELLED');
  const inv6 = await order(crew.rep1, a, daysAgo(5), 'INVOICED', daysAgo(2));
  const inv7 = await order(crew.rep1, b, daysAgo(20), 'INVOICED', daysAgo(15));
  await order(crew.rep1, b, daysAgo(8), 'INVOICED', daysAgo(8));
  const inv8 = await order(crew.rep2, theirs, daysAgo(40), 'INVOICED', daysAgo(35));
  await order(crew.rep2, theirs, daysAgo(3), 'DRAFT');

  await pay(a, '40.00', daysAgo(20), [{ invoiceId: inv1!, amount: '40.00' }]);
  await pay(a, '10.00', daysAgo(20), [{ invoiceId: inv2!, amount: '10.00' }]);
  await pay(a, '5.00', daysAgo(20), [{ invoiceId: inv2!, amount: '5.00' }]);
  await pay(a, '100.00', daysAgo(1), [{ invoiceId: inv6!, amount: '100.00' }]);
  await pay(b, '150.00', daysAgo(15), [{ invoiceId: inv7!, amount: '100.00' }]);
  await pay(theirs, '100.00', daysAgo(20), [{ invoiceId: inv8!, amount: '100.00' }]);
  setInvoiceStatus(inv1!, 'PARTIALLY_PAID');
  setInvoiceStatus(inv2!, 'PARTIALLY_PAID');
  for (const id of [inv6!, inv7!, inv8!]) setInvoiceStatus(id, 'PAID');
}, 120_000);
afterAll(() => gw?.stop());

/** Follows endCursor to the end; checks every page's totalCount and size on the way. */
async function walk<N extends { id: string }>(first: number, fetch: (after: string | null) => Promise<Page<N>>): Promise<N[]> {
  const nodes: N[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const page: Page<N> = await fetch(after);
    nodes.push(...page.edges.map((e) => e.node));
    if (page.totalCount !== undefined) expect(page.totalCount).toBeGreaterThanOrEqual(nodes.length);
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    if (!page.pageInfo.hasNextPage) {
      if (page.totalCount !== undefined) expect(nodes).toHaveLength(page.totalCount);
      expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
      return nodes;
    }
    expect(page.edges).toHaveLength(first);
    after = page.pageInfo.endCursor;
  }
  throw new Error('more than 100 pages');
}

const orderIds = (recs: OrderRec[]) =>
  recs
    .slice()
    .sort(
      newestFirst(
        (o) => o.orderDate,
        (o) => o.number,
      ),
    )
    .map((o) => o.id);
const invoiceIds = (recs: InvoiceRec[]) =>
  recs
    .slice()
    .sort(
      newestFirst(
        (i) => i.issueDate,
        (i) => i.number,
      ),
    )
    .map((i) => i.id);
const paymentIds = (recs: PaymentRec[]) =>
  recs
    .slice()
    .sort(
      newestFirst(
        (p) => p.receivedOn,
        (p) => p.id,
      ),
    )
    .map((p) => p.id);

const walkOrders = (token: string, first: number, vars: Vars = {}) => walk(first, async (after) => (await gw.gql(ORDERS, { first, after, ...vars }, token)).orders);
const walkInvoices = (token: string, first: number, vars: Vars = {}) => walk(first, async (after) => (await gw.gql(INVOICES, { first, after, ...vars }, token)).invoices);
const walkPayments = (token: string, first: number, vars: Vars = {}) => walk(first, async (after) => (await gw.gql(PAYMENTS, { first, after, ...vars }, token)).payments);

describe('orders', () => {
  it.each([1, 3, 4, 100])('pages through every order newest first with first = %d, without repeats or gaps', async (first) => {
    const seen = await walkOrders(crew.manager, first);
    expect(seen.map((o) => o.id)).toEqual(orderIds(orders));
    expect(seen.every((o) => o.lines.length === 1)).toBe(true);
  });

  it.each([
    ['a customer', () => ({ customerId: customers.a }), (o: OrderRec) => o.customerId === customers.a],
    ['one status', () => ({ status: ['INVOICED'] }), (o: OrderRec) => o.status === 'INVOICED'],
    ['several statuses', () => ({ status: ['DRAFT', 'CANCELLED'] }), (o: OrderRec) => ['DRAFT', 'CANCELLED'].includes(o.status)],
    ['an empty status list (any)', () => ({ status: [] }), () => true],
    ['a date range, both ends included', () => ({ from: daysAgo(10), to: daysAgo(5) }), (o: OrderRec) => o.orderDate >= daysAgo(10) && o.orderDate <= daysAgo(5)],
    ['a start date', () => ({ from: daysAgo(8) }), (o: OrderRec) => o.orderDate >= daysAgo(8)],
    ['an end date', () => ({ to: daysAgo(20) }), (o: OrderRec) => o.orderDate <= daysAgo(20)],
    ['a single day', () => ({ from: daysAgo(40), to: daysAgo(40) }), (o: OrderRec) => o.orderDate === daysAgo(40)],
    [
      'customer, statuses and dates at once',
      () => ({ customerId: customers.a, status: ['INVOICED', 'CONFIRMED'], to: daysAgo(6) }),
      (o: OrderRec) => o.customerId === customers.a && ['INVOICED', 'CONFIRMED'].includes(o.status) && o.orderDate <= daysAgo(6),
    ],
  ] as const)('filters by %s, across pages, with a matching totalCount', async (_what, vars, keep) => {
    const expected = orderIds(orders.filter(keep));
    expect(expected.length).toBeGreaterThan(0);
    const seen = await walkOrders(crew.manager, 2, vars());
    expect(seen.map((o) => o.id)).toEqual(expected);
    expect(seen.every((o) => orders.find((r) => r.id === o.id)!.status === o.status)).toBe(true);
  });

  it('answers an empty page for a filter nothing matches', async () => {
    const r = await gw.gql(ORDERS, { first: 5, from: daysAgo(-400) }, crew.manager);
    expect(r.orders).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('counts only when totalCount is selected', async () => {
    const statements: string[] = [];
    const listen = (q: { sql: string }) => statements.push(q.sql);
    const knex = gw.app.orm.em.getConnection().getKnex();
    knex.on('query', listen);
    try {
      const noCount = doc<{ orders: Page<{ id: string }> }>('query { orders(first: 3) { edges { node { id } } pageInfo { hasNextPage } } }');
      await gw.gql(noCount, {}, crew.manager);
      expect(statements.filter((s) => /count\(\*\)/.test(s))).toEqual([]);
      statements.length = 0;
      await gw.gql(ORDERS, { first: 3 }, crew.manager);
      expect(statements.filter((s) => /count\(\*\)/.test(s))).toHaveLength(1);
    } finally {
      knex.removeListener('query', listen);
    }
  });
});

describe('invoices', () => {
  it.each([1, 2, 100])('pages through every invoice newest issued first with first = %d', async (first) => {
    const seen = await walkInvoices(crew.finance, first);
    expect(seen.map((i) => i.id)).toEqual(invoiceIds(invoices));
  });

  it.each([
    ['a customer', () => ({ customerId: customers.b }), (i: InvoiceRec) => i.customerId === customers.b],
    ['paid', () => ({ status: ['PAID'] }), (i: InvoiceRec) => i.status === 'PAID'],
    ['open or partially paid', () => ({ status: ['OPEN', 'PARTIALLY_PAID'] }), (i: InvoiceRec) => i.status !== 'PAID'],
    ['an issue date range', () => ({ from: daysAgo(35), to: daysAgo(15) }), (i: InvoiceRec) => i.issueDate >= daysAgo(35) && i.issueDate <= daysAgo(15)],
    ['a due date range', () => ({ dueFrom: daysAgo(5), dueTo: daysAgo(0) }), (i: InvoiceRec) => i.dueDate >= daysAgo(5) && i.dueDate <= daysAgo(0)],
    ['due from a day on', () => ({ dueFrom: daysAgo(0) }), (i: InvoiceRec) => i.dueDate >= daysAgo(0)],
    [
      'customer, status, issue and due dates at once',
      () => ({ customerId: customers.a, status: ['PARTIALLY_PAID', 'PAID'], from: daysAgo(35), dueTo: daysAgo(0) }),
      (i: InvoiceRec) => i.customerId === customers.a && i.status !== 'OPEN' && i.issueDate >= daysAgo(35) && i.dueDate <= daysAgo(0),
    ],
  ] as const)('filters by %s, across pages', async (_what, vars, keep) => {
    const expected = invoiceIds(invoices.filter(keep));
    expect(expected.length).toBeGreaterThan(0);
    const seen = await walkInvoices(crew.finance, 2, vars());
    expect(seen.map((i) => i.id)).toEqual(expected);
  });

  it('shows each invoice with its due date and balance', async () => {
    const seen = await walkInvoices(crew.finance, 100);
    for (const i of seen) {
      const rec = invoices.find((r) => r.id === i.id)!;
      expect(i).toMatchObject({ status: rec.status, issueDate: rec.issueDate, dueDate: rec.dueDate, customer: { id: rec.customerId } });
    }
    expect(seen.find((i) => i.status === 'PAID')!.balanceDue).toBe('0.00');
  });
});

describe('payments', () => {
  it.each([1, 2, 100])('pages through every payment newest received first with first = %d', async (first) => {
    const seen = await walkPayments(crew.finance, first);
    expect(seen.map((p) => p.id)).toEqual(paymentIds(payments));
  });

  it.each([
    ['a customer', () => ({ customerId: customers.a }), (p: PaymentRec) => p.customerId === customers.a],
    ['a date range', () => ({ from: daysAgo(20), to: daysAgo(15) }), (p: PaymentRec) => p.receivedOn >= daysAgo(20) && p.receivedOn <= daysAgo(15)],
    ['an end date', () => ({ to: daysAgo(16) }), (p: PaymentRec) => p.receivedOn <= daysAgo(16)],
    ['a customer and a day', () => ({ customerId: customers.a, from: daysAgo(20), to: daysAgo(20) }), (p: PaymentRec) => p.customerId === customers.a && p.receivedOn === daysAgo(20)],
  ] as const)('filters by %s, across pages', async (_what, vars, keep) => {
    const expected = paymentIds(payments.filter(keep));
    expect(expected.length).toBeGreaterThan(0);
    const seen = await walkPayments(crew.finance, 2, vars());
    expect(seen.map((p) => p.id)).toEqual(expected);
  });

  it('shows allocations and what is left unapplied', async () => {
    const seen = await walkPayments(crew.finance, 100, { customerId: customers.b });
    expect(seen).toEqual([
      expect.objectContaining({
        amount: '150.00',
        unappliedAmount: '50.00',
        customer: { id: customers.b },
        allocations: [{ amount: '100.00', invoice: { id: invoices.find((i) => i.customerId === customers.b && i.status === 'PAID')!.id } }],
      }),
    ]);
  });
});

describe('role scoping', () => {
  const mine = () => [customers.a, customers.b];

  it("shows a rep only its own customers' orders, invoices and payments", async () => {
    expect((await walkOrders(crew.rep1, 3)).map((o) => o.id)).toEqual(orderIds(orders.filter((o) => mine().includes(o.customerId))));
    expect((await walkInvoices(crew.rep1, 2)).map((i) => i.id)).toEqual(invoiceIds(invoices.filter((i) => mine().includes(i.customerId))));
    expect((await walkPayments(crew.rep1, 2)).map((p) => p.id)).toEqual(paymentIds(payments.filter((p) => mine().includes(p.customerId))));
    expect((await walkOrders(crew.rep2, 3)).map((o) => o.id)).toEqual(orderIds(orders.filter((o) => o.customerId === customers.theirs)));
  });

  it("answers a rep that filters by another rep's customer with an empty list, not an error", async () => {
    const vars = { first: 10, customerId: customers.theirs };
    const empty = { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
    expect((await gw.gql(ORDERS, vars, crew.rep1)).orders).toEqual(empty);
    expect((await gw.gql(INVOICES, vars, crew.rep1)).invoices).toEqual(empty);
    expect((await gw.gql(PAYMENTS, vars, crew.rep1)).payments).toEqual(empty);
  });

  it.each(['manager', 'finance', 'admin'] as const)('shows %s every order, invoice and payment', async (role) => {
    expect((await walkOrders(crew[role], 100)).map((o) => o.id)).toEqual(orderIds(orders));
    expect((await walkInvoices(crew[role], 100)).map((i) => i.id)).toEqual(invoiceIds(invoices));
    expect((await walkPayments(crew[role], 100)).map((p) => p.id)).toEqual(paymentIds(payments));
  });

  it("lets the warehouse page through every order's lines and status, but not their customers", async () => {
    expect((await walkOrders(crew.warehouse, 4)).map((o) => o.id)).toEqual(orderIds(orders));
    const withCustomer = doc<{ orders: Page<{ id: string; status: string; customer: { id: string } | null }> }>('query { orders(first: 2) { edges { node { id status customer { id } } } } }');
    const r = await gw.request(withCustomer, {}, crew.warehouse);
    expect(r.data!.orders.edges.map((e) => e.node.status)).toHaveLength(2);
    expect(r.errors!.map((e) => [e.extensions?.code, e.path!.join('.')]).sort()).toEqual([
      ['FORBIDDEN', 'orders.edges.0.node.customer'],
      ['FORBIDDEN', 'orders.edges.1.node.customer'],
    ]);
    // Filtering by a customer is reading it: for the warehouse no customer exists.
    expect((await gw.gql(ORDERS, { first: 10, customerId: customers.a }, crew.warehouse)).orders.totalCount).toBe(0);
  });

  it.each([
    ['warehouse', 'invoices'],
    ['warehouse', 'payments'],
    ['support', 'orders'],
    ['support', 'invoices'],
    ['support', 'payments'],
  ] as const)('refuses %s the %s list with FORBIDDEN', async (role, list) => {
    const document: TypedDocumentNode<unknown, Vars> = list === 'orders' ? ORDERS : list === 'invoices' ? INVOICES : PAYMENTS;
    const r = await gw.request(document, { first: 5 }, crew[role]);
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(r.data).toEqual({ [list]: null }); // the field fails alone (it is nullable), not the whole response
  });

  it("refuses support a customer's orders, invoices and payments at their paths", async () => {
    const r = await gw.request(CUSTOMER_LISTS, { id: customers.a, first: 2 }, crew.support);
    expect(r.data!.customer).toEqual({ orders: null, invoices: null, payments: null });
    expect(r.errors!.map((e) => [e.extensions?.code, e.path!.join('.')]).sort()).toEqual([
      ['FORBIDDEN', 'customer.invoices'],
      ['FORBIDDEN', 'customer.orders'],
      ['FORBIDDEN', 'customer.payments'],
    ]);
  });

  it('asks a signed-out caller to sign in', async () => {
    for (const document of [ORDERS, INVOICES, PAYMENTS] as TypedDocumentNode<unknown, Vars>[]) {
      expect(codes(await gw.request(document, { first: 5 }))).toEqual(['UNAUTHENTICATED']);
    }
  });
});

describe('nested lists with after', () => {
  const walkNested = <K extends 'orders' | 'invoices' | 'payments'>(key: K, token: string, first: number, vars: Vars = {}) => {
    const afterVar = { orders: 'afterOrder', invoices: 'afterInvoice', payments: 'afterPayment' }[key];
    return walk(first, async (after) => (await gw.gql(CUSTOMER_LISTS, { id: customers.a, first, [afterVar]: after, ...vars }, token)).customer![key] as Page<{ id: string }>);
  };

  it("pages a customer's orders in the order of the orders list, with the same cursors", async () => {
    const nested = await walkNested('orders', crew.rep1, 2);
    expect(nested.map((o) => o.id)).toEqual(orderIds(orders.filter((o) => o.customerId === customers.a)));
    const first = (await gw.gql(CUSTOMER_LISTS, { id: customers.a, first: 2 }, crew.rep1)).customer!.orders;
    const top = (await gw.gql(ORDERS, { first: 2, customerId: customers.a }, crew.rep1)).orders;
    expect(first.edges.map((e) => e.cursor)).toEqual(top.edges.map((e) => e.cursor));
  });

  it("pages a customer's invoices oldest due first, keeping the status filter on every page", async () => {
    const due = (recs: InvoiceRec[]) =>
      recs
        .slice()
        .sort((x, y) => (x.dueDate !== y.dueDate ? (x.dueDate < y.dueDate ? -1 : 1) : x.number < y.number ? -1 : 1))
        .map((i) => i.id);
    const all = await walkNested('invoices', crew.finance, 1);
    expect(all.map((i) => i.id)).toEqual(due(invoices.filter((i) => i.customerId === customers.a)));
    const partly = await walkNested('invoices', crew.finance, 1, { status: ['PARTIALLY_PAID'] });
    expect(partly.map((i) => i.id)).toEqual(due(invoices.filter((i) => i.customerId === customers.a && i.status === 'PARTIALLY_PAID')));
  });

  it("finds a payment just recorded by paging through the customer's payments", async () => {
    const inv2 = invoices.filter((i) => i.customerId === customers.a && i.status === 'PARTIALLY_PAID').sort((x, y) => (x.issueDate < y.issueDate ? 1 : -1))[0];
    const recorded = await pay(customers.a, '7.00', daysAgo(20), [{ invoiceId: inv2.id, amount: '7.00' }]);
    const seen = (await walkNested('payments', crew.rep1, 1)) as PaymentNode[];
    expect(seen.map((p) => p.id)).toEqual(paymentIds(payments.filter((p) => p.customerId === customers.a)));
    expect(seen.find((p) => p.id === recorded.id)).toEqual({
      id: recorded.id,
      amount: '7.00',
      receivedOn: daysAgo(20),
      unappliedAmount: '0.00',
      allocations: [{ amount: '7.00', invoice: { id: inv2.id } }],
    });
  });

  it('keeps pages correct when rows arrive between them', async () => {
    const vars = { first: 3, customerId: customers.a };
    const first = (await gw.gql(ORDERS, vars, crew.rep1)).orders;
    await order(crew.rep1, customers.a, daysAgo(0), 'DRAFT');
    await order(crew.rep1, customers.a, daysAgo(90), 'DRAFT');
    const seen = first.edges.map((e) => e.node.id);
    let page = first;
    while (page.pageInfo.hasNextPage) {
      page = (await gw.gql(ORDERS, { ...vars, after: page.pageInfo.endCursor }, crew.rep1)).orders;
      seen.push(...page.edges.map((e) => e.node.id));
    }
    // The newer order sorts before the cursor and is not seen; the older one arrives once, at the end.
    const expected = orderIds(orders.filter((o) => o.customerId === customers.a && o.orderDate !== daysAgo(0)));
    expect(seen).toEqual(expected);
    expect(page.totalCount).toBe(expected.length + 1);
  });

  it('reads the first nested page of many customers in one statement', async () => {
    const statements: string[] = [];
    const listen = (q: { sql: string }) => statements.push(q.sql);
    const knex = gw.app.orm.em.getConnection().getKnex();
    const many = doc<unknown>('query { customers(first: 10) { edges { node { id payments(first: 2) { edges { node { id allocations { amount } } } } } } } }');
    knex.on('query', listen);
    try {
      await gw.gql(many, {}, crew.finance);
    } finally {
      knex.removeListener('query', listen);
    }
    expect(statements.filter((s) => /from payments p where p\.customer_id in/.test(s))).toHaveLength(1);
    expect(statements.filter((s) => /from payment_allocations/.test(s))).toHaveLength(1);
  });
});
