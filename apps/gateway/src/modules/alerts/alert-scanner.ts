import { addDays, creditStatusChangeAlerts, DEFAULT_CREDIT_POLICY, invoiceOverdueAlert, slaBreachAlert, type RaisedAlert } from '@tandem/domain';
import type { Orm } from '../../db/orm';
import { query, todayUtc } from '../../db/sql';
import type { Logger } from '../../logger';
import { writeAlerts } from './alert-writer';

/**
 * Time-based alerts: INVOICE_OVERDUE, SLA_BREACH and the credit hold that an
 * invoice more than 60 days late puts on its customer. The AlertScheduler runs
 * a scan once across all instances; should two scans ever overlap (a manual
 * run, a slow one), a transaction-scoped advisory lock lets only one work, and
 * the unique event key makes each event raise one alert regardless.
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

  /** One scan; returns how many alerts it raised (0 when another instance holds the scan lock). */
  scan(now: Date = new Date()): Promise<number> {
    this.running = this.orm.em.fork().transactional(async (tx) => {
      const [{ locked }] = await query<{ locked: boolean }>(tx, `select pg_try_advisory_xact_lock(hashtext('tandem:alert-scan')) as locked`);
      if (!locked) return 0;
      const today = todayUtc(now);
      const alerts: RaisedAlert[] = [];

      const overdue = await query<{ id: string; number: string; due_date: string; balance: string; customer_id: string; name: string; owner_id: string }>(
        tx,
        `select i.id, i.number, i.due_date::text as due_date, (i.total - i.amount_paid)::text as balance, c.id as customer_id, c.name, c.owner_id
           from invoices i join customers c on c.id = i.customer_id
          where i.status in ('OPEN', 'PARTIALLY_PAID') and i.due_date < ?
            and not exists (select 1 from alerts a where a.event_key = 'INVOICE_OVERDUE:' || i.id)
          order by i.due_date limit 1000`,
        [today],
      );
      for (const r of overdue) {
        alerts.push(invoiceOverdueAlert({ invoiceId: r.id, invoiceNumber: r.number, dueDate: r.due_date, balanceDue: r.balance, customerId: r.customer_id, customerName: r.name, ownerId: r.owner_id }));
      }

      // Customers put ON_HOLD by an invoice more than the policy's days late: one alert per (customer, first such invoice).
      const holdFrom = addDays(today, -DEFAULT_CREDIT_POLICY.holdAfterDaysOverdue);
      const held = await query<{ customer_id: string; name: string; owner_id: string; on_hold: boolean; invoice_id: string }>(
        tx,
        `select c.id as customer_id, c.name, c.owner_id, c.on_hold, (array_agg(i.id order by i.due_date, i.id))[1]::text as invoice_id
           from customers c join invoices i on i.customer_id = c.id
          where i.status in ('OPEN', 'PARTIALLY_PAID') and i.due_date < ?
          group by c.id`,
        [holdFrom],
      );
      for (const r of held) {
        alerts.push(...creditStatusChangeAlerts({
          customerId: r.customer_id, customerName: r.name, ownerId: r.owner_id,
          before: r.on_hold ? 'ON_HOLD' : 'WARNING', after: 'ON_HOLD',
          changeId: `overdue:${r.invoice_id}`, reason: `an invoice is more than ${DEFAULT_CREDIT_POLICY.holdAfterDaysOverdue} days past due`,
        }));
      }

      const breached = await query<{ id: string; subject: string; sla_due_at: string | Date; customer_id: string; name: string; owner_id: string }>(
        tx,
        `select t.id, t.subject, t.sla_due_at, c.id as customer_id, c.name, c.owner_id
           from tickets t join customers c on c.id = t.customer_id
          where t.status not in ('RESOLVED', 'CLOSED') and t.sla_due_at < ?
            and not exists (select 1 from alerts a where a.event_key = 'SLA_BREACH:' || t.id)
          limit 1000`,
        [now],
      );
      for (const r of breached) {
        alerts.push(slaBreachAlert({ ticketId: r.id, subject: r.subject, slaDueAt: new Date(r.sla_due_at), customerId: r.customer_id, customerName: r.name, ownerId: r.owner_id }));
      }

      const written = await writeAlerts(tx, alerts);
      if (written.length) this.log.info({ raised: written.length }, 'alert scan raised alerts');
      return written.length;
    });
    return this.running;
  }
}
