import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, DEFAULT_CREDIT_POLICY, INVOICE_STATUSES_OWING, ORDER_STATUSES_WITH_EXPOSURE } from '@tandem/domain';
import { query, type ScopeSql } from '../../db/sql';

/** The domain's invoice that still owes: an owing status and a balance left (a zero-total OPEN invoice owes nothing). */
export function owingInvoiceSql(alias: string): { sql: string; params: unknown[] } {
  return { sql: `${alias}.status in (?) and ${alias}.total > ${alias}.amount_paid`, params: [INVOICE_STATUSES_OWING] };
}

/**
 * The raw figures behind a customer's credit position, read for many customers
 * in one grouped statement (invoice and payment sums, and the value not yet invoiced of its open orders).
 * The rules that turn them into exposure and status live in @tandem/domain.
 */
export interface CreditFacts {
  customerId: string;
  ownerId: string;
  limit: string | null;
  onHold: boolean;
  holdReason: string | null;
  openReceivables: string;
  overdueAmount: string;
  oldestOverdueDueDate: string | null;
  /** the invoice of oldestOverdueDueDate (ties: the lowest id); the cause of a hold for lateness */
  oldestOverdueInvoiceId: string | null;
  unappliedCredit: string;
  /**
   * The value (net + tax) of the quantities not yet invoiced on orders that
   * carry exposure: the domain's sumUninvoicedOrders, each line priced and
   * rounded like priceLine, stated in SQL (held to the domain by
   * sql-matches-domain.test.ts), so a page of customers costs no line objects
   * and no decimal arithmetic per line.
   */
  uninvoicedOrders: string;
}

interface FactRow {
  id: string;
  owner_id: string;
  credit_limit: string | null;
  on_hold: boolean;
  hold_reason: string | null;
  open_receivables: string;
  overdue_amount: string;
  oldest_overdue_due_date: string | null;
  oldest_overdue_invoice_id: string | null;
  unapplied: string;
  uninvoiced: string;
}

/** `scope` limits the customers read (the viewer's customer scope); omit it only for internal checks. */
export async function loadCreditFacts(em: EntityManager, customerIds: readonly string[], today: string, scope: ScopeSql = () => ({ sql: 'true', params: [] })): Promise<Map<string, CreditFacts>> {
  const customers = scope('c.id');
  const orders = scope('o.customer_id');
  const result = new Map<string, CreditFacts>();
  if (customerIds.length === 0) return result;
  const ids = [...customerIds];
  const owing = owingInvoiceSql('inv');
  // One statement: the sums per customer, every figure as exact text.
  const rows = await query<FactRow>(
    em,
    `select c.id, c.owner_id, c.credit_limit, c.on_hold, c.hold_reason,
            coalesce(i.open_receivables, 0)::text as open_receivables,
            coalesce(i.overdue_amount, 0)::text as overdue_amount,
            i.oldest_overdue_due_date::text as oldest_overdue_due_date,
            i.oldest_overdue_invoice_id::text as oldest_overdue_invoice_id,
            coalesce(p.unapplied, 0)::text as unapplied,
            coalesce(l.uninvoiced, 0)::text as uninvoiced
       from customers c
       left join lateral (
         select sum(inv.total - inv.amount_paid) as open_receivables,
                sum(inv.total - inv.amount_paid) filter (where inv.due_date < ?) as overdue_amount,
                min(inv.due_date) filter (where inv.due_date < ?) as oldest_overdue_due_date,
                (array_agg(inv.id order by inv.due_date, inv.id) filter (where inv.due_date < ?))[1] as oldest_overdue_invoice_id
           from invoices inv
          where inv.customer_id = c.id and ${owing.sql}
       ) i on true
       left join lateral (select sum(unapplied_amount) as unapplied from payments where customer_id = c.id) p on true
       left join lateral (
         -- priceLine on the quantity left: net = round(q × price × (1 − discount/100), 2), tax = round(net × rate, 2);
         -- numeric is exact and its round() is half away from zero, like the domain's.
         select sum(v.net + round(v.net * v.tax_rate, 2)) as uninvoiced
           from (select round((ol.quantity - ol.invoiced_quantity) * ol.unit_price * (1 - ol.discount_percent / 100), 2) as net, ol.tax_rate
                   from order_lines ol
                   join orders o on o.id = ol.order_id
                  where o.customer_id = c.id
                    and o.status in (?)
                    and ol.quantity > ol.invoiced_quantity
                    and ${orders.sql}) v
       ) l on true
      where c.id in (?) and ${customers.sql}`,
    [today, today, today, ...owing.params, ORDER_STATUSES_WITH_EXPOSURE, ...orders.params, ids, ...customers.params],
  );
  for (const r of rows) {
    result.set(r.id, {
      customerId: r.id,
      ownerId: r.owner_id,
      limit: r.credit_limit,
      onHold: r.on_hold,
      holdReason: r.hold_reason,
      openReceivables: r.open_receivables,
      overdueAmount: r.overdue_amount,
      oldestOverdueDueDate: r.oldest_overdue_due_date,
      oldestOverdueInvoiceId: r.oldest_overdue_invoice_id,
      unappliedCredit: r.unapplied,
      uninvoicedOrders: r.uninvoiced,
    });
  }
  return result;
}

/**
 * The customers the domain puts ON_HOLD for lateness as of `asOf`: an owing
 * invoice more than the policy's days past due. Each comes with its oldest
 * overdue invoice, chosen like the domain's overdueFigures (due date, then id).
 */
export async function loadOverdueHoldCandidates(em: EntityManager, asOf: string): Promise<{ customerId: string; oldestOverdueInvoiceId: string; oldestOverdueDueDate: string }[]> {
  const owing = owingInvoiceSql('i');
  const rows = await query<{ customer_id: string; id: string; due_date: string }>(
    em,
    `select distinct on (i.customer_id) i.customer_id, i.id, i.due_date::text as due_date
       from invoices i
      where ${owing.sql} and i.due_date < ?
      order by i.customer_id, i.due_date, i.id`,
    [...owing.params, addDays(asOf, -DEFAULT_CREDIT_POLICY.holdAfterDaysOverdue)],
  );
  return rows.map((r) => ({ customerId: r.customer_id, oldestOverdueInvoiceId: r.id, oldestOverdueDueDate: r.due_date }));
}
