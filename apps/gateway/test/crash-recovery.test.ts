import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { parse, print } from 'graphql';
import { Client } from 'pg';
import {
  ConfirmOrderDocument,
  CreateOrderDocument,
  Customer360Document,
  InvoiceOrderDocument,
  ProductsDocument,
  ReceivablesAgingDocument,
  RecordPaymentDocument,
  ShipOrderDocument,
} from '@tandem/client';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createCrew, createCustomer, createProduct, type Crew } from './support/fixtures';
import { freePort } from './support/free-port';
import { JWT_SECRET, startTestGateway, type TestGateway } from './support/test-app';

/**
 * kill -9 of a gateway in the middle of a concurrent order-to-cash load: every
 * write it acknowledged is there afterwards, nothing is half-written, and the
 * stock, credit, aging, invoice and payment figures recomputed from the raw
 * rows (lines, allocations, shipments) equal what the API reports. The load runs against the real main.js in a
 * child process; the checks run through another gateway on the same database.
 */
jest.setTimeout(120_000);

interface Page<N> {
  edges: { node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}
type InvoiceFigures = { id: string; total: string; amountPaid: string; balanceDue: string; status: string };
type PaymentFigures = { id: string; amount: string; unappliedAmount: string };
const INVOICES = parse(
  'query CrashInvoices($after: String) { list: invoices(first: 100, after: $after) { edges { node { id total amountPaid balanceDue status } } pageInfo { hasNextPage endCursor } } }',
) as TypedDocumentNode<{ list: Page<InvoiceFigures> }, { after?: string | null }>;
const PAYMENTS = parse(
  'query CrashPayments($after: String) { list: payments(first: 100, after: $after) { edges { node { id amount unappliedAmount } } pageInfo { hasNextPage endCursor } } }',
) as TypedDocumentNode<{ list: Page<PaymentFigures> }, { after?: string | null }>;

/** Every node of a list, page by page. */
async function allPages<N>(gw: TestGateway, doc: TypedDocumentNode<{ list: Page<N> }, { after?: string | null }>, token: string): Promise<N[]> {
  const nodes: N[] = [];
  for (let after: string | null | undefined = null; ;) {
    const { list }: { list: Page<N> } = await gw.gql(doc, { after }, token);
    nodes.push(...list.edges.map((e) => e.node));
    if (!list.pageInfo.hasNextPage) return nodes;
    after = list.pageInfo.endCursor;
  }
}

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, { ...r }]));

let gw: TestGateway;
let crew: Crew;
let child: ChildProcess;

beforeAll(async () => {
  gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000' });
  crew = await createCrew(gw);
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await gw?.stop();
});

