import type { CreditCheck } from '../credit/credit-check';
import type { CreditStatus } from '../credit/credit-position';
import type { DecimalLike } from '../money/decimal';
import type { IsoDate } from '../money/dates';
import { isOverdue } from '../invoicing/invoice-plan';
import { availableStock, crossesBelowReorderPoint } from '../stock/stock-levels';
import {
  creditRefusalAlerts, creditStatusChangeAlerts, dealWonAlert, invoiceOverdueAlert, lowStockAlert, slaBreachAlert, type AlertCustomer, type RaisedAlert,
} from './alert-rules';

interface StockFigures {
  onHand: number;
  reserved: number;
  reorderPoint: number;
}

/** A change, described by the facts before and after it, that may raise alerts. */
export type AlertChange =
  | { kind: 'ORDER_CREDIT_CHECK'; customer: AlertCustomer; orderId: string; orderNumber: string; check: CreditCheck; attemptId: string }
  | { kind: 'CREDIT_STATUS'; customer: AlertCustomer; before: CreditStatus; after: CreditStatus; changeId: string; reason?: string }
  | { kind: 'STOCK_LEVEL'; productId: string; sku: string; before: StockFigures; after: StockFigures; repIds: readonly string[]; changeId: string }
  | {
      kind: 'INVOICE_DUE';
      customer: AlertCustomer;
      invoiceId: string;
      invoiceNumber: string;
      dueDate: IsoDate;
      balanceDue: DecimalLike;
      /** the date last looked at (null: never), and the date now */
      before: IsoDate | null;
      after: IsoDate;
    }
  | {
      kind: 'TICKET_SLA';
      customer: AlertCustomer;
      ticketId: string;
      subject: string;
      slaDueAt: Date;
      resolvedAt: Date | null;
      /** the instant last looked at (null: never), and the instant now */
      before: Date | null;
      after: Date;
    }
  | { kind: 'OPPORTUNITY_STAGE'; customer: AlertCustomer; opportunityId: string; name: string; amount: DecimalLike; before: string; after: string };

/**
 * The alerts a change raises, from its before and after facts, one per
 * business event: a credit refusal raises CREDIT_LIMIT_EXCEEDED; a status
 * moving into WARNING/OVER_LIMIT raises CREDIT_WARNING and into ON_HOLD
 * CREDIT_HOLD; stock whose available crosses below its reorder point raises
 * LOW_STOCK (not again while it stays below); an invoice that becomes overdue
 * between the two dates raises INVOICE_OVERDUE; a ticket unresolved when its
 * SLA passes between the two instants raises SLA_BREACH; an opportunity moving
 * into WON raises DEAL_WON.
 */
export function alertsForChange(change: AlertChange): RaisedAlert[] {
  switch (change.kind) {
    case 'ORDER_CREDIT_CHECK':
      return creditRefusalAlerts({ ...change.customer, orderId: change.orderId, orderNumber: change.orderNumber, check: change.check, attemptId: change.attemptId });
    case 'CREDIT_STATUS':
      return creditStatusChangeAlerts({ ...change.customer, before: change.before, after: change.after, changeId: change.changeId, reason: change.reason });
    case 'STOCK_LEVEL': {
      const before = { productId: change.productId, ...change.before };
      const after = { productId: change.productId, ...change.after };
      if (!crossesBelowReorderPoint(before, after)) return [];
      return [lowStockAlert({ productId: change.productId, sku: change.sku, available: availableStock(after), reorderPoint: after.reorderPoint, repIds: change.repIds, changeId: change.changeId })];
    }
    case 'INVOICE_DUE': {
      const invoice = { dueDate: change.dueDate, balanceDue: change.balanceDue };
      const wasOverdue = change.before !== null && isOverdue(invoice, change.before);
      if (wasOverdue || !isOverdue(invoice, change.after)) return [];
      return [invoiceOverdueAlert({ ...change.customer, invoiceId: change.invoiceId, invoiceNumber: change.invoiceNumber, dueDate: change.dueDate, balanceDue: change.balanceDue })];
    }
    case 'TICKET_SLA': {
      const due = change.slaDueAt.getTime();
      const unresolvedAtDue = change.resolvedAt === null || change.resolvedAt.getTime() > due;
      const passedNow = (change.before === null || change.before.getTime() <= due) && change.after.getTime() > due;
      if (!unresolvedAtDue || !passedNow) return [];
      return [slaBreachAlert({ ...change.customer, ticketId: change.ticketId, subject: change.subject, slaDueAt: change.slaDueAt })];
    }
    case 'OPPORTUNITY_STAGE':
      if (change.before === 'WON' || change.after !== 'WON') return [];
      return [dealWonAlert({ ...change.customer, opportunityId: change.opportunityId, name: change.name, amount: change.amount })];
  }
}
