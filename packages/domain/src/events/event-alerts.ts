import { creditRefusalAlerts, creditStatusChangeAlerts, dealWonAlert, invoiceOverdueAlert, lowStockAlert, slaBreachAlert, type RaisedAlert } from '../alerts/alert-rules';
import { availableStock, crossesBelowReorderPoint } from '../stock/stock-levels';
import type { BusinessEvent, StockMove } from './business-event';

/** Facts about who should hear an alert that the event itself does not carry (loaded by the caller, only when needed). */
export interface AlertAudienceFacts {
  /** the reps who own confirmed orders that still need the product */
  repsAwaiting(productId: string): readonly string[];
}

/** The stock moves an event states (none for most events). */
export function stockMovesOf(e: BusinessEvent): readonly StockMove[] {
  if (e.type === 'StockReceived') return [e.stock];
  if (e.type === 'PurchaseOrderReceived') return e.stock;
  if (e.type === 'OrderConfirmed' || e.type === 'OrderCancelled' || e.type === 'OrderShipped') return e.stock;
  return [];
}

const crossesBelow = (m: StockMove) => crossesBelowReorderPoint({ productId: m.productId, ...m.before }, { productId: m.productId, ...m.after });

/** The products whose available stock the events take below their reorder point: the ones whose LOW_STOCK audience must be loaded. */
export function productsFallingBelowReorderPoint(events: readonly BusinessEvent[]): string[] {
  return [
    ...new Set(
      events.flatMap((e) =>
        stockMovesOf(e)
          .filter(crossesBelow)
          .map((m) => m.productId),
      ),
    ),
  ];
}

/**
 * The alerts one business event raises, one per cause: a credit refusal
 * raises CREDIT_LIMIT_EXCEEDED; any change that moves credit status into
 * WARNING/OVER_LIMIT raises CREDIT_WARNING and into ON_HOLD CREDIT_HOLD
 * (keyed by the hold's cause); stock crossing below its reorder point raises
 * LOW_STOCK (not again while it stays below); an invoice falling overdue
 * raises INVOICE_OVERDUE; an invoice more than 60 days late raises the
 * CREDIT_HOLD of its cause; a ticket past its SLA raises SLA_BREACH; a deal moving into WON
 * raises DEAL_WON.
 */
export function alertsForEvent(e: BusinessEvent, facts: AlertAudienceFacts): RaisedAlert[] {
  const alerts: RaisedAlert[] = [];
  if ('credit' in e) {
    const reason = e.type === 'HoldPlaced' ? e.reason : undefined;
    alerts.push(...creditStatusChangeAlerts({ ...e.customer, ...e.credit, changeId: e.id, reason }));
  }
  for (const m of stockMovesOf(e).filter(crossesBelow)) {
    alerts.push(lowStockAlert({ productId: m.productId, sku: m.sku, available: availableStock(m.after), reorderPoint: m.after.reorderPoint, repIds: facts.repsAwaiting(m.productId), changeId: e.id }));
  }
  switch (e.type) {
    case 'OrderCreditRefused':
      alerts.push(...creditRefusalAlerts({ ...e.customer, orderId: e.order.orderId, orderNumber: e.order.orderNumber, check: e.check, attemptId: e.id }));
      break;
    case 'InvoiceFellOverdue':
      alerts.push(invoiceOverdueAlert({ ...e.customer, invoiceId: e.invoiceId, invoiceNumber: e.invoiceNumber, dueDate: e.dueDate, balanceDue: e.balanceDue }));
      break;
    case 'OverdueHoldReached':
      // Keyed by its cause, this hold is raised once, whether a write or the scan finds it first.
      alerts.push(...creditStatusChangeAlerts({ ...e.customer, before: 'WARNING', after: 'ON_HOLD', holdCause: { kind: 'INVOICE_OVERDUE', invoiceId: e.invoiceId }, changeId: e.id }));
      break;
    case 'TicketSlaBreached':
      alerts.push(slaBreachAlert({ ...e.customer, ticketId: e.ticketId, subject: e.subject, slaDueAt: e.slaDueAt }));
      break;
    case 'OpportunityStageChanged':
      if (e.stageBefore !== 'WON' && e.stageAfter === 'WON') alerts.push(dealWonAlert({ ...e.customer, opportunityId: e.opportunityId, name: e.name, amount: e.amount }));
      break;
    default:
      break;
  }
  return alerts;
}

/** The alerts of several events, in order. */
export function alertsForEvents(events: readonly BusinessEvent[], facts: AlertAudienceFacts): RaisedAlert[] {
  return events.flatMap((e) => alertsForEvent(e, facts));
}
