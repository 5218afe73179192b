import 'reflect-metadata';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import * as domain from '@tandem/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { migrate, openOrm, type Orm } from '../src/db/orm';
import { loadCreditFacts, loadOverdueHoldCandidates } from '../src/modules/customers/credit-facts';
import { creditFiguresOf } from '../src/modules/customers/credit-view';
import { loadInvoicesAsOf } from '../src/modules/receivables/aging.rows';
import { createTestDatabase } from './support/test-app';

/**
 * One home per rule: the grouped SQL behind credit figures, aging and the
 * 60-day hold must give what the domain's list-based functions give on the
 * same rows. Random customers, invoices, payments and orders go straight into
 * PostgreSQL; every figure is compared as a decimal string at several dates,
 * chosen around an anchor so that due today, 60 and 61 days ago all occur.
 */
const ANCHOR = '2025-06-30';
const POLICY = domain.DEFAULT_CREDIT_POLICY;
const ORDER_STATUSES: domain.OrderStatus[] = ['DRAFT', 'CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'INVOICED', 'CANCELLED'];

// Edge days first: due on the date, one day late, and either side of the hold.
const arbDay = fc.oneof(fc.constantFrom(0, -1, 1, -59, -60, -61, -62), fc.integer({ min: -200, max: 60 }));
const arbCents = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 2_000_000 }));
const arbPercent = fc.oneof(fc.constantFrom(0, 100), fc.integer({ min: 0, max: 100 }));
const arbCustomer = fc.record({
  limitCents: fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3_000_000 }))),
  onHold: fc.boolean(),
  invoices: fc.array(fc.record({ due: arbDay, terms: fc.constantFrom(0, 14, 30, 60), cents: arbCents }), { maxLength: 6 }),
  payments: fc.array(
    fc.record({
      day: fc.oneof(fc.constantFrom(0, 1, 61), fc.integer({ min: -200, max: 70 })), // often on a date compared
      unappliedCents: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000 })),
      allocations: fc.array(fc.record({ invoice: fc.nat(), percent: fc.oneof(fc.constant(100), fc.integer({ min: 1, max: 100 })) }), { maxLength: 3 }),
    }),
    { maxLength: 4 },
  ),
  orders: fc.array(
    fc.record({
      status: fc.constantFrom(...ORDER_STATUSES),
      lines: fc.array(
        fc.record({
          quantity: fc.integer({ min: 1, max: 20 }),
          shippedPercent: arbPercent,
          invoicedPercent: arbPercent,
          unitCents: fc.integer({ min: 0, max: 100_000 }),
          discountPercent: fc.constantFrom('0', '10', '12.5', '33.3333', '100'),
          taxRate: fc.constantFrom('0', '0.075', '0.2', '0.0725'),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
    { maxLength: 3 },
  ),
});
type RawCustomer = typeof arbCustomer extends fc.Arbitrary<infer T> ? T : never;

/** Customers in every run with the edge cases spelled out, whatever the random draws. */
const EDGE_CUSTOMER: RawCustomer = {
  limitCents: 500_000,
  onHold: false,
  invoices: [
    { due: 0, terms: 30, cents: 1_000 }, // due exactly on the anchor
    { due: -60, terms: 30, cents: 2_000 }, // exactly 60 days late at the anchor: not yet a hold
    { due: -61, terms: 30, cents: 3_000 }, // 61 days late: a hold …
    { due: -61, terms: 14, cents: 4_000 }, // … and a second invoice due the same day, for the tie-break
    { due: -90, terms: 30, cents: 0 }, // a zero total: OPEN, yet owes nothing
    { due: -100, terms: 30, cents: 5_000 }, // paid in full below
    { due: 30, terms: 0, cents: 6_000 }, // issued after the anchor
  ],
  payments: [
    { day: -50, unappliedCents: 0, allocations: [{ invoice: 5, percent: 100 }, { invoice: 3, percent: 50 }] }, // pays invoice 5 in full, half of 3
    { day: 0, unappliedCents: 0, allocations: [{ invoice: 0, percent: 30 }] }, // received on the anchor itself
    { day: 10, unappliedCents: 250, allocations: [{ invoice: 2, percent: 40 }] }, // received after the anchor
  ],
  orders: ORDER_STATUSES.map((status) => ({
    status,
    lines: [
      { quantity: 5, shippedPercent: 60, invoicedPercent: 50, unitCents: 1_999, discountPercent: '12.5', taxRate: '0.075' },
      { quantity: 3, shippedPercent: 100, invoicedPercent: 100, unitCents: 1_000, discountPercent: '0', taxRate: '0.2' }, // fully invoiced
    ],
  })),
};
/** Exactly 60 days late at the anchor and nothing older: held from the next day only. */
const SIXTY_DAYS_LATE: RawCustomer = { limitCents: null, onHold: false, invoices: [{ due: -60, terms: 30, cents: 1_500 }], payments: [], orders: [] };

type Row = Record<string, string | number | boolean | null>;
interface Data {
  customers: Row[];
  orders: Row[];
  lines: Row[];
  invoices: Row[];
  payments: Row[];
  allocations: Row[];
}

/** Ids whose order has nothing to do with insertion order, so a missing tie-break shows. */
const uid = (key: string) => createHash('md5').update(key).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
const cents = (n: number) => new domain.Decimal(n).div(100);
const fm = domain.formatMoney;

/** Turns raw draws into rows that keep every table's constraints and the invoice statuses consistent with amount_paid. */
function build(raw: RawCustomer[], ownerId: string, productId: string): Data {
  const d: Data = { customers: [], orders: [], lines: [], invoices: [], payments: [], allocations: [] };
  let n = 0;
  const order = (customerId: string, status: domain.OrderStatus, lines: { quantity: number; shipped: number; invoiced: number; unitPrice: string; discountPercent: string; taxRate: string }[]) => {
    const id = uid(`order ${n++}`);
    const priced = lines.map((l) => domain.priceLine(l));
    const totals = domain.documentTotals(priced);
    d.orders.push({ id, number: `O-${n}`, customer_id: customerId, status, order_date: ANCHOR, subtotal: fm(totals.subtotal), tax_total: fm(totals.taxTotal), total: fm(totals.total), created_by_id: ownerId, created_at: new Date().toISOString() });
    lines.forEach((l, k) => d.lines.push({
      id: uid(`line ${n++}`), order_id: id, line_no: k + 1, product_id: productId, quantity: l.quantity, unit_price: l.unitPrice, discount_percent: l.discountPercent, tax_rate: l.taxRate,
      line_net: fm(priced[k].net), tax_amount: fm(priced[k].tax), shipped_quantity: l.shipped, invoiced_quantity: l.invoiced,
    }));
    return id;
  };
  raw.forEach((c, ci) => {
    const customerId = uid(`customer ${ci}`);
    d.customers.push({ id: customerId, name: `C${ci}`, owner_id: ownerId, payment_terms_days: 30, credit_limit: c.limitCents === null ? null : fm(cents(c.limitCents)), on_hold: c.onHold, created_at: new Date().toISOString() });
    // The order every invoice of this customer bills: fully invoiced, so worth nothing to credit.
    const billed = order(customerId, 'INVOICED', [{ quantity: 1, shipped: 1, invoiced: 1, unitPrice: '1.00', discountPercent: '0', taxRate: '0' }]);
    for (const o of c.orders) {
      order(customerId, o.status, o.lines.map((l) => {
        const shipped = Math.floor((l.quantity * l.shippedPercent) / 100);
        return { quantity: l.quantity, shipped, invoiced: Math.floor((shipped * l.invoicedPercent) / 100), unitPrice: fm(cents(l.unitCents)), discountPercent: l.discountPercent, taxRate: l.taxRate };
      }));
    }
    const invoices = c.invoices.map((i) => {
      const due = domain.addDays(ANCHOR, i.due);
      const row = { id: uid(`invoice ${n++}`), number: `I-${n}`, customer_id: customerId, order_id: billed, status: 'OPEN', issue_date: domain.addDays(due, -i.terms), due_date: due, subtotal: fm(cents(i.cents)), tax_total: '0.00', total: fm(cents(i.cents)), amount_paid: '0.00', created_at: new Date().toISOString() };
      d.invoices.push(row);
      return row;
    });
    for (const p of c.payments) {
      const paymentId = uid(`payment ${n++}`);
      const allocated: Row[] = [];
      for (const a of p.allocations) {
        const inv = invoices[a.invoice % Math.max(1, invoices.length)];
        if (!inv) break;
        const balance = domain.balanceDue({ total: inv.total, amountPaid: inv.amount_paid });
        const amount = balance.times(a.percent).div(100).toDecimalPlaces(2, domain.Decimal.ROUND_DOWN);
        if (amount.lte(0)) continue;
        inv.amount_paid = fm(domain.money(inv.amount_paid).plus(amount));
        allocated.push({ id: uid(`allocation ${n++}`), payment_id: paymentId, invoice_id: inv.id, amount: fm(amount) });
      }
      const amount = domain.sumMoney(allocated.map((a) => a.amount as string)).plus(cents(p.unappliedCents));
      if (amount.lte(0)) continue;
      d.payments.push({ id: paymentId, customer_id: customerId, amount: fm(amount), received_on: domain.addDays(ANCHOR, p.day), unapplied_amount: fm(cents(p.unappliedCents)), created_at: new Date().toISOString() });
      d.allocations.push(...allocated);
    }
    for (const inv of invoices) inv.status = domain.invoiceStatus({ total: inv.total, amountPaid: inv.amount_paid });
  });
  return d;
}

async function store(em: EntityManager, d: Data): Promise<void> {
  await em.execute('truncate payment_allocations, payments, invoices, order_lines, orders, customers cascade');
  const knex = em.getConnection().getKnex();
  for (const [table, rows] of [['customers', d.customers], ['orders', d.orders], ['order_lines', d.lines], ['invoices', d.invoices], ['payments', d.payments], ['payment_allocations', d.allocations]] as const) {
    if (rows.length) await knex(table).insert(rows);
  }
}

/** The same rows as the domain's lists. */
const owedOf = (d: Data, customerId: string): domain.InvoiceOwed[] =>
  d.invoices.filter((i) => i.customer_id === customerId).map((i) => ({ id: i.id as string, status: i.status as domain.InvoiceStatus, balanceDue: domain.balanceDue({ total: i.total as string, amountPaid: i.amount_paid as string }), dueDate: i.due_date as string }));
function creditFromLists(d: Data, c: Row, asOf: string) {
  const orders = d.orders.filter((o) => o.customer_id === c.id).map((o) => ({
    status: o.status as domain.OrderStatus,
    lines: d.lines.filter((l) => l.order_id === o.id).map((l) => ({ quantity: l.quantity as number, invoicedQuantity: l.invoiced_quantity as number, unitPrice: l.unit_price as string, discountPercent: l.discount_percent as string, taxRate: l.tax_rate as string })),
  }));
  const unappliedPayments = d.payments.filter((p) => p.customer_id === c.id).map((p) => p.unapplied_amount as string);
  return domain.summarizeCredit(domain.creditInputsFromLists({ limit: c.credit_limit as string | null, onHold: c.on_hold as boolean, invoices: owedOf(d, c.id as string), orders, unappliedPayments, asOf }));
}
const figures = (s: domain.CreditSummary, oldest: { oldestOverdueDueDate: string | null; oldestOverdueInvoiceId: string | null }) => ({
  openReceivables: fm(s.openReceivables), overdueAmount: fm(s.overdueAmount), oldestOverdueDueDate: oldest.oldestOverdueDueDate, oldestOverdueInvoiceId: oldest.oldestOverdueInvoiceId, maxDaysOverdue: s.maxDaysOverdue, unappliedCredit: fm(s.unappliedCredit),
  uninvoicedOrders: fm(s.uninvoicedOrders), exposure: fm(s.exposure), available: s.available && fm(s.available), utilization: s.utilization && s.utilization.toFixed(4), status: s.status,
});
const history = (d: Data) => ({
  invoices: d.invoices.map((i) => ({ invoiceId: i.id as string, customerId: i.customer_id as string, issueDate: i.issue_date as string, dueDate: i.due_date as string, total: i.total as string })),
  allocations: d.allocations.map((a) => ({ invoiceId: a.invoice_id as string, amount: a.amount as string, receivedOn: d.payments.find((p) => p.id === a.payment_id)!.received_on as string })),
});
const invoiceRows = (rows: domain.InvoiceAtDate[]) => rows.map((r) => ({ ...r, total: fm(r.total), paid: fm(r.paid) })).sort((a, b) => a.invoiceId.localeCompare(b.invoiceId));
const agingRows = (a: ReturnType<typeof domain.ageReceivables>) => ({
  total: Object.fromEntries(Object.entries(a.total).map(([k, v]) => [k, fm(v)])),
  customers: a.customers.map((c) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, typeof v === 'string' ? v : fm(v)]))).sort((x, y) => String(x.customerId).localeCompare(String(y.customerId))),
});

