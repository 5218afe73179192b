import type { CreditCheck } from '../credit/credit-check';
import { creditStatusAlerts } from '../credit/credit-check';
import { DEFAULT_CREDIT_POLICY, type CreditStatus } from '../credit/credit-position';
import type { HoldCause } from '../credit/hold-cause';
import { formatMoney, type DecimalLike } from '../money/decimal';
import { alertKeys } from './alert-keys';

export type AlertKind = 'CREDIT_LIMIT_EXCEEDED' | 'CREDIT_WARNING' | 'CREDIT_HOLD' | 'INVOICE_OVERDUE' | 'LOW_STOCK' | 'SLA_BREACH' | 'DEAL_WON';
export const ALERT_KINDS: readonly AlertKind[] = ['CREDIT_LIMIT_EXCEEDED', 'CREDIT_WARNING', 'CREDIT_HOLD', 'INVOICE_OVERDUE', 'LOW_STOCK', 'SLA_BREACH', 'DEAL_WON'];
export type AlertSeverity = 'INFO' | 'WARNING' | 'CRITICAL';
export type AlertRole = 'ADMIN' | 'SALES_MANAGER' | 'SALES_REP' | 'FINANCE' | 'WAREHOUSE' | 'SUPPORT';

/** Who hears an alert: everyone with one of `roles`, plus the named users (the owning reps). ADMIN always. */
export interface AlertAudience {
  roles: AlertRole[];
  userIds: string[];
}

export interface AlertSubject {
  customerId?: string;
  orderId?: string;
  invoiceId?: string;
  productId?: string;
  ticketId?: string;
  opportunityId?: string;
}

export interface RaisedAlert {
  kind: AlertKind;
  severity: AlertSeverity;
  message: string;
  subject: AlertSubject;
  audience: AlertAudience;
  /**
   * Names the business event; the same key is never raised twice (one alert
   * per event), e.g. `INVOICE_OVERDUE:<invoiceId>`.
   */
  eventKey: string;
}

/**
 * A viewer hears an alert when it is an ADMIN, holds one of its roles, or is
 * named in it. An alert about a customer names the customer's owner as it is
 * when the alert is read or delivered (`customerOwnerId`), not the one stored
 * when it was raised: a reassigned customer's alerts, past and future, follow
 * it to its new owner. An alert about no customer names `audience.userIds`.
 * Being named counts for a SALES_REP only (reps read what they own): a rep
 * moved to another role hears what that role hears, never its old customers.
 */
export function canViewerSeeAlert(viewer: { id: string; role: AlertRole }, audience: AlertAudience, customerOwnerId: string | null = null): boolean {
  if (viewer.role === 'ADMIN' || audience.roles.includes(viewer.role)) return true;
  if (viewer.role !== 'SALES_REP') return false;
  return customerOwnerId !== null ? customerOwnerId === viewer.id : audience.userIds.includes(viewer.id);
}

/** The customer an alert names, and the rep who owns it (who hears about it). */
export interface AlertCustomer {
  customerId: string;
  customerName: string;
  ownerId: string;
}
type CustomerFacts = AlertCustomer;

// Credit and receivables concern finance and sales management, and the rep who owns the customer.
const creditAudience = (ownerId: string): AlertAudience => ({ roles: ['ADMIN', 'FINANCE', 'SALES_MANAGER'], userIds: [ownerId] });

/**
 * A confirmation refused for credit raises CREDIT_LIMIT_EXCEEDED (or nothing
 * for a hold, which was announced when it was placed). One per refused attempt.
 */
export function creditRefusalAlerts(c: CustomerFacts & { orderId: string; orderNumber: string; check: CreditCheck; attemptId: string }): RaisedAlert[] {
  if (c.check.approved || c.check.reason !== 'CREDIT_LIMIT_EXCEEDED') return [];
  return [
    {
      kind: 'CREDIT_LIMIT_EXCEEDED',
      severity: 'WARNING',
      message: `Order ${c.orderNumber} for ${c.customerName} was refused: exposure would reach ${formatMoney(c.check.exposureAfter)} against a limit of ${formatMoney(c.check.limit!)}.`,
      subject: { customerId: c.customerId, orderId: c.orderId },
      audience: creditAudience(c.ownerId),
      eventKey: alertKeys.creditLimitExceeded(c.orderId, c.attemptId),
    },
  ];
}

/**
 * A credit status change raises CREDIT_WARNING when it moves into WARNING or
 * OVER_LIMIT, and CREDIT_HOLD when it moves into ON_HOLD, keyed by the hold's
 * cause (a hold placed by hand, with its reason; or an invoice more than 60
 * days late). `changeId` names the change that caused it.
 */
