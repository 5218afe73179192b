import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { InvoiceOrderDocument, ReceivablesAgingDocument, ReceiveStockDocument, RecordPaymentDocument, ShipOrderDocument, ConfirmOrderDocument } from '@tandem/client';
import { Client } from 'pg';
import { createCrew, createCustomer, createOrder, createProduct, orderToInvoice, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * The general ledger: every event that moves money or stock posts one balanced
 * entry in its own transaction; the database refuses to change or delete
 * entries, to commit an unbalanced one, or to post into a closed period (also
 * when the posting races the close); the hash chain exposes tampering; and the
 * books agree with the documents (receivables, deposits, inventory).
 */
type Err = { code: string; field: string[] | null; message: string };
const doc = <R, V = Record<string, unknown>>(source: string) => parse(source) as TypedDocumentNode<R, V>;
type Tb = { asOf: string; lines: { account: { code: string; name: string; type: string }; debit: string; credit: string; balance: string }[]; totalDebit: string; totalCredit: string };
const TrialBalance = doc<{ trialBalance: Tb | null }>(`query($asOf: Date) { trialBalance(asOf: $asOf) { asOf lines { account { code name type } debit credit balance } totalDebit totalCredit } }`);
type Entry = { id: string; number: string; postedAt: string; source: string; reference: string; memo: string; lines: { account: { code: string }; debit: string; credit: string }[] };
const Journal = doc<{ journalEntries: { edges: { node: Entry }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null }>(
  `query($first: Int!, $after: String, $from: Date, $to: Date, $source: [JournalSource!], $accountCode: String) {
     journalEntries(first: $first, after: $after, from: $from, to: $to, source: $source, accountCode: $accountCode) {
       edges { node { id number postedAt source reference memo lines { account { code } debit credit } } } pageInfo { hasNextPage endCursor } } }`,
);
const ClosePeriod = doc<{ closePeriod: { closedThrough: string | null; userErrors: Err[] } }>(
  `mutation($through: Date!) { closePeriod(through: $through) { closedThrough userErrors { code field message } } }`,
);
const Verify = doc<{ verifyLedger: { ok: boolean; entriesChecked: number; firstMismatch: { id: string; postedAt: string; source: string } | null } | null }>(
  `query { verifyLedger { ok entriesChecked firstMismatch { id postedAt source } } }`,
);

let gw: TestGateway;
let crew: Crew;
let db: Client;
const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000' });
  crew = await createCrew(gw);
  db = new Client({ connectionString: gw.databaseUrl });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await gw?.stop();
});

const tb = async (asOf?: string) => (await gw.gql(TrialBalance, { asOf }, crew.finance)).trialBalance!;
const balance = (t: Tb, code: string) => t.lines.find((l) => l.account.code === code)!.balance;
const entryCount = async () => Number((await db.query('select count(*) as n from journal_entries')).rows[0].n);
const sum = async (sql: string) => (await db.query(`select coalesce(sum(x), 0)::numeric(14,2)::text as s from (${sql}) q`)).rows[0].s as string;

