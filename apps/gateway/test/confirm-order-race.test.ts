import { CancelOrderDocument, ConfirmOrderDocument } from '@tandem/client';
import type { Client } from 'pg';
import { createCrew, createCustomer, createOrder, createProduct, type Crew } from './support/fixtures';
import { sqlClient } from './support/sql-client';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * confirmOrder's plain-row path under real concurrency: many customers' orders
 * share a few products, with their lines in opposite product orders, credit
 * limits refuse some, stock refuses some, and cancellations of the same drafts
 * race the confirmations. Checked afterwards from raw rows: no customer's
 * confirmed orders pass its limit, each product's reserved is exactly what the
 * confirmed orders hold and never more than on hand, and only the confirmed
 * orders left a timeline line (a refusal writes none).
 */
let gw: TestGateway;
let crew: Crew;
let db: Client;
beforeAll(async () => {
  gw = await startTestGateway({ DB_POOL_MAX: '20' });
  crew = await createCrew(gw);
  db = await sqlClient(gw.databaseUrl);
});
afterAll(async () => {
  await db?.end();
  await gw?.stop();
});

it('keeps credit, stock and the timeline exact under simultaneous confirmations and cancellations', async () => {
  const products = [];
  for (let i = 0; i < 3; i++) products.push(await createProduct(gw, crew.manager, { sku: `RACE-P${i}`, unitPrice: '10.00', taxRate: '0', initialStock: i === 2 ? 12 : 1000 }));
  const customers = [];
  for (let i = 0; i < 4; i++) customers.push(await createCustomer(gw, i % 2 ? crew.rep1 : crew.rep2, { name: `Race Mixed ${i}` }, { finance: crew.finance, limit: '150.00' }));
  const drafts: { id: string; token: string }[] = [];
  for (let i = 0; i < 48; i++) {
    const token = i % 2 ? crew.rep1 : crew.rep2;
    const [a, b] = i % 3 === 0 ? [products[2], products[0]] : i % 3 === 1 ? [products[0], products[1]] : [products[1], products[2]];
    const o = await createOrder(gw, token, customers[(i % 2) + 2 * (Math.floor(i / 2) % 2)].id, [
      { productId: a.id, quantity: 1 + (i % 2) },
      { productId: b.id, quantity: 1 },
    ]);
    drafts.push({ id: o.id, token });
  }
  const results = await Promise.all([
    ...drafts.map((d) => gw.gql(ConfirmOrderDocument, { id: d.id }, d.token).then((r) => ({ kind: 'confirm', r: r.confirmOrder }))),
    ...drafts.filter((_, i) => i % 5 === 0).map((d) => gw.gql(CancelOrderDocument, { id: d.id }, d.token).then((r) => ({ kind: 'cancel', r: r.cancelOrder }))),
  ]);
  const confirmed = results.filter((x) => x.kind === 'confirm' && x.r.order).length;
  const codes = new Set(results.flatMap((x) => x.r.userErrors.map((e) => e.code)));
  expect(confirmed).toBeGreaterThan(0);
  // Every refusal is a business answer, never a lock or database error.
  for (const code of codes) expect(['CREDIT_LIMIT_EXCEEDED', 'INSUFFICIENT_STOCK', 'INVALID_TRANSITION']).toContain(code);
  expect(codes.has('CREDIT_LIMIT_EXCEEDED')).toBe(true);
  expect(codes.has('INSUFFICIENT_STOCK')).toBe(true);

  const ids = customers.map((c) => c.id);
  const over = await db.query(
    `select c.id from customers c where c.id = any($1)
        and (select coalesce(sum(o.total), 0) from orders o where o.customer_id = c.id and o.status = 'CONFIRMED') > c.credit_limit`,
    [ids],
  );
  expect(over.rows).toEqual([]);
  const stock = await db.query(
    `select p.sku, p.on_hand, p.reserved,
            (select coalesce(sum(l.quantity), 0)::int from order_lines l join orders o on o.id = l.order_id where l.product_id = p.id and o.status = 'CONFIRMED') as held
       from products p where p.sku like 'RACE-P%'`,
  );
  for (const p of stock.rows) {
    expect(p.reserved).toBe(p.held);
    expect(p.reserved).toBeLessThanOrEqual(p.on_hand);
  }
  const counts = await db.query(
    `select (select count(*)::int from timeline_entries where customer_id = any($1) and kind = 'ORDER_CONFIRMED') as lines,
            (select count(*)::int from audit_log where action = 'OrderConfirmed' and entity_id = any($2::text[])) as audited`,
    [ids, drafts.map((d) => d.id)],
  );
  // One timeline line and one audit line per confirmation that succeeded (some were cancelled after), none for a refused one.
  expect(counts.rows[0]).toEqual({ lines: confirmed, audited: confirmed });
});

