import {
  AcceptQuoteDocument,
  ApproveQuoteDocument,
  ConfirmOrderDocument,
  CreateQuoteDocument,
  CustomerTimelineDocument,
  PlaceCreditHoldDocument,
  QuoteDocument,
  QuotesDocument,
  SendQuoteDocument,
} from '@tandem/client';
import { priceOrderLines } from '@tandem/domain';
import { Client } from 'pg';
import { createCrew, createCustomer, createProduct, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * Quotes (CPQ) over the API: priced from the catalog like orders, a discount
 * over the rep's limit waits for a manager, the quote shows today's credit
 * check and stock, acceptance creates one DRAFT order with the same lines and
 * total whose confirmation makes the ordinary credit check (no bypass), and
 * the scan expires open quotes past their date.
 */
let gw: TestGateway;
let crew: Crew;
let db: Client;
let product: { id: string };
let customer: string;

beforeAll(async () => {
  gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000' });
  crew = await createCrew(gw);
  db = new Client({ connectionString: gw.databaseUrl });
  await db.connect();
  product = await createProduct(gw, crew.manager, { sku: 'Q-PUMP', unitPrice: '100.00', taxRate: '0.2', initialStock: 5 });
  customer = (await createCustomer(gw, crew.rep1, { name: 'Quote Co' }, { finance: crew.finance, limit: '500.00' })).id;
});
afterAll(async () => {
  await db?.end();
  await gw?.stop();
});

const count = async (table: string) => Number((await db.query(`select count(*) as n from ${table}`)).rows[0].n);
const create = async (token: string, input: Record<string, unknown>) => (await gw.gql(CreateQuoteDocument, { input: input as never }, token)).createQuote;
const line = (quantity: number, discountPercent = '0') => ({ productId: product.id, quantity, discountPercent });

it('prices a quote like an order and approves it at once within the rep’s discount limit', async () => {
  const q = await create(crew.rep1, { customerId: customer, lines: [line(2, '15')] });
  expect(q.userErrors).toEqual([]);
  const expected = priceOrderLines([{ quantity: 2, unitPrice: '100.00', discountPercent: '15', taxRate: '0.2' }]);
  if (!expected.ok) throw new Error('domain refused');
  expect(q.quote).toMatchObject({
    number: expect.stringMatching(/^QT-\d{6}$/),
    status: 'APPROVED',
    requiresApproval: false,
    customer: { id: customer },
    subtotal: expected.value.subtotal.toFixed(2),
    taxTotal: expected.value.taxTotal.toFixed(2),
    total: expected.value.total.toFixed(2),
    lines: [{ product: { id: product.id, sku: 'Q-PUMP' }, quantity: 2, unitPrice: '100.00', discountPercent: '15.0000', lineTotal: '170.00' }],
  });
  expect(q.quote!.total).toBe('204.00');
  const validUntil = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  expect(q.quote!.validUntil).toBe(validUntil);
});

it('sends a quote over the rep’s limit for approval that only a SALES_MANAGER or ADMIN may give', async () => {
  const q = (await create(crew.rep1, { customerId: customer, lines: [line(1, '20')] })).quote!;
  expect(q).toMatchObject({ status: 'PENDING_APPROVAL', requiresApproval: true });
  expect((await gw.gql(ApproveQuoteDocument, { id: q.id }, crew.rep1)).approveQuote.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
  expect((await gw.gql(SendQuoteDocument, { id: q.id }, crew.rep1)).sendQuote.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);
  expect((await gw.gql(AcceptQuoteDocument, { id: q.id }, crew.rep1)).acceptQuote.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);
  const approved = (await gw.gql(ApproveQuoteDocument, { id: q.id }, crew.manager)).approveQuote;
  expect(approved.quote).toEqual({ id: q.id, status: 'APPROVED', requiresApproval: true });
  expect((await gw.gql(ApproveQuoteDocument, { id: q.id }, crew.manager)).approveQuote.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);
});

it('shows today’s credit check and stock beside the price, so a rep sees a refusal coming', async () => {
  const small = (await create(crew.rep1, { customerId: customer, lines: [line(1)] })).quote!;
  const big = (await create(crew.rep1, { customerId: customer, lines: [line(6)] })).quote!;
  const read = async (id: string) => (await gw.gql(QuoteDocument, { id }, crew.rep1)).quote!;
  const s = await read(small.id);
  expect(s.customer.credit).toEqual({ status: 'OK', available: '500.00' });
  expect(s.creditCheck).toMatchObject({ approved: true, exposureAfter: '120.00', available: '380.00' });
  expect(s.lines[0].product.stock.available).toBe(5);
  const b = await read(big.id);
  expect(b.total).toBe('720.00');
  expect(b.creditCheck).toMatchObject({ approved: false, reason: expect.any(String), exposureAfter: '720.00' });
});

it('accepts an approved quote once into a DRAFT order with the same lines and total, even when many clients accept at once', async () => {
  const q = (await create(crew.rep1, { customerId: customer, lines: [line(2, '10'), line(1)] })).quote!;
  expect((await gw.gql(SendQuoteDocument, { id: q.id }, crew.rep1)).sendQuote.quote).toEqual({ id: q.id, status: 'SENT' });
  const orders = await count('orders');
  const results = await Promise.all(Array.from({ length: 6 }, () => gw.gql(AcceptQuoteDocument, { id: q.id }, crew.rep1)));
  const accepted = results.filter((r) => r.acceptQuote.order);
  expect(accepted).toHaveLength(1);
  expect(results.filter((r) => r.acceptQuote.userErrors[0]?.code === 'INVALID_TRANSITION')).toHaveLength(5);
  expect(accepted[0].acceptQuote).toMatchObject({ quote: { id: q.id, status: 'ACCEPTED' }, order: { status: 'DRAFT', total: q.total } });
  expect(await count('orders')).toBe(orders + 1);
  const { rows } = await db.query(
    `select ol.product_id, ol.quantity, ol.unit_price::text, ol.discount_percent::text, ol.line_net::text from order_lines ol where ol.order_id = $1 order by ol.line_no`,
    [accepted[0].acceptQuote.order!.id],
  );
  expect(rows.map((r) => [r.quantity, r.discount_percent, r.line_net])).toEqual(q.lines.map((l) => [l.quantity, l.discountPercent, l.lineTotal]));

  const kinds = (await gw.gql(CustomerTimelineDocument, { id: customer, first: 50 }, crew.rep1)).customer!.timeline.edges.map((e) => e.node);
  expect(kinds.find((n) => n.kind === 'QUOTE_SENT')?.summary).toContain(q.number);
  expect(kinds.find((n) => n.kind === 'QUOTE_ACCEPTED')?.summary).toContain(accepted[0].acceptQuote.order!.number);
});

it('cannot carry an order past the credit limit or a hold: the accepted order is confirmed with the ordinary check', async () => {
  const over = (await create(crew.rep1, { customerId: customer, lines: [line(5)] })).quote!;
  const order = (await gw.gql(AcceptQuoteDocument, { id: over.id }, crew.rep1)).acceptQuote.order!;
  const refused = (await gw.gql(ConfirmOrderDocument, { id: order.id }, crew.rep1)).confirmOrder;
  expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'CREDIT_LIMIT_EXCEEDED' })]);

  const held = await createCustomer(gw, crew.rep1, { name: 'Held Quote Co' });
  const q = (await create(crew.rep1, { customerId: held.id, lines: [line(1)] })).quote!;
  await gw.gql(PlaceCreditHoldDocument, { customerId: held.id, reason: 'disputed invoice' }, crew.finance);
  const o = (await gw.gql(AcceptQuoteDocument, { id: q.id }, crew.rep1)).acceptQuote.order!;
  expect((await gw.gql(ConfirmOrderDocument, { id: o.id }, crew.rep1)).confirmOrder.userErrors).toEqual([expect.objectContaining({ code: 'CREDIT_HOLD' })]);
});

