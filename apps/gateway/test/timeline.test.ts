import {
  ConfirmOrderDocument,
  CustomerTimelineDocument,
  InvoiceOrderDocument,
  LogActivityDocument,
  OpenTicketDocument,
  PlaceCreditHoldDocument,
  RecordPaymentDocument,
  ReleaseCreditHoldDocument,
  SetCreditLimitDocument,
  ShipOrderDocument,
  UpdateTicketStatusDocument,
} from '@tandem/client';
import { Client } from 'pg';
import { createContact, createCrew, createCustomer, createOrder, createProduct, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * One customer timeline: what people logged and what the system did, each
 * line written with its change (a refused change writes none), newest first,
 * paged without gaps or repeats, naming the document and who did it, and
 * shown exactly to those who may read it (support: activities, tickets, holds).
 */
let gw: TestGateway;
let crew: Crew;
let db: Client;
let customer: string;
let orderNumber: string;

const page = async (token: string, first: number, after?: string | null) => (await gw.gql(CustomerTimelineDocument, { id: customer, first, after }, token)).customer;
const all = async (token: string) => (await page(token, 100))!.timeline.edges.map((e) => e.node);
const ok = (r: { userErrors: unknown[] }) => expect(r.userErrors).toEqual([]);

beforeAll(async () => {
  gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000' });
  crew = await createCrew(gw);
  db = new Client({ connectionString: gw.databaseUrl });
  await db.connect();
  const p = await createProduct(gw, crew.manager, { sku: 'TL-1', unitPrice: '50.00', taxRate: '0', initialStock: 10 });
  customer = (await createCustomer(gw, crew.rep1, { name: 'Timeline Co' }, { finance: crew.finance, limit: '1000.00' })).id;
  const contact = await createContact(gw, crew.rep1, customer, 'Tess', 'Line');

  ok(
    (await gw.gql(LogActivityDocument, { input: { customerId: customer, contactId: contact.id, kind: 'CALL' as never, subject: 'Intro call', occurredAt: '2026-01-05T10:00:00Z' } }, crew.rep1))
      .logActivity,
  );
  const order = await createOrder(gw, crew.rep1, customer, [{ productId: p.id, quantity: 2 }]);
  orderNumber = order.number;
  ok((await gw.gql(ConfirmOrderDocument, { id: order.id }, crew.rep1)).confirmOrder);
  ok((await gw.gql(ShipOrderDocument, { id: order.id }, crew.warehouse)).shipOrder);
  ok((await gw.gql(InvoiceOrderDocument, { orderId: order.id }, crew.finance)).invoiceOrder);
  ok((await gw.gql(RecordPaymentDocument, { input: { customerId: customer, amount: '40.00' } }, crew.finance)).recordPayment);
  ok((await gw.gql(SetCreditLimitDocument, { customerId: customer, limit: '120.00' }, crew.finance)).setCreditLimit);
  // Refused for credit: rolls back, so no ORDER_CONFIRMED line may appear for it.
  const tooBig = await createOrder(gw, crew.rep1, customer, [{ productId: p.id, quantity: 5 }]);
  expect((await gw.gql(ConfirmOrderDocument, { id: tooBig.id }, crew.rep1)).confirmOrder.userErrors[0]?.code).toBe('CREDIT_LIMIT_EXCEEDED');
  ok((await gw.gql(PlaceCreditHoldDocument, { customerId: customer, reason: 'disputed delivery' }, crew.finance)).placeCreditHold);
  ok((await gw.gql(ReleaseCreditHoldDocument, { customerId: customer }, crew.finance)).releaseCreditHold);
  const ticket = (await gw.gql(OpenTicketDocument, { input: { customerId: customer, subject: 'Pump leaks', priority: 'HIGH' as never } }, crew.support)).openTicket.ticket!;
  ok((await gw.gql(UpdateTicketStatusDocument, { id: ticket.id, status: 'RESOLVED' as never }, crew.support)).updateTicketStatus);
  ok((await gw.gql(LogActivityDocument, { input: { customerId: customer, kind: 'NOTE' as never, subject: 'Customer happy again' } }, crew.support)).logActivity);
});
afterAll(async () => {
  await db?.end();
  await gw?.stop();
});

it('tells what people logged and what the system did, newest first, naming documents and who did it', async () => {
  const lines = await all(crew.rep1);
  expect(lines.map((l) => l.kind)).toEqual([
    'ACTIVITY',
    'TICKET_RESOLVED',
    'TICKET_OPENED',
    'HOLD_RELEASED',
    'HOLD_PLACED',
    'CREDIT_LIMIT_CHANGED',
    'PAYMENT_RECEIVED',
    'INVOICE_ISSUED',
    'ORDER_SHIPPED',
    'ORDER_CONFIRMED',
    'CREDIT_LIMIT_CHANGED', // the first limit, set right after creation
    'CUSTOMER_CREATED',
    'ACTIVITY', // the intro call, dated when it took place
  ]);
  const by = (kind: string) => lines.find((l) => l.kind === kind)!;
  expect(by('ORDER_CONFIRMED')).toMatchObject({ summary: `Order ${orderNumber} confirmed, total 100.00`, actor: { id: crew.ids.rep1 } });
  expect(by('ORDER_SHIPPED').actor?.id).toBe(crew.ids.warehouse);
  expect(by('INVOICE_ISSUED').summary).toMatch(/^Invoice INV-\d{6} issued, total 100\.00, due /);
  expect(by('PAYMENT_RECEIVED')).toMatchObject({ actor: { id: crew.ids.finance } });
  expect(by('CREDIT_LIMIT_CHANGED').summary).toBe('Credit limit changed from 1000.00 to 120.00');
  expect(by('HOLD_PLACED').summary).toBe('Credit hold placed: disputed delivery');
  expect(by('TICKET_OPENED')).toMatchObject({ summary: 'Ticket opened (HIGH): Pump leaks', actor: { id: crew.ids.support } });
  expect(lines.at(-1)).toMatchObject({ summary: 'Call: Intro call', occurredAt: '2026-01-05T10:00:00.000Z' });
  const occurred = lines.map((l) => Date.parse(l.occurredAt));
  expect(occurred).toEqual([...occurred].sort((a, b) => b - a));
});

it('pages without gaps or repeats', async () => {
  const everything = await all(crew.manager);
  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const c: NonNullable<Awaited<ReturnType<typeof page>>>['timeline'] = (await page(crew.manager, 5, after))!.timeline;
    seen.push(...c.edges.map((e) => `${e.node.kind} ${e.node.occurredAt} ${e.node.summary}`));
    if (!c.pageInfo.hasNextPage) break;
    after = c.pageInfo.endCursor;
  }
  expect(seen).toEqual(everything.map((e) => `${e.kind} ${e.occurredAt} ${e.summary}`));
  const forged = await gw.request(CustomerTimelineDocument, { id: customer, first: 5, after: Buffer.from('["yesterday","x"]').toString('base64url') }, crew.manager);
  expect(forged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});

it('shows support the customer-level lines only, hides the customer from another rep, and writes nothing for a refused change', async () => {
  expect((await all(crew.support)).map((l) => l.kind)).toEqual(['ACTIVITY', 'TICKET_RESOLVED', 'TICKET_OPENED', 'HOLD_RELEASED', 'HOLD_PLACED', 'CUSTOMER_CREATED', 'ACTIVITY']);
  expect(await page(crew.rep2, 10)).toBeNull();
  expect((await all(crew.finance)).length).toBe((await all(crew.rep1)).length);
  const { rows } = await db.query(`select count(*)::int as n from timeline_entries where customer_id = $1 and kind = 'ORDER_CONFIRMED'`, [customer]);
  expect(rows[0].n).toBe(1);
});

it('refuses activities with bad input or on customers the viewer may not read, writing nothing', async () => {
  const before = (await db.query('select count(*)::int as n from timeline_entries')).rows[0].n;
  const log = async (token: string, input: Record<string, unknown>) =>
    (await gw.gql(LogActivityDocument, { input: { customerId: customer, kind: 'NOTE', subject: 'x', ...input } as never }, token)).logActivity;
  expect((await log(crew.rep1, { subject: '' })).userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'subject'] })]);
  expect((await log(crew.rep1, { occurredAt: '2999-01-01T00:00:00Z' })).userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'occurredAt'] })]);
  expect((await log(crew.rep1, { contactId: '00000000-0000-4000-8000-000000000000' })).userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'contactId'] })]);
  expect((await log(crew.rep2, {})).userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'customerId'] })]);
  expect((await log(crew.warehouse, {})).userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
  expect((await log(crew.finance, {})).userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
  expect((await db.query('select count(*)::int as n from timeline_entries')).rows[0].n).toBe(before);
});