it('posts each step of order to cash as one balanced entry, at moving-average cost, and the books agree with the documents', async () => {
  const before = await entryCount();
  const p = await createProduct(gw, crew.manager, { sku: 'LED-1', unitPrice: '50.00', taxRate: '0.2', initialStock: 4 }); // 4 at 1.00 (fixture cost)
  await db.query(`update products set unit_cost = 4.00 where id = $1`, [p.id]); // a later receipt at a dearer cost
  expect((await gw.gql(ReceiveStockDocument, { input: { productId: p.id, quantity: 2 } }, crew.warehouse)).receiveStock.userErrors).toEqual([]);
  // 6 on hand worth 4 × 1.00 + 2 × 4.00 = 12.00: the moving average is 2.00.
  expect((await db.query('select inventory_value::text as v from products where id = $1', [p.id])).rows[0].v).toBe('12.00');

  const c = await createCustomer(gw, crew.rep1, { name: 'Ledger Co' });
  const { invoice } = await orderToInvoice(gw, crew, crew.rep1, c.id, [{ productId: p.id, quantity: 3 }]);
  expect((await db.query('select inventory_value::text as v from products where id = $1', [p.id])).rows[0].v).toBe('6.00');
  const paid = await gw.gql(RecordPaymentDocument, { input: { customerId: c.id, amount: '200.00' } }, crew.finance);
  expect(paid.recordPayment.userErrors).toEqual([]);

  const journal = (await gw.gql(Journal, { first: 100 }, crew.finance)).journalEntries!.edges.map((e) => e.node).slice(0, (await entryCount()) - before);
  expect(journal.map((e) => e.source).sort()).toEqual(['INVOICE', 'PAYMENT', 'SHIPMENT', 'STOCK_ADJUSTMENT', 'STOCK_ADJUSTMENT']);
  const bySource = (s: string) => journal.find((e) => e.source === s)!;
  expect(bySource('SHIPMENT').lines).toEqual([
    { account: { code: '5000' }, debit: '6.00', credit: '0.00' },
    { account: { code: '1200' }, debit: '0.00', credit: '6.00' },
  ]);
  expect(bySource('INVOICE')).toMatchObject({ reference: invoice.number, memo: `Invoice ${invoice.number}` });
  expect(bySource('INVOICE').lines).toEqual([
    { account: { code: '1100' }, debit: '180.00', credit: '0.00' },
    { account: { code: '4000' }, debit: '0.00', credit: '150.00' },
    { account: { code: '2200' }, debit: '0.00', credit: '30.00' },
  ]);
  expect(bySource('PAYMENT').lines).toEqual([
    { account: { code: '1000' }, debit: '200.00', credit: '0.00' },
    { account: { code: '1100' }, debit: '0.00', credit: '180.00' },
    { account: { code: '2300' }, debit: '0.00', credit: '20.00' },
  ]);

  const t = await tb();
  expect(t.totalDebit).toBe(t.totalCredit);
  expect(balance(t, '1100')).toBe(await sum(`select total - amount_paid as x from invoices where status in ('OPEN', 'PARTIALLY_PAID')`));
  const aging = (await gw.gql(ReceivablesAgingDocument, {}, crew.finance)).receivablesAging!.total.total;
  expect(balance(t, '1100')).toBe(aging);
  expect(balance(t, '2300')).toBe(`-${await sum('select unapplied_amount as x from payments')}`);
  expect(balance(t, '1200')).toBe(await sum('select inventory_value as x from products'));
});

it('writes no entry, and no error, for stock that cost nothing', async () => {
  const before = await entryCount();
  const free = await gw.gql(
    doc<{ createProduct: { product: { id: string } | null; userErrors: Err[] } }>(
      'mutation($i: CreateProductInput!) { createProduct(input: $i) { product { id } userErrors { code field message } } }',
    ),
    { i: { sku: 'FREE-1', name: 'Free sample', unitPrice: '1.00', unitCost: '0', initialStock: 5 } },
    crew.manager,
  );
  expect(free.createProduct.userErrors).toEqual([]);
  expect(await entryCount()).toBe(before);
  expect((await gw.gql(Verify, {}, crew.finance)).verifyLedger!.ok).toBe(true);
});

it('writes no entry for a change that is refused or rolls back', async () => {
  const c = await createCustomer(gw, crew.rep1, { name: 'Rollback Co' });
  const before = await entryCount();
  const r = await gw.gql(RecordPaymentDocument, { input: { customerId: c.id, amount: '10.00', allocations: [{ invoiceId: '00000000-0000-4000-8000-000000000000', amount: '10.00' }] } }, crew.finance);
  expect(r.recordPayment.userErrors).not.toEqual([]);
  expect(await entryCount()).toBe(before);
});

