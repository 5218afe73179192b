import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  Customer360Document,
  CustomerDashboardDocument,
  CustomerTimelineDocument,
  MeDocument,
  PlaceCreditHoldDocument,
  ProductsDocument,
  ReceivablesAgingDocument,
  RecordPaymentDocument,
  TrialBalanceDocument,
} from '@tandem/client';
import { createContact, createCrew, createCustomer, createProduct, orderToInvoice, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * HTTP queries run compiled (graphql-jit) unless GRAPHQL_EXECUTOR=graphql-js,
 * and resolvers are called straight unless GRAPHQL_DIRECT_RESOLVERS=0. The
 * fast pair must answer every read like graphql-js through type-graphql's own
 * pipeline, field for field: the same data, the same partial FORBIDDEN errors
 * in the same places, the same refusals of bad input. Two gateways on one
 * database, asked the same things as several roles.
 */
let jit: TestGateway;
let interpreted: TestGateway;
let crew: Crew;
let customerId: string;
let otherCustomerId: string;

beforeAll(async () => {
  jit = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000' });
  interpreted = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000', GRAPHQL_EXECUTOR: 'graphql-js', GRAPHQL_DIRECT_RESOLVERS: '0' }, jit.databaseUrl);
  crew = await createCrew(jit);
  const p = await createProduct(jit, crew.manager, { sku: 'PAR-1', unitPrice: '19.99', taxRate: '0.2', initialStock: 1000 });
  const c = await createCustomer(jit, crew.rep1, { name: 'Parity Co' }, { finance: crew.finance, limit: '500.00' });
  customerId = c.id;
  await createContact(jit, crew.rep1, c.id, 'Ada', 'Parity');
  await createContact(jit, crew.rep1, c.id, 'Bo', 'Parity');
  const { invoice: inv } = await orderToInvoice(jit, crew, crew.rep1, c.id, [{ productId: p.id, quantity: 7 }]);
  const paid = await jit.gql(RecordPaymentDocument, { input: { customerId: c.id, amount: '40.00', allocations: [{ invoiceId: inv.id, amount: '40.00' }] } }, crew.finance);
  expect(paid.recordPayment.userErrors).toEqual([]);
  const other = await createCustomer(jit, crew.rep2, { name: 'Other Parity Co' });
  otherCustomerId = other.id;
  await jit.gql(PlaceCreditHoldDocument, { customerId: other.id, reason: 'parity' }, crew.finance);
}, 120_000);
afterAll(async () => {
  await interpreted?.stop();
  await jit?.stop();
});

/** An answer without what differs by design between two requests (the cost budget left, the order of errors). */
function comparable(r: {
  status: number;
  data?: unknown;
  errors?: readonly { message: string; path?: readonly (string | number)[]; locations?: readonly unknown[]; extensions?: Record<string, unknown> }[];
}) {
  return {
    status: r.status,
    data: r.data,
    // In path order: the order of errors is not the executor's to keep (a resolver that throws at once lands before one that rejects later).
    errors: r.errors
      ?.map((e) => ({ message: e.message, path: e.path, locations: e.locations, code: e.extensions?.code }))
      .sort((x, y) => JSON.stringify(x.path ?? []).localeCompare(JSON.stringify(y.path ?? [])) || x.message.localeCompare(y.message)),
  };
}

async function both<R, V>(doc: TypedDocumentNode<R, V>, variables: V, token: string) {
  const a = comparable(await jit.request(doc, variables, token));
  const b = comparable(await interpreted.request(doc, variables, token));
  expect(a).toEqual(b);
  return a;
}

const roles = ['admin', 'manager', 'rep1', 'rep2', 'finance', 'warehouse', 'support'] as const;

it.each(roles)('the dashboard page reads alike as %s', async (role) => {
  const r = await both(CustomerDashboardDocument, { first: 10 }, crew[role]);
  if (role === 'admin') expect(JSON.stringify(r.data)).toContain('Parity Co');
});

it.each(roles)('Customer 360 and the timeline read alike as %s', async (role) => {
  for (const id of [customerId, otherCustomerId]) {
    await both(Customer360Document, { id }, crew[role]);
    await both(CustomerTimelineDocument, { id, first: 5 }, crew[role]);
  }
});

it.each(roles)('aging, products, the trial balance and me read alike as %s', async (role) => {
  await both(ReceivablesAgingDocument, {}, crew[role]);
  await both(ProductsDocument, { first: 5 }, crew[role]);
  await both(TrialBalanceDocument, {}, crew[role]);
  await both(MeDocument, {}, crew[role]);
});

it('refuses bad input alike: an id that is not one, a page too large, a variable of the wrong type', async () => {
  const notAnId = await both(Customer360Document, { id: 'not-a-uuid' }, crew.admin);
  expect(notAnId.errors?.[0].code).toBe('BAD_USER_INPUT');
  const tooMany = await both(CustomerDashboardDocument, { first: 100_000 }, crew.admin);
  expect(tooMany.errors?.[0].code).toBeDefined();
  const wrongType = await both(CustomerDashboardDocument, { first: 'ten' as unknown as number }, crew.admin);
  expect(wrongType).toMatchObject({ status: 400, errors: [{ code: 'BAD_USER_INPUT' }] });
});