it('loses no acknowledged write and leaves nothing half-written', async () => {
  const products = await Promise.all(['K9-A', 'K9-B', 'K9-C'].map((sku) => createProduct(gw, crew.manager, { sku, unitPrice: '19.99', taxRate: '0.2', initialStock: 100_000 })));
  const customers = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => createCustomer(gw, crew.rep1, { name: `Crash ${i}` }, { finance: crew.finance, limit: null })));

  const port = await freePort();
  child = spawn(process.execPath, [resolve(__dirname, '../dist/main.js')], {
    env: {
      PATH: process.env.PATH!,
      NODE_ENV: 'test',
      DATABASE_URL: gw.databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET,
      SEED_DEMO: '0',
      LOG_LEVEL: 'silent',
      ALERT_SCAN_INTERVAL_MS: '3600000',
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const send = async <R, V>(doc: TypedDocumentNode<R, V>, variables: V, token: string): Promise<R | null> => {
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: print(doc), variables }) });
      const body = (await res.json()) as { data?: R; errors?: unknown[] };
      return body.errors?.length ? null : (body.data ?? null);
    } catch {
      return null; // the connection died with the gateway: not acknowledged
    }
  };

  // What the gateway acknowledged, step by step.
  const acked = { confirmed: new Set<string>(), shipped: new Set<string>(), invoices: new Map<string, string>(), payments: new Map<string, string>() };
  let killed = false;
  const client = async (k: number) => {
    for (let i = 0; !killed; i++) {
      const customerId = customers[(k + i) % customers.length].id;
      const lines = [
        { productId: products[(k + i) % 3].id, quantity: 1 + (i % 4) },
        { productId: products[(k + i + 1) % 3].id, quantity: 2 },
      ];
      const created = await send(CreateOrderDocument, { input: { customerId, lines } }, crew.rep1);
      const id = created?.createOrder.order?.id;
      if (!id) continue;
      if (!(await send(ConfirmOrderDocument, { id }, crew.rep1))?.confirmOrder.order) continue;
      acked.confirmed.add(id);
      if (!(await send(ShipOrderDocument, { id }, crew.warehouse))?.shipOrder.order) continue;
      acked.shipped.add(id);
      const invoice = (await send(InvoiceOrderDocument, { orderId: id }, crew.finance))?.invoiceOrder.invoice;
      if (!invoice) continue;
      acked.invoices.set(invoice.id, id);
      const payment = (await send(RecordPaymentDocument, { input: { customerId, amount: '25.00' } }, crew.finance))?.recordPayment.payment;
      if (payment) acked.payments.set(payment.id, payment.amount);
    }
  };
  const load = Promise.all(Array.from({ length: 8 }, (_, k) => client(k)));
  await new Promise((r) => setTimeout(r, 2500));
  child.kill('SIGKILL');
  killed = true;
  await load;
  expect(acked.payments.size).toBeGreaterThan(0);

  const db = new Client({ connectionString: gw.databaseUrl });
  await db.connect();
  try {
    const q = async <T>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];
    // Every acknowledged write is there, at least as far as it was acknowledged.
    const orders = new Map((await q<{ id: string; status: string }>('select id, status from orders where id = any($1)', [[...acked.confirmed]])).map((o) => [o.id, o.status]));
    for (const id of acked.confirmed) expect(['CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'INVOICED']).toContain(orders.get(id));
    for (const id of acked.shipped) expect(['SHIPPED', 'INVOICED']).toContain(orders.get(id));
    expect((await q<{ n: number }>('select count(*)::int as n from invoices where id = any($1)', [[...acked.invoices.keys()]]))[0].n).toBe(acked.invoices.size);
    const payments = await q<{ id: string; amount: string }>('select id, amount::text from payments where id = any($1)', [[...acked.payments.keys()]]);
    expect(new Map(payments.map((p) => [p.id, p.amount]))).toEqual(acked.payments);

    // Nothing half-written: every document adds up from its own rows.
    expect(
      await q(
        `select o.id from orders o left join order_lines l on l.order_id = o.id group by o.id having count(l.id) = 0 or o.total <> sum(l.line_net + l.tax_amount) or o.subtotal <> sum(l.line_net)`,
      ),
    ).toEqual([]);
    expect(await q(`select i.id from invoices i left join invoice_lines l on l.invoice_id = i.id group by i.id having count(l.id) = 0 or i.total <> sum(l.line_net + l.tax_amount)`)).toEqual([]);
    expect(
      await q(`select i.id from invoices i left join payment_allocations a on a.invoice_id = i.id group by i.id
        having i.amount_paid <> coalesce(sum(a.amount), 0)
            or i.status::text <> case when i.amount_paid = 0 then 'OPEN' when i.amount_paid < i.total then 'PARTIALLY_PAID' else 'PAID' end`),
    ).toEqual([]);
    expect(await q(`select p.id from payments p left join payment_allocations a on a.payment_id = p.id group by p.id having p.unapplied_amount <> p.amount - coalesce(sum(a.amount), 0)`)).toEqual([]);
    expect(await q(`select l.id from order_lines l left join shipment_lines s on s.order_line_id = l.id group by l.id having l.shipped_quantity <> coalesce(sum(s.quantity), 0)`)).toEqual([]);

    // Stock from raw rows equals the products' counters and the API.
    const stock = await q<{ id: string; on_hand: number; reserved: number; shipped: number; awaiting: number }>(
      `select p.id, p.on_hand, p.reserved,
              coalesce((select sum(l.shipped_quantity) from order_lines l where l.product_id = p.id), 0)::int as shipped,
              coalesce((select sum(l.quantity - l.shipped_quantity) from order_lines l join orders o on o.id = l.order_id
                         where l.product_id = p.id and o.status in ('CONFIRMED', 'PARTIALLY_SHIPPED')), 0)::int as awaiting
         from products p where p.id = any($1)`,
      [products.map((p) => p.id)],
    );
    const api = new Map((await gw.gql(ProductsDocument, { first: 100 }, crew.manager)).products.edges.map((e) => [e.node.id, e.node.stock]));
    for (const s of stock) {
      expect(s.on_hand).toBe(100_000 - s.shipped);
      expect(s.reserved).toBe(s.awaiting);
      expect(api.get(s.id)).toEqual({ onHand: s.on_hand, reserved: s.reserved, available: s.on_hand - s.reserved });
    }

    // Invoices and payments recomputed from their lines and allocations equal what the API reports, one by one.
    const rawInvoices = await q<{ id: string; total: string; amountPaid: string; balanceDue: string; status: string }>(
      `select i.id, t.total::numeric(14,2)::text as "total", p.paid::numeric(14,2)::text as "amountPaid", (t.total - p.paid)::numeric(14,2)::text as "balanceDue",
              case when p.paid = 0 then 'OPEN' when p.paid < t.total then 'PARTIALLY_PAID' else 'PAID' end as status
         from invoices i
         cross join lateral (select sum(l.line_net + l.tax_amount) as total from invoice_lines l where l.invoice_id = i.id) t
         cross join lateral (select coalesce(sum(a.amount), 0) as paid from payment_allocations a where a.invoice_id = i.id) p`,
    );
    const rawPayments = await q<{ id: string; amount: string; unappliedAmount: string }>(
      `select p.id, p.amount::numeric(14,2)::text as amount, (p.amount - coalesce(sum(a.amount), 0))::numeric(14,2)::text as "unappliedAmount"
         from payments p left join payment_allocations a on a.payment_id = p.id group by p.id`,
    );
    expect(rawInvoices.length).toBeGreaterThanOrEqual(acked.invoices.size);
    expect(rawInvoices.some((i) => i.status !== 'OPEN')).toBe(true); // payments were applied to some
    expect(byId(await allPages(gw, INVOICES, crew.finance))).toEqual(byId(rawInvoices));
    expect(byId(await allPages(gw, PAYMENTS, crew.finance))).toEqual(byId(rawPayments));

    // Credit and aging from the same raw rows equal what the API reports, customer by customer.
    const aging = new Map((await gw.gql(ReceivablesAgingDocument, {}, crew.finance)).receivablesAging!.customers.map((r) => [r.customer.id, r.total]));
    for (const c of customers) {
      const [recomputed] = await q<{ open: string; unapplied: string }>(
        `select coalesce((select sum(t.total - p.paid) from invoices i
                  cross join lateral (select sum(l.line_net + l.tax_amount) as total from invoice_lines l where l.invoice_id = i.id) t
                  cross join lateral (select coalesce(sum(a.amount), 0) as paid from payment_allocations a where a.invoice_id = i.id) p
                  where i.customer_id = $1), 0)::numeric(14,2)::text as open,
                coalesce((select sum(p.amount) - coalesce((select sum(a.amount) from payment_allocations a join payments pp on pp.id = a.payment_id where pp.customer_id = $1), 0)
                  from payments p where p.customer_id = $1), 0)::numeric(14,2)::text as unapplied`,
        [c.id],
      );
      const credit = (await gw.gql(Customer360Document, { id: c.id }, crew.finance)).customer!.credit;
      expect({ open: credit.openReceivables, unapplied: credit.unappliedCredit }).toEqual(recomputed);
      expect(aging.get(c.id) ?? '0.00').toEqual(recomputed.open);
    }

    // Credit from the stored balances equals what the API reports, customer by customer.
    for (const c of customers) {
      const [raw] = await q<{ open: string; unapplied: string }>(
        `select coalesce((select sum(total - amount_paid) from invoices where customer_id = $1 and status in ('OPEN', 'PARTIALLY_PAID')), 0)::numeric(14,2)::text as open,
                coalesce((select sum(unapplied_amount) from payments where customer_id = $1), 0)::numeric(14,2)::text as unapplied`,
        [c.id],
      );
      const credit = (await gw.gql(Customer360Document, { id: c.id }, crew.finance)).customer!.credit;
      expect({ open: credit.openReceivables, unapplied: credit.unappliedCredit }).toEqual(raw);
    }
  } finally {
    await db.end();
  }
});
