import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createContact, createCrew, createCustomer, createProduct, orderToInvoice, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * The contract: "A field a role may not read fails at its path with FORBIDDEN;
 * the rest of the response still arrives." A FORBIDDEN field that were non-null
 * would null its parent (for a root field, the whole `data`) and take the
 * siblings the role may read with it.
 */
let gw: TestGateway;
let crew: Crew;
const ids = { customer: '', order: '', invoice: '', product: '' };

type Data = Record<string, any>;
const doc = (query: string) => parse(query) as TypedDocumentNode<Data, Record<string, unknown>>;
const failures = (errors: readonly { path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[] | undefined) =>
  (errors ?? []).map((e) => ({ code: e.extensions?.code, path: e.path?.join('.') })).sort((a, b) => String(a.path).localeCompare(String(b.path)));

beforeAll(async () => {
  gw = await startTestGateway();
  crew = await createCrew(gw);
  ids.product = (await createProduct(gw, crew.manager, { sku: 'PARTIAL-1', unitPrice: '10.00', taxRate: '0', initialStock: 10 })).id;
  ids.customer = (await createCustomer(gw, crew.rep1, { name: 'Partial Ltd' }, { finance: crew.finance, limit: '1000.00' })).id;
  await createContact(gw, crew.rep1, ids.customer, 'Pia', 'Partial');
  const { order, invoice } = await orderToInvoice(gw, crew, crew.rep1, ids.customer, [{ productId: ids.product, quantity: 1 }]);
  ids.order = order.id;
  ids.invoice = invoice.id;
});
afterAll(() => gw?.stop());

describe('root fields', () => {
  it('gives the warehouse its products and a FORBIDDEN at ["customers"] in one answer', async () => {
    const r = await gw.request(doc('{ products(first: 5) { totalCount } customers(first: 5) { totalCount } }'), {}, crew.warehouse);
    expect(r.data).toEqual({ products: { totalCount: 1 }, customers: null });
    expect(r.errors?.map((e) => ({ code: e.extensions?.code, path: e.path }))).toEqual([{ code: 'FORBIDDEN', path: ['customers'] }]);
  });

  // Every root query, with the roles that may not read it. A new Query field must be added here.
  const ROOT: Record<string, { selection: string; forbiddenFor: (keyof Crew['ids'])[] }> = {
    auditLog: { selection: 'auditLog(first: 1) { edges { node { id } } }', forbiddenFor: ['manager', 'rep1', 'warehouse', 'support'] },
    alertCounts: { selection: 'alertCounts { kind count }', forbiddenFor: [] },
    alerts: { selection: 'alerts(first: 1) { totalCount }', forbiddenFor: [] },
    commissions: { selection: 'commissions(from: "2026-01-01", to: "2026-01-31") { amount }', forbiddenFor: ['manager', 'rep1', 'warehouse', 'support'] },
    contacts: { selection: 'contacts(first: 1) { totalCount }', forbiddenFor: ['warehouse'] },
    creditCheck: { selection: 'creditCheck(customerId: $customer, amount: "1.00") { approved }', forbiddenFor: ['warehouse', 'support'] },
    customer: { selection: 'customer(id: $customer) { id }', forbiddenFor: ['warehouse'] },
    customers: { selection: 'customers(first: 1) { totalCount }', forbiddenFor: ['warehouse'] },
    invoice: { selection: 'invoice(id: $invoice) { id }', forbiddenFor: ['warehouse', 'support'] },
    invoices: { selection: 'invoices(first: 1) { totalCount }', forbiddenFor: ['warehouse', 'support'] },
    journalEntries: { selection: 'journalEntries(first: 1) { edges { node { id } } }', forbiddenFor: ['manager', 'rep1', 'warehouse', 'support'] },
    kpis: { selection: 'kpis(from: "2026-01-01", to: "2026-01-31") { revenue }', forbiddenFor: ['rep1', 'warehouse', 'support'] },
    lead: { selection: 'lead(id: $customer) { id }', forbiddenFor: ['finance', 'warehouse', 'support'] },
    leads: { selection: 'leads(first: 1) { totalCount }', forbiddenFor: ['finance', 'warehouse', 'support'] },
    me: { selection: 'me { id }', forbiddenFor: [] },
    opportunities: { selection: 'opportunities(first: 1) { totalCount }', forbiddenFor: ['warehouse', 'support'] },
    opportunity: { selection: 'opportunity(id: $customer) { id }', forbiddenFor: ['warehouse', 'support'] },
    order: { selection: 'order(id: $order) { id }', forbiddenFor: ['support'] },
    orders: { selection: 'orders(first: 1) { totalCount }', forbiddenFor: ['support'] },
    payments: { selection: 'payments(first: 1) { totalCount }', forbiddenFor: ['warehouse', 'support'] },
    pipeline: { selection: 'pipeline { totalWeighted }', forbiddenFor: ['warehouse', 'support'] },
    product: { selection: 'product(id: $product) { id }', forbiddenFor: [] },
    products: { selection: 'products(first: 1) { totalCount }', forbiddenFor: [] },
    purchaseOrders: { selection: 'purchaseOrders(first: 1) { totalCount }', forbiddenFor: ['manager', 'rep1', 'support'] },
    quote: { selection: 'quote(id: $customer) { id }', forbiddenFor: ['warehouse', 'support'] },
    quotes: { selection: 'quotes(first: 1) { totalCount }', forbiddenFor: ['warehouse', 'support'] },
    receivablesAging: { selection: 'receivablesAging { asOf }', forbiddenFor: ['warehouse', 'support'] },
    suppliers: { selection: 'suppliers(first: 1) { totalCount }', forbiddenFor: ['manager', 'rep1', 'support'] },
    ticket: { selection: 'ticket(id: $customer) { id }', forbiddenFor: ['warehouse'] },
    tickets: { selection: 'tickets(first: 1) { totalCount }', forbiddenFor: ['warehouse'] },
    trialBalance: { selection: 'trialBalance { totalDebit }', forbiddenFor: ['manager', 'rep1', 'warehouse', 'support'] },
    verifyLedger: { selection: 'verifyLedger { ok }', forbiddenFor: ['manager', 'rep1', 'warehouse', 'support'] },
  };

  it('lists every Query field of the schema', () => {
    const schema = buildSchema(readFileSync(resolve(__dirname, '../../../schema/schema.graphql'), 'utf8'));
    expect(Object.keys(ROOT).sort()).toEqual(Object.keys(schema.getQueryType()!.getFields()).sort());
  });

  it.each(['admin', 'manager', 'rep1', 'finance', 'warehouse', 'support'] as const)('answers %s every root query it may read beside those it may not', async (role) => {
    const fields = Object.keys(ROOT);
    const query = `query($customer: ID!, $order: ID!, $invoice: ID!, $product: ID!) { ${fields.map((f) => ROOT[f].selection).join(' ')} }`;
    const r = await gw.request(doc(query), ids, crew[role]);
    const forbidden = fields.sort((a, b) => a.localeCompare(b)).filter((f) => ROOT[f].forbiddenFor.includes(role));
    expect(failures(r.errors)).toEqual(forbidden.map((f) => ({ code: 'FORBIDDEN', path: f })));
    expect(r.data).not.toBeNull();
    for (const f of fields) {
      if (forbidden.includes(f)) expect(r.data![f]).toBeNull();
      else expect(r.data![f]).toBeDefined();
    }
    expect(r.data!.me.id).toBe(crew.ids[role]);
  });
});

describe('nested fields', () => {
  it("gives support a customer's name, contacts and credit status, with FORBIDDEN at each figure it may not read", async () => {
    const r = await gw.request(
      doc(`query($id: ID!) { customer(id: $id) { name contacts { fullName } credit { status onHold limit exposure } orders { totalCount } lifetimeValue } }`),
      { id: ids.customer },
      crew.support,
    );
    expect(r.data).toEqual({
      customer: { name: 'Partial Ltd', contacts: [{ fullName: 'Pia Partial' }], credit: { status: 'OK', onHold: false, limit: null, exposure: null }, orders: null, lifetimeValue: null },
    });
    expect(failures(r.errors)).toEqual(['customer.credit.exposure', 'customer.credit.limit', 'customer.lifetimeValue', 'customer.orders'].map((path) => ({ code: 'FORBIDDEN', path })));
  });

  it("gives the warehouse an order's status and lines, with FORBIDDEN at its customer and invoices", async () => {
    const r = await gw.request(doc(`query($id: ID!) { order(id: $id) { status lines { quantity } customer { name } invoices { id } } }`), { id: ids.order }, crew.warehouse);
    expect(r.data).toEqual({ order: { status: 'INVOICED', lines: [{ quantity: 1 }], customer: null, invoices: null } });
    expect(failures(r.errors)).toEqual(['order.customer', 'order.invoices'].map((path) => ({ code: 'FORBIDDEN', path })));
  });
});

describe('over graphql-ws', () => {
  it('gives support the customers beside a FORBIDDEN receivablesAging', async () => {
    const client = gw.ws(crew.support);
    const result = await new Promise<{ data?: Data | null; errors?: { path?: (string | number)[]; extensions?: Record<string, unknown> }[] }>((res, rej) => {
      client.subscribe({ query: '{ customers(first: 5) { totalCount } receivablesAging { asOf } }' }, { next: res as never, error: rej, complete: () => undefined });
    });
    expect(result.data).toEqual({ customers: { totalCount: 1 }, receivablesAging: null });
    expect(failures(result.errors)).toEqual([{ code: 'FORBIDDEN', path: 'receivablesAging' }]);
  });
});