it('reads an open quote past its date as EXPIRED, refuses to accept it, and the scan writes EXPIRED', async () => {
  const q = (await create(crew.rep1, { customerId: customer, lines: [line(1)] })).quote!;
  await db.query(`update quotes set valid_until = current_date - 1 where id = $1`, [q.id]);
  expect((await gw.gql(QuoteDocument, { id: q.id }, crew.rep1)).quote!.status).toBe('EXPIRED');
  expect((await gw.gql(QuotesDocument, { first: 100, status: ['EXPIRED' as never] }, crew.rep1)).quotes!.edges.map((e) => e.node.id)).toContain(q.id);
  expect((await gw.gql(QuotesDocument, { first: 100, status: ['APPROVED' as never] }, crew.rep1)).quotes!.edges.map((e) => e.node.id)).not.toContain(q.id);
  expect((await gw.gql(AcceptQuoteDocument, { id: q.id }, crew.rep1)).acceptQuote.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);
  await gw.app.scanner.scan();
  expect((await db.query('select status from quotes where id = $1', [q.id])).rows[0].status).toBe('EXPIRED');
});

it('refuses bad quotes with the input path and writes nothing', async () => {
  const before = await count('quotes');
  const bad = async (input: Record<string, unknown>) => {
    const r = await gw.request(CreateQuoteDocument, { input: input as never }, crew.rep1);
    return r.errors?.[0] ? { code: r.errors[0].extensions?.code, field: r.errors[0].extensions?.field ?? r.errors[0].path } : r.data!.createQuote.userErrors[0];
  };
  expect(await bad({ customerId: customer, lines: [] })).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'lines'] });
  expect(await bad({ customerId: customer, lines: [line(0)] })).toMatchObject({ code: 'BAD_USER_INPUT' });
  expect(await bad({ customerId: customer, lines: [line(1, '101')] })).toMatchObject({ code: 'BAD_USER_INPUT' });
  expect(await bad({ customerId: customer, lines: [{ ...line(1), unitPrice: '-1.00' }] })).toMatchObject({ code: 'BAD_USER_INPUT' });
  expect(await bad({ customerId: customer, lines: Array.from({ length: 501 }, () => line(1)) })).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'lines'] });
  expect(await bad({ customerId: customer, lines: [{ productId: '00000000-0000-4000-8000-000000000000', quantity: 1 }] })).toMatchObject({
    code: 'NOT_FOUND',
    field: ['input', 'lines', '0', 'productId'],
  });
  expect(await bad({ customerId: customer, validUntil: '2020-01-01', lines: [line(1)] })).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'validUntil'] });
  expect(await bad({ customerId: customer, opportunityId: '00000000-0000-4000-8000-000000000000', lines: [line(1)] })).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'opportunityId'] });
  expect(await count('quotes')).toBe(before);
});

it('keeps quotes inside the customers a viewer reads: another rep gets null and NOT_FOUND, support and the warehouse FORBIDDEN', async () => {
  const q = (await create(crew.rep1, { customerId: customer, lines: [line(1)] })).quote!;
  expect((await gw.gql(QuoteDocument, { id: q.id }, crew.rep2)).quote).toBeNull();
  expect((await gw.gql(QuotesDocument, { first: 100 }, crew.rep2)).quotes!.edges.map((e) => e.node.id)).not.toContain(q.id);
  expect((await gw.gql(SendQuoteDocument, { id: q.id }, crew.rep2)).sendQuote.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['id'], message: 'No such quote.' }]);
  expect((await create(crew.rep2, { customerId: customer, lines: [line(1)] })).userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'customerId'] })]);
  expect((await gw.gql(QuoteDocument, { id: q.id }, crew.finance)).quote?.id).toBe(q.id);
  expect((await create(crew.finance, { customerId: customer, lines: [line(1)] })).userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
  for (const token of [crew.support, crew.warehouse]) {
    const r = await gw.request(QuotesDocument, { first: 10 }, token);
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  }
});