it("draws a refusal alert's id only once it holds the outbox lock (lock, insert and NOTIFY are one statement)", async () => {
  const p = await createProduct(gw, crew.manager, { sku: 'RACE-LOCK', unitPrice: '10.00', taxRate: '0', initialStock: 100 });
  const c = await createCustomer(gw, crew.rep1, { name: 'Race Outbox' }, { finance: crew.finance, limit: '5.00' });
  const o = await createOrder(gw, crew.rep1, c.id, [{ productId: p.id, quantity: 1 }]);
  const holder = await sqlClient(gw.databaseUrl);
  try {
    await holder.query('begin');
    await holder.query(`select pg_advisory_xact_lock(hashtext('tandem:alerts'))`);
    const seq = async () => (await db.query('select last_value::text as v from alerts_id_seq')).rows[0].v as string;
    const before = await seq();
    const refused = gw.gql(ConfirmOrderDocument, { id: o.id }, crew.rep1);
    // The refusal's transaction is now queued on the outbox lock: it must not have taken an id yet.
    for (let i = 0; i < 50; i++) {
      const waiting = await db.query(`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and wait_event = 'advisory'`);
      if (waiting.rows[0].n > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await seq()).toBe(before);
    const { rows } = await holder.query(`insert into alerts (kind, severity, message, audience_roles, audience_user_ids, event_key, created_at)
                                          values ('CREDIT_WARNING', 'INFO', 'held', '{ADMIN}', '{}', 'race-outbox-holder', now()) returning id::text as id`);
    await holder.query('commit');
    expect((await refused).confirmOrder.userErrors.map((e) => e.code)).toEqual(['CREDIT_LIMIT_EXCEEDED']);
    const later = await db.query(`select id::text as id from alerts where order_id = $1`, [o.id]);
    expect(BigInt(later.rows[0].id)).toBeGreaterThan(BigInt(rows[0].id));
  } finally {
    await holder.end();
  }
});

it("answers another rep's order NOT_FOUND without waiting on its customer's lock, and sees an owner changed while it waited", async () => {
  const p = await createProduct(gw, crew.manager, { sku: 'RACE-SCOPE', unitPrice: '10.00', taxRate: '0', initialStock: 100 });
  const c = await createCustomer(gw, crew.rep1, { name: 'Race Scope' });
  const first = await createOrder(gw, crew.rep1, c.id, [{ productId: p.id, quantity: 1 }]);
  const second = await createOrder(gw, crew.rep1, c.id, [{ productId: p.id, quantity: 1 }]);
  const holder = await sqlClient(gw.databaseUrl);
  try {
    await holder.query('begin');
    await holder.query('select id from customers where id = $1 for no key update', [c.id]);
    // Another rep's attempt is filtered out before the lock: an immediate NOT_FOUND, not a wait ending in DATABASE_BUSY.
    const started = Date.now();
    const foreign = await gw.gql(ConfirmOrderDocument, { id: first.id }, crew.rep2);
    expect(foreign.confirmOrder.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    expect(Date.now() - started).toBeLessThan(1000);
    // The owner's attempt waits; the customer changes hands meanwhile; after the wait the scope is checked on the newest row.
    const owner = gw.gql(ConfirmOrderDocument, { id: second.id }, crew.rep1);
    let waited = false;
    for (let i = 0; i < 50 && !waited; i++) {
      const waiting = await db.query(`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like '%for no key update of c%'`);
      waited = waiting.rows[0].n > 0;
      if (!waited) await new Promise((r) => setTimeout(r, 20));
    }
    expect(waited).toBe(true);
    await holder.query('update customers set owner_id = $1 where id = $2', [crew.ids.rep2, c.id]);
    await holder.query('commit');
    expect((await owner).confirmOrder.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    const { rows } = await db.query('select status from orders where id = $1', [second.id]);
    expect(rows[0].status).toBe('DRAFT');
  } finally {
    await holder.end();
  }
});