export function creditStatusChangeAlerts(c: CustomerFacts & { before: CreditStatus; after: CreditStatus; holdCause: HoldCause | null; changeId: string; reason?: string }): RaisedAlert[] {
  return creditStatusAlerts(c.before, c.after).map((kind): RaisedAlert => {
    if (kind === 'CREDIT_HOLD') {
      if (!c.holdCause) throw new Error('creditStatusChangeAlerts: ON_HOLD without a cause');
      const reason = c.holdCause.kind === 'INVOICE_OVERDUE' ? `an invoice is more than ${DEFAULT_CREDIT_POLICY.holdAfterDaysOverdue} days past due` : c.reason;
      return {
        kind,
        severity: 'CRITICAL',
        message: `${c.customerName} is on credit hold${reason ? `: ${reason}` : ''}.`,
        subject: { customerId: c.customerId },
        audience: creditAudience(c.ownerId),
        eventKey: alertKeys.creditHold(c.customerId, c.holdCause, c.changeId),
      };
    }
    return {
      kind,
      severity: c.after === 'OVER_LIMIT' ? 'CRITICAL' : 'WARNING',
      message: `${c.customerName}'s credit moved from ${c.before} to ${c.after}.`,
      subject: { customerId: c.customerId },
      audience: creditAudience(c.ownerId),
      eventKey: alertKeys.creditWarning(c.customerId, c.changeId),
    };
  });
}

/** An invoice that passed its due date unpaid raises INVOICE_OVERDUE once, for finance and the owning rep. */
export function invoiceOverdueAlert(c: CustomerFacts & { invoiceId: string; invoiceNumber: string; dueDate: string; balanceDue: DecimalLike }): RaisedAlert {
  return {
    kind: 'INVOICE_OVERDUE',
    severity: 'WARNING',
    message: `Invoice ${c.invoiceNumber} of ${c.customerName} is overdue since ${c.dueDate}: ${formatMoney(c.balanceDue)} unpaid.`,
    subject: { customerId: c.customerId, invoiceId: c.invoiceId },
    audience: { roles: ['ADMIN', 'FINANCE'], userIds: [c.ownerId] },
    eventKey: alertKeys.invoiceOverdue(c.invoiceId),
  };
}

/**
 * Available stock falling below the reorder point raises LOW_STOCK for the
 * warehouse, sales management and the reps who own confirmed orders that
 * still need the product.
 */
export function lowStockAlert(p: { productId: string; sku: string; available: number; reorderPoint: number; repIds: readonly string[]; changeId: string }): RaisedAlert {
  return {
    kind: 'LOW_STOCK',
    severity: p.available <= 0 ? 'CRITICAL' : 'WARNING',
    message: `${p.sku}: ${p.available} available, below the reorder point of ${p.reorderPoint}.`,
    subject: { productId: p.productId },
    audience: { roles: ['ADMIN', 'WAREHOUSE', 'SALES_MANAGER'], userIds: [...new Set(p.repIds)] },
    eventKey: alertKeys.lowStock(p.productId, p.changeId),
  };
}

/** A ticket unresolved past its SLA raises SLA_BREACH once, for support and the customer's rep. */
export function slaBreachAlert(c: CustomerFacts & { ticketId: string; subject: string; slaDueAt: Date }): RaisedAlert {
  return {
    kind: 'SLA_BREACH',
    severity: 'CRITICAL',
    message: `Ticket "${c.subject}" of ${c.customerName} passed its SLA at ${c.slaDueAt.toISOString()} unresolved.`,
    subject: { customerId: c.customerId, ticketId: c.ticketId },
    audience: { roles: ['ADMIN', 'SUPPORT'], userIds: [c.ownerId] },
    eventKey: alertKeys.slaBreach(c.ticketId),
  };
}

/** An opportunity moving to WON raises DEAL_WON for sales management, finance and its owner. */
export function dealWonAlert(c: CustomerFacts & { opportunityId: string; name: string; amount: DecimalLike }): RaisedAlert {
  return {
    kind: 'DEAL_WON',
    severity: 'INFO',
    message: `${c.name} with ${c.customerName} was won: ${formatMoney(c.amount)}.`,
    subject: { customerId: c.customerId, opportunityId: c.opportunityId },
    audience: { roles: ['ADMIN', 'SALES_MANAGER', 'FINANCE'], userIds: [c.ownerId] },
    eventKey: alertKeys.dealWon(c.opportunityId),
  };
}
