import { ALERT_KEY_PREFIX, alertKeys, EXPIRABLE_QUOTE_STATUSES, isOverdue } from '@tandem/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { tryLockAlertScan } from '../../db/locks';
import type { Orm } from '../../db/orm';
import { query, todayUtc } from '../../db/sql';
import { transactional } from '../../db/transactional';
import { dispatchEvents } from '../../events/event-dispatcher';
import { EventLog } from '../../events/event-log';
import type { Logger } from '../../logger';
import { loadOverdueHoldCandidates, owingInvoiceSql } from '../customers/credit-facts';

interface CustomerColumns {
  customer_id: string;
  name: string;
  owner_id: string;
}
const customerRefOf = (r: CustomerColumns) => ({ customerId: r.customer_id, customerName: r.name, ownerId: r.owner_id });

/**
 * Time-based business events: invoices falling overdue, invoices more than
 * 60 days late (the credit hold they cause), tickets past their SLA, and
 * open quotes past their validity date (marked EXPIRED). The
 * scan states them as events and dispatches them like any write does; what
 * they raise is the domain's decision (alertsForEvent). The AlertScheduler
 * runs a scan once across all instances; should two ever overlap, the scan
 * lock lets only one work, and alert keys by cause make each raise one alert
 * whoever finds it, a write or the scan.
 */
export class AlertScanner {
  private running: Promise<number> | null = null;

  constructor(
    private readonly orm: Orm,
    private readonly log: Logger,
  ) {}

  async stop(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** One scan; returns how many new events it found (0 when another instance holds the scan lock). */
  scan(now: Date = new Date()): Promise<number> {
    this.running = transactional(this.orm.em.fork(), async (tx) => {
      if (!(await tryLockAlertScan(tx))) return 0;
      const events = new EventLog(null);
      await this.overdueInvoices(tx, events, todayUtc(now));
      await this.overdueHolds(tx, events, todayUtc(now));
      await this.slaBreaches(tx, events, now);
      await this.expiredQuotes(tx, events, todayUtc(now));
      await dispatchEvents(tx, events.events);
      if (events.events.length) this.log.info({ events: events.events.length }, 'alert scan found new time-based events');
      return events.events.length;
    });
    return this.running;
  }

  /** Invoices past their due date with something owed, not yet announced. */
  private async overdueInvoices(tx: EntityManager, events: EventLog, today: string): Promise<void> {
    const owing = owingInvoiceSql('i');
    const rows = await query<CustomerColumns & { id: string; number: string; due_date: string; balance: string }>(
      tx,
      `select i.id, i.number, i.due_date::text as due_date, (i.total - i.amount_paid)::text as balance, c.id as customer_id, c.name, c.owner_id
         from invoices i join customers c on c.id = i.customer_id
        where ${owing.sql} and i.due_date < ?
          and not exists (select 1 from alerts a where a.event_key = ? || i.id)
        order by i.due_date limit 1000`,
      [...owing.params, today, ALERT_KEY_PREFIX.INVOICE_OVERDUE],
    );
    for (const r of rows.filter((r) => isOverdue({ dueDate: r.due_date, balanceDue: r.balance }, today))) {
      events.record({ type: 'InvoiceFellOverdue', customer: customerRefOf(r), invoiceId: r.id, invoiceNumber: r.number, dueDate: r.due_date, balanceDue: r.balance });
    }
  }

  /**
   * Customers whose oldest invoice still owing is more than the policy's days
   * late (loadOverdueHoldCandidates, held to the domain by a test): the cause
   * of their hold, found once. A customer held by hand is already on hold;
   * once released, the next scan finds the lateness hold.
   */
  private async overdueHolds(tx: EntityManager, events: EventLog, today: string): Promise<void> {
    const candidates = await loadOverdueHoldCandidates(tx, today);
    const keyOf = (c: (typeof candidates)[number]) => alertKeys.overdueHold(c.customerId, c.oldestOverdueInvoiceId);
    const known = new Set(candidates.length ? (await query<{ event_key: string }>(tx, 'select event_key from alerts where event_key in (?)', [candidates.map(keyOf)])).map((k) => k.event_key) : []);
    const fresh = candidates.filter((c) => !known.has(keyOf(c))).slice(0, 1000);
    if (fresh.length === 0) return;
    const customers = await query<CustomerColumns & { on_hold: boolean }>(tx, 'select c.id as customer_id, c.name, c.owner_id, c.on_hold from customers c where c.id in (?)', [
      fresh.map((c) => c.customerId),
    ]);
    const byId = new Map(customers.map((c) => [c.customer_id, c]));
    for (const c of fresh) {
      const customer = byId.get(c.customerId);
      if (!customer || customer.on_hold) continue;
      events.record({ type: 'OverdueHoldReached', customer: customerRefOf(customer), invoiceId: c.oldestOverdueInvoiceId, dueDate: c.oldestOverdueDueDate });
    }
  }

  /** Tickets unresolved past their SLA, not yet announced. */
  private async slaBreaches(tx: EntityManager, events: EventLog, now: Date): Promise<void> {
    const rows = await query<CustomerColumns & { id: string; subject: string; sla_due_at: string | Date }>(
      tx,
      `select t.id, t.subject, t.sla_due_at, c.id as customer_id, c.name, c.owner_id
         from tickets t join customers c on c.id = t.customer_id
        where t.status not in ('RESOLVED', 'CLOSED') and t.sla_due_at < ?
          and not exists (select 1 from alerts a where a.event_key = ? || t.id)
        limit 1000`,
      [now, ALERT_KEY_PREFIX.SLA_BREACH],
    );
    for (const r of rows) {
      events.record({ type: 'TicketSlaBreached', customer: customerRefOf(r), ticketId: r.id, subject: r.subject, slaDueAt: new Date(r.sla_due_at) });
    }
  }

  /**
   * Open quotes past their validity date become EXPIRED. A quote locked by a
   * write at this moment (being accepted) is skipped, not waited for; the next
   * scan sees it again if it is still open.
   */
  private async expiredQuotes(tx: EntityManager, events: EventLog, today: string): Promise<void> {
    const rows = await query<CustomerColumns & { id: string; number: string; total: string; valid_until: string }>(
      tx,
      `with due as (
         select id from quotes where valid_until < ? and status in (?) order by valid_until limit 1000 for no key update skip locked
       ), expired as (
         update quotes q set status = 'EXPIRED' from due where q.id = due.id
         returning q.id, q.number, q.total, q.valid_until::text as valid_until, q.customer_id
       )
       select e.*, c.name, c.owner_id from expired e join customers c on c.id = e.customer_id`,
      [today, EXPIRABLE_QUOTE_STATUSES],
    );
    for (const r of rows) {
      events.record({ type: 'QuoteExpired', customer: customerRefOf(r), quote: { quoteId: r.id, quoteNumber: r.number, total: r.total }, validUntil: r.valid_until });
    }
  }
}