it('refuses, in the database, to change or delete an entry, to commit an unbalanced one, or one without lines', async () => {
  const sqlstate = async (sql: string) => {
    try {
      await db.query(sql);
      return 'ok';
    } catch (e) {
      return (e as { code: string }).code;
    }
  };
  expect(await sqlstate(`update journal_lines set debit = debit + 1 where line_no = 1`)).toBe('LG001');
  expect(await sqlstate(`update journal_entries set memo = 'edited'`)).toBe('LG001');
  expect(await sqlstate(`delete from journal_lines`)).toBe('LG001');
  expect(await sqlstate(`delete from journal_entries`)).toBe('LG001');
  expect(await sqlstate(`truncate journal_lines, journal_entries`)).toBe('LG001');
  const entry = (id: string, n: number) =>
    `insert into journal_entries (id, number, posted_at, source, reference, memo, prev_hash, hash) values ('${id}', ${n}, current_date, 'INVOICE', 'x', 'x', repeat('0', 64), repeat('0', 64))`;
  const unbalanced = `begin; ${entry('00000000-0000-4000-8000-0000000000a1', 900001)};
    insert into journal_lines values ('00000000-0000-4000-8000-0000000000a1', 1, '1000', 10, 0), ('00000000-0000-4000-8000-0000000000a1', 2, '4000', 0, 9); commit;`;
  expect(await sqlstate(unbalanced)).toBe('LG003');
  await db.query('rollback').catch(() => undefined);
  expect(await sqlstate(`begin; ${entry('00000000-0000-4000-8000-0000000000a2', 900002)}; commit;`)).toBe('LG003');
  await db.query('rollback').catch(() => undefined);
  expect((await db.query(`select count(*)::int as n from journal_entries where number >= 900001`)).rows[0].n).toBe(0);
});

it('verifies the hash chain and names the first entry that was tampered with', async () => {
  const ok = (await gw.gql(Verify, {}, crew.finance)).verifyLedger!;
  expect(ok).toEqual({ ok: true, entriesChecked: await entryCount(), firstMismatch: null });
  const [victim] = (await db.query(`select id, reference from journal_entries order by number offset 2 limit 1`)).rows;
  await db.query(`alter table journal_entries disable trigger journal_entries_append_only`);
  try {
    await db.query(`update journal_entries set reference = 'forged' where id = $1`, [victim.id]);
    const bad = (await gw.gql(Verify, {}, crew.admin)).verifyLedger!;
    expect(bad).toMatchObject({ ok: false, entriesChecked: 2, firstMismatch: { id: victim.id } });
  } finally {
    await db.query(`update journal_entries set reference = $2 where id = $1`, [victim.id, victim.reference]);
    await db.query(`alter table journal_entries enable trigger journal_entries_append_only`);
  }
  expect((await gw.gql(Verify, {}, crew.finance)).verifyLedger!.ok).toBe(true);
});

