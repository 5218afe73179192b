import { createHash } from 'node:crypto';
import fc from 'fast-check';
import * as domain from '@tandem/domain';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Random receivables for tests that hold SQL to the domain: customers with
 * invoices, payments and allocations, and orders in every status, as table
 * rows that keep every constraint, and the same rows as the domain's lists.
 * Dates lie around ANCHOR so that due on the date, 60 and 61 days late occur.
 */
export const ANCHOR = '2025-06-30';
const ORDER_STATUSES: domain.OrderStatus[] = ['DRAFT', 'CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'INVOICED', 'CANCELLED'];

// Edge days first: due on the date, one day late, and either side of the hold.
const arbDay = fc.oneof(fc.constantFrom(0, -1, 1, -59, -60, -61, -62), fc.integer({ min: -200, max: 60 }));
const arbCents = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 2_000_000 }));
const arbPercent = fc.oneof(fc.constantFrom(0, 100), fc.integer({ min: 0, max: 100 }));
export const arbCustomer = fc.record({
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
export type RawCustomer = typeof arbCustomer extends fc.Arbitrary<infer T> ? T : never;

/** Customers in every run with the edge cases spelled out, whatever the random draws. */
export const EDGE_CUSTOMER: RawCustomer = {
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
    {
      day: -50,
      unappliedCents: 0,
      allocations: [
        { invoice: 5, percent: 100 },
        { invoice: 3, percent: 50 },
      ],
    }, // pays invoice 5 in full, half of 3
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
export const SIXTY_DAYS_LATE: RawCustomer = { limitCents: null, onHold: false, invoices: [{ due: -60, terms: 30, cents: 1_500 }], payments: [], orders: [] };

export type Row = Record<string, string | number | boolean | null>;
export interface Data {
  customers: Row[];
  orders: Row[];
  lines: Row[];
  invoices: Row[];
  payments: Row[];
  allocations: Row[];
}

/** Ids whose order has nothing to do with insertion order, so a missing tie-break shows. */
export const uid = (key: string) =>
  createHash('md5')
    .update(key)
    .digest('hex')
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
const cents = (n: number) => new domain.Decimal(n).div(100);
const fm = domain.formatMoney;

/** Turns raw draws into rows that keep every table's constraints and the invoice statuses consistent with amount_paid. */
export function build(raw: RawCustomer[], ownerId: string, productId: string): Data {
  const d: Data = { customers: [], orders: [], lines: [], invoices: [], payments: [], allocations: [] };
  let n = 0;
  const order = (customerId: string, status: domain.OrderStatus, lines: { quantity: number; shipped: number; invoiced: number; unitPrice: string; discountPercent: string; taxRate: string }[]) => {
    const id = uid(`order ${n++}`);
    const priced = lines.map((l) => domain.priceLine(l));
    const totals = domain.documentTotals(priced);
    d.orders.push({
      id,
      number: `O-${n}`,
      customer_id: customerId,
      status,
      order_date: ANCHOR,
      subtotal: fm(totals.subtotal),
      tax_total: fm(totals.taxTotal),
      total: fm(totals.total),
      created_by_id: ownerId,
      created_at: new Date().toISOString(),
    });
    lines.forEach((l, k) =>
      d.lines.push({
        id: uid(`line ${n++}`),
        order_id: id,
        line_no: k + 1,
        product_id: productId,
        quantity: l.quantity,
        unit_price: l.unitPrice,
        discount_percent: l.discountPercent,
        tax_rate: l.taxRate,
        line_net: fm(priced[k].net),
        tax_amount: fm(priced[k].tax),
        shipped_quantity: l.shipped,
        invoiced_quantity: l.invoiced,
      }),
    );
    return id;
  };
  raw.forEach((c, ci) => {
    const customerId = uid(`customer ${ci}`);
    d.customers.push({
      id: customerId,
      name: `C${ci}`,
      owner_id: ownerId,
      payment_terms_days: 30,
      credit_limit: c.limitCents === null ? null : fm(cents(c.limitCents)),
      on_hold: c.onHold,
      created_at: new Date().toISOString(),
    });
    // The order every invoice of this customer bills: fully invoiced, so worth nothing to credit.
    const billed = order(customerId, 'INVOICED', [{ quantity: 1, shipped: 1, invoiced: 1, unitPrice: '1.00', discountPercent: '0', taxRate: '0' }]);
    for (const o of c.orders) {
      order(
        customerId,
        o.status,
        o.lines.map((l) => {
          const shipped = Math.floor((l.quantity * l.shippedPercent) / 100);
          return {
            quantity: l.quantity,
            shipped,
            invoiced: Math.floor((shipped * l.invoicedPercent) / 100),
            unitPrice: fm(cents(l.unitCents)),
            discountPercent: l.discountPercent,
            taxRate: l.taxRate,
          };
        }),
      );
    }
    const invoices = c.invoices.map((i) => {
      const due = domain.addDays(ANCHOR, i.due);
      const row = {
        id: uid(`invoice ${n++}`),
        number: `I-${n}`,
        customer_id: customerId,
        order_id: billed,
        status: 'OPEN',
        issue_date: domain.addDays(due, -i.terms),
        due_date: due,
        subtotal: fm(cents(i.cents)),
        tax_total: '0.00',
        total: fm(cents(i.cents)),
        amount_paid: '0.00',
        created_at: new Date().toISOString(),
      };
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
      d.payments.push({
        id: paymentId,
        customer_id: customerId,
        amount: fm(amount),
        received_on: domain.addDays(ANCHOR, p.day),
        unapplied_amount: fm(cents(p.unappliedCents)),
        created_at: new Date().toISOString(),
      });
      d.allocations.push(...allocated);
    }
    for (const inv of invoices) inv.status = domain.invoiceStatus({ total: inv.total, amountPaid: inv.amount_paid });
  });
  return d;
}

export async function store(em: EntityManager, d: Data): Promise<void> {
  await em.execute('truncate payment_allocations, payments, invoices, order_lines, orders, customers cascade');
  const knex = em.getConnection().getKnex();
  for (const [table, rows] of [
    ['customers', d.customers],
    ['orders', d.orders],
    ['order_lines', d.lines],
    ['invoices', d.invoices],
    ['payments', d.payments],
    ['payment_allocations', d.allocations],
  ] as const) {
    if (rows.length) await knex(table).insert(rows);
  }
}

/** A customer's invoices as the domain's credit lists take them. */
export const owedOf = (d: Data, customerId: string): domain.InvoiceOwed[] =>
  d.invoices
    .filter((i) => i.customer_id === customerId)
    .map((i) => ({
      id: i.id as string,
      status: i.status as domain.InvoiceStatus,
      balanceDue: domain.balanceDue({ total: i.total as string, amountPaid: i.amount_paid as string }),
      dueDate: i.due_date as string,
    }));
/** The invoices and dated allocations as receivables-history takes them. */
export const history = (d: Data) => ({
  invoices: d.invoices.map((i) => ({ invoiceId: i.id as string, customerId: i.customer_id as string, issueDate: i.issue_date as string, dueDate: i.due_date as string, total: i.total as string })),
  allocations: d.allocations.map((a) => ({ invoiceId: a.invoice_id as string, amount: a.amount as string, receivedOn: d.payments.find((p) => p.id === a.payment_id)!.received_on as string })),
});

/** One customer's rows as the lists creditInputsFromLists takes (all but the date). */
export function creditListsOf(d: Data, c: Row) {
  const orders = d.orders
    .filter((o) => o.customer_id === c.id)
    .map((o) => ({
      status: o.status as domain.OrderStatus,
      lines: d.lines
        .filter((l) => l.order_id === o.id)
        .map((l) => ({
          quantity: l.quantity as number,
          invoicedQuantity: l.invoiced_quantity as number,
          unitPrice: l.unit_price as string,
          discountPercent: l.discount_percent as string,
          taxRate: l.tax_rate as string,
        })),
    }));
  const unappliedPayments = d.payments.filter((p) => p.customer_id === c.id).map((p) => p.unapplied_amount as string);
  return { limit: c.credit_limit as string | null, onHold: c.on_hold as boolean, invoices: owedOf(d, c.id as string), orders, unappliedPayments };
}