let orm: Orm;
let ownerId: string;
let productId: string;
beforeAll(async () => {
  orm = await openOrm(await createTestDatabase(), { poolMax: 2 });
  await migrate(orm);
  [ownerId, productId] = [uid('owner'), uid('product')];
  const knex = orm.em.getConnection().getKnex();
  await knex('users').insert({ id: ownerId, email: 'owner@sql.tandem', name: 'Owner', role: 'SALES_REP', password_hash: 'x', created_at: new Date().toISOString() });
  await knex('products').insert({ id: productId, sku: 'SQL-1', name: 'SQL', unit_price: '1.00', unit_cost: '1.00', tax_rate: '0', created_at: new Date().toISOString() });
});
afterAll(() => orm?.close(true));

it('credit facts, aging as of a date and the overdue hold agree with the domain on random data (property)', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(arbCustomer, { minLength: 1, maxLength: 6 }), fc.uniqueArray(fc.integer({ min: -120, max: 150 }), { maxLength: 3 }), async (raw, offsets) => {
      const d = build([EDGE_CUSTOMER, SIXTY_DAYS_LATE, ...raw], ownerId, productId);
      const em = orm.em.fork();
      await store(em, d);
      const ids = d.customers.map((c) => c.id as string);
      for (const asOf of [0, 1, 61, ...offsets].map((k) => domain.addDays(ANCHOR, k))) {
        const facts = await loadCreditFacts(em, ids, asOf);
        const sql = Object.fromEntries(ids.map((id) => [id, figures(creditFiguresOf(facts.get(id)!, asOf), facts.get(id)!)]));
        const lists = Object.fromEntries(d.customers.map((c) => [c.id, figures(creditFromLists(d, c, asOf), domain.overdueFigures(owedOf(d, c.id as string), asOf))]));
        expect({ asOf, credit: sql }).toEqual({ asOf, credit: lists });

        const held = await loadOverdueHoldCandidates(em, asOf);
        const wantHeld = d.customers
          .filter((c) => creditFromLists(d, c, asOf).maxDaysOverdue > POLICY.holdAfterDaysOverdue)
          .map((c) => {
            const o = domain.overdueFigures(owedOf(d, c.id as string), asOf);
            return { customerId: c.id as string, oldestOverdueInvoiceId: o.oldestOverdueInvoiceId, oldestOverdueDueDate: o.oldestOverdueDueDate };
          });
        const byCustomer = (list: { customerId: string }[]) => [...list].sort((a, b) => a.customerId.localeCompare(b.customerId));
        expect({ asOf, held: byCustomer(held) }).toEqual({ asOf, held: byCustomer(wantHeld) });

        const rows = await loadInvoicesAsOf(em, asOf);
        expect({ asOf, invoices: invoiceRows(rows) }).toEqual({ asOf, invoices: invoiceRows(domain.invoicesAsOf({ asOf, ...history(d) })) });
        expect({ asOf, aging: agingRows(domain.ageReceivables({ asOf, invoices: rows })) }).toEqual({ asOf, aging: agingRows(domain.ageReceivablesAsOf({ asOf, ...history(d) })) });
      }
      // Once every invoice and payment has happened, the aging total is the receivables the credit figures count.
      const late = domain.addDays(ANCHOR, 400);
      const facts = await loadCreditFacts(em, ids, late);
      const aging = domain.ageReceivables({ asOf: late, invoices: await loadInvoicesAsOf(em, late) });
      expect(fm(aging.total.total)).toBe(fm(domain.sumMoney([...facts.values()].map((f) => f.openReceivables))));
    }),
    { numRuns: 40 },
  );
}, 180_000);