it('filters journal entries by date range, source and account, and pages', async () => {
  const invoices = (await gw.gql(Journal, { first: 100, source: ['INVOICE'] }, crew.finance)).journalEntries!.edges.map((e) => e.node);
  expect(invoices.length).toBeGreaterThan(0);
  expect(invoices.every((e) => e.source === 'INVOICE')).toBe(true);
  const cash = (await gw.gql(Journal, { first: 100, accountCode: '1000' }, crew.finance)).journalEntries!.edges.map((e) => e.node);
  expect(cash.every((e) => e.lines.some((l) => l.account.code === '1000'))).toBe(true);
  expect((await gw.request(Journal, { first: 100, from: day(1), to: day(2) }, crew.finance)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  expect((await gw.gql(Journal, { first: 100, to: day(400) }, crew.finance)).journalEntries!.edges).toEqual([]);
  const bad = await gw.request(Journal, { first: 10, accountCode: '9999' }, crew.finance);
  expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  const all = (await gw.gql(Journal, { first: 100 }, crew.finance)).journalEntries!.edges.map((e) => e.node.id);
  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { edges: { node: Entry }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = (await gw.gql(Journal, { first: 2, after }, crew.finance)).journalEntries!;
    seen.push(...page.edges.map((e) => e.node.id));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(seen).toEqual(all);
});

it('keeps the ledger to FINANCE and ADMIN', async () => {
  for (const token of [crew.manager, crew.rep1, crew.warehouse, crew.support]) {
    expect((await gw.request(TrialBalance, {}, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gw.request(Verify, {}, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gw.request(Journal, { first: 1 }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gw.gql(ClosePeriod, { through: day(400) }, token)).closePeriod.userErrors[0].code).toBe('FORBIDDEN');
  }
});

describe('period close', () => {
  it('closes forward only and only ended dates', async () => {
    expect((await gw.gql(ClosePeriod, { through: day(0) }, crew.finance)).closePeriod.userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['through'] })]);
    expect((await gw.gql(ClosePeriod, { through: day(30) }, crew.finance)).closePeriod).toEqual({ closedThrough: day(30), userErrors: [] });
    expect((await gw.gql(ClosePeriod, { through: day(40) }, crew.finance)).closePeriod.userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['through'] })]);
  });

  it('refuses documents dated in the closed period with PERIOD_CLOSED, writing nothing', async () => {
    const p = await createProduct(gw, crew.manager, { sku: 'CLOSED-1', unitPrice: '10.00', taxRate: '0', initialStock: 10 });
    const c = await createCustomer(gw, crew.rep1, { name: 'Closed Books Co' });
    const o = await createOrder(gw, crew.rep1, c.id, [{ productId: p.id, quantity: 1 }], day(35));
    await gw.gql(ConfirmOrderDocument, { id: o.id }, crew.rep1);
    await gw.gql(ShipOrderDocument, { id: o.id }, crew.warehouse);
    const before = await entryCount();
    const inv = (await gw.gql(InvoiceOrderDocument, { orderId: o.id, issueDate: day(31) }, crew.finance)).invoiceOrder;
    expect(inv).toMatchObject({ invoice: null, userErrors: [expect.objectContaining({ code: 'PERIOD_CLOSED', field: ['issueDate'] })] });
    const pay = (await gw.gql(RecordPaymentDocument, { input: { customerId: c.id, amount: '1.00', receivedOn: day(30) } }, crew.finance)).recordPayment;
    expect(pay.userErrors).toEqual([expect.objectContaining({ code: 'PERIOD_CLOSED', field: ['input', 'receivedOn'] })]);
    expect(await entryCount()).toBe(before);
    expect((await gw.gql(InvoiceOrderDocument, { orderId: o.id, issueDate: day(29) }, crew.finance)).invoiceOrder.userErrors).toEqual([]);
    const direct = await db
      .query(
        `insert into journal_entries (id, number, posted_at, source, reference, memo, prev_hash, hash) values (gen_random_uuid(), 999999, $1, 'INVOICE', 'x', 'x', repeat('0', 64), repeat('0', 64))`,
        [day(31)],
      )
      .catch((e: { code: string }) => e.code);
    expect(direct).toBe('LG002');
  });

  it('lets no posting slip into a period closed while it runs: each payment commits before the close or is refused', async () => {
    const c = await createCustomer(gw, crew.rep1, { name: 'Race Co' });
    const target = day(5);
    const payments = Array.from({ length: 16 }, (_, i) =>
      gw.gql(RecordPaymentDocument, { input: { customerId: c.id, amount: `${i + 1}.00`, receivedOn: target } }, crew.finance).then((r) => r.recordPayment),
    );
    const close = new Promise((r) => setTimeout(r, 15)).then(() => gw.gql(ClosePeriod, { through: target }, crew.finance));
    const [results, closed] = await Promise.all([Promise.all(payments), close]);
    expect(closed.closePeriod).toEqual({ closedThrough: target, userErrors: [] });
    const accepted = results.filter((r) => r.payment);
    const refused = results.filter((r) => r.userErrors[0]?.code === 'PERIOD_CLOSED');
    expect(accepted.length + refused.length).toBe(16);
    const { rows } = await db.query(`select count(*)::int as late from journal_entries e, ledger_state s where e.number > s.closed_after_number and e.posted_at <= s.closed_through`);
    expect(rows[0].late).toBe(0);
    const posted = (await db.query(`select count(*)::int as n from journal_entries where source = 'PAYMENT' and reference in (select id::text from payments where customer_id = $1)`, [c.id])).rows[0]
      .n;
    expect(posted).toBe(accepted.length);
  });
});
