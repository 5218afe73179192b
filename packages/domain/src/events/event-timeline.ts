import type { BusinessEvent } from './business-event';

/** What a line of a customer's timeline tells: what people logged and what the system did to the customer. */
export const TIMELINE_KINDS = [
  'ACTIVITY',
  'CUSTOMER_CREATED',
  'LEAD_CONVERTED',
  'ORDER_CONFIRMED',
  'ORDER_SHIPPED',
  'ORDER_CANCELLED',
  'INVOICE_ISSUED',
  'PAYMENT_RECEIVED',
  'CREDIT_LIMIT_CHANGED',
  'HOLD_PLACED',
  'HOLD_RELEASED',
  'QUOTE_SENT',
  'QUOTE_ACCEPTED',
  'DEAL_WON',
  'DEAL_LOST',
  'TICKET_OPENED',
  'TICKET_RESOLVED',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/**
 * Who of those that read the customer may read the line: `CUSTOMER`, everyone
 * who reads the customer (support included); `COMMERCIAL`, only those who also
 * read its orders, money, credit figures, quotes and deals (not support).
 */
export type TimelineReaders = 'CUSTOMER' | 'COMMERCIAL';

export interface TimelineEntry {
  customerId: string;
  kind: TimelineKind;
  readers: TimelineReaders;
  /** one line, naming the document */
  summary: string;
  /** when it happened: the event's time, or the time an activity says it took place */
  occurredAt: Date;
  /** who did it; null for the system (a scan) */
  actorId: string | null;
}

/**
 * The timeline line an event writes, or null when the event is not part of a
 * customer's history (stock, users, alerts-only facts). Written with the event,
 * in its transaction, so the timeline is never rebuilt from current state.
 */
export function timelineEntryForEvent(e: BusinessEvent): TimelineEntry | null {
  const entry = (customerId: string, kind: TimelineKind, readers: TimelineReaders, summary: string, occurredAt = e.occurredAt): TimelineEntry => ({
    customerId,
    kind,
    readers,
    summary,
    occurredAt,
    actorId: e.actorId,
  });
  switch (e.type) {
    case 'CustomerCreated':
      return entry(e.customer.customerId, 'CUSTOMER_CREATED', 'CUSTOMER', `Customer ${e.customer.customerName} created`);
    case 'LeadConverted':
      return entry(e.customer.customerId, 'LEAD_CONVERTED', 'CUSTOMER', `Converted from lead ${e.leadName}`);
    case 'ActivityLogged':
      return entry(e.customer.customerId, 'ACTIVITY', 'CUSTOMER', `${capitalise(e.kind)}: ${e.subject}`, e.activityAt);
    case 'OrderConfirmed':
      return entry(e.customer.customerId, 'ORDER_CONFIRMED', 'COMMERCIAL', `Order ${e.order.orderNumber} confirmed, total ${e.total}`);
    case 'OrderShipped':
      return entry(
        e.customerId,
        'ORDER_SHIPPED',
        'COMMERCIAL',
        `Order ${e.order.orderNumber} shipped (${plural(
          e.lines.reduce((n, l) => n + l.quantity, 0),
          'unit',
        )})`,
      );
    case 'OrderCancelled':
      return entry(e.customer.customerId, 'ORDER_CANCELLED', 'COMMERCIAL', `Order ${e.order.orderNumber} cancelled${e.reason ? `: ${e.reason}` : ''}`);
    case 'InvoiceIssued':
      return entry(e.customer.customerId, 'INVOICE_ISSUED', 'COMMERCIAL', `Invoice ${e.invoice.invoiceNumber} issued, total ${e.invoice.total}, due ${e.invoice.dueDate}`);
    case 'PaymentReceived':
      return entry(
        e.customer.customerId,
        'PAYMENT_RECEIVED',
        'COMMERCIAL',
        `Payment of ${e.amount} received on ${e.receivedOn}${e.allocations.length ? `, applied to ${plural(e.allocations.length, 'invoice')}` : ''}`,
      );
    case 'CreditLimitChanged':
      return entry(e.customer.customerId, 'CREDIT_LIMIT_CHANGED', 'COMMERCIAL', `Credit limit changed from ${e.limitBefore ?? 'none'} to ${e.limitAfter ?? 'none'}`);
    case 'HoldPlaced':
      return entry(e.customer.customerId, 'HOLD_PLACED', 'CUSTOMER', `Credit hold placed: ${e.reason}`);
    case 'OverdueHoldReached':
      return entry(e.customer.customerId, 'HOLD_PLACED', 'CUSTOMER', `Credit hold placed: an invoice due ${e.dueDate} is long overdue`);
    case 'HoldReleased':
      return entry(e.customer.customerId, 'HOLD_RELEASED', 'CUSTOMER', 'Credit hold released');
    case 'QuoteSent':
      return entry(e.customer.customerId, 'QUOTE_SENT', 'COMMERCIAL', `Quote ${e.quote.quoteNumber} sent, total ${e.quote.total}`);
    case 'QuoteAccepted':
      return entry(e.customer.customerId, 'QUOTE_ACCEPTED', 'COMMERCIAL', `Quote ${e.quote.quoteNumber} accepted as order ${e.order.orderNumber}, total ${e.quote.total}`);
    case 'OpportunityStageChanged':
      if (e.stageAfter === 'WON') return entry(e.customer.customerId, 'DEAL_WON', 'COMMERCIAL', `Deal ${e.name} won (${e.amount})`);
      if (e.stageAfter === 'LOST') return entry(e.customer.customerId, 'DEAL_LOST', 'COMMERCIAL', `Deal ${e.name} lost (${e.amount})`);
      return null;
    case 'TicketOpened':
      return entry(e.customer.customerId, 'TICKET_OPENED', 'CUSTOMER', `Ticket opened (${e.priority}): ${e.subject}`);
    case 'TicketStatusChanged':
      return e.statusAfter === 'RESOLVED' ? entry(e.customer.customerId, 'TICKET_RESOLVED', 'CUSTOMER', `Ticket resolved: ${e.subject}`) : null;
    default:
      return null;
  }
}

const capitalise = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();
const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
