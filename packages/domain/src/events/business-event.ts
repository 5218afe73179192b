import type { CreditCheck } from '../credit/credit-check';
import type { CreditStatus } from '../credit/credit-position';
import type { HoldCause } from '../credit/hold-cause';
import type { IsoDate } from '../money/dates';
import type { StockLevel } from '../stock/stock-levels';

/*
 * What happened, as the write use cases state it: typed business events with
 * the facts before and after. The gateway records them inside the write's
 * transaction and hands them to its consumers (the alerts outbox today; the
 * timeline, the audit log and the ledger next). What an event means for each
 * consumer is decided here, in the domain (see alertsForEvent).
 */

/** The customer an event is about, and the rep who owns it. */
export interface CustomerRef {
  customerId: string;
  customerName: string;
  ownerId: string;
}

export interface QuoteRef {
  quoteId: string;
  quoteNumber: string;
  total: string;
}

export interface OrderRef {
  orderId: string;
  orderNumber: string;
}

/** A customer's credit status before and after a change, and the cause of the hold when it is on hold after it. */
export interface CreditMove {
  before: CreditStatus;
  after: CreditStatus;
  holdCause: HoldCause | null;
}

/** One product's stock figures before and after a change. */
export interface StockMove {
  productId: string;
  sku: string;
  before: Omit<StockLevel, 'productId'>;
  after: Omit<StockLevel, 'productId'>;
}

/** A field that a change set, with its value before and after (money as strings). */
export interface FieldChange {
  field: string;
  before: string | number | boolean | null;
  after: string | number | boolean | null;
}

/** What every recorded event carries: its own id, who did it (null: the system), and when. */
export interface EventMeta {
  id: string;
  actorId: string | null;
  occurredAt: Date;
}

export type BusinessEventFacts =
  | { type: 'CustomerCreated'; customer: CustomerRef; creditLimit: string | null }
  | { type: 'CustomerUpdated'; customer: CustomerRef; changes: FieldChange[] }
  | { type: 'ContactCreated'; customer: CustomerRef; contactId: string; name: string }
  | { type: 'CreditLimitChanged'; customer: CustomerRef; limitBefore: string | null; limitAfter: string | null; credit: CreditMove }
  | { type: 'HoldPlaced'; customer: CustomerRef; reason: string; credit: CreditMove }
  | { type: 'HoldReleased'; customer: CustomerRef; credit: CreditMove }
  | { type: 'ProductCreated'; productId: string; sku: string; onHand: number }
  | { type: 'StockReceived'; quantity: number; stock: StockMove }
  | { type: 'OrderCreated'; customer: CustomerRef; order: OrderRef; total: string }
  | { type: 'OrderConfirmed'; customer: CustomerRef; order: OrderRef; total: string; credit: CreditMove; stock: StockMove[] }
  /** A confirmation refused for credit: it rolled back, but the attempt is a fact finance hears about. */
  | { type: 'OrderCreditRefused'; customer: CustomerRef; order: OrderRef; check: CreditCheck }
  | { type: 'OrderCancelled'; customer: CustomerRef; order: OrderRef; reason: string | null; stock: StockMove[] }
  | { type: 'OrderShipped'; customerId: string; order: OrderRef; shipmentId: string; lines: { productId: string; quantity: number }[]; stock: StockMove[] }
  | {
      type: 'InvoiceIssued';
      customer: CustomerRef;
      orderId: string;
      invoice: { invoiceId: string; invoiceNumber: string; issueDate: IsoDate; dueDate: IsoDate; subtotal: string; taxTotal: string; total: string };
      credit: CreditMove;
    }
  | {
      type: 'PaymentReceived';
      customer: CustomerRef;
      paymentId: string;
      amount: string;
      receivedOn: IsoDate;
      allocations: { invoiceId: string; amount: string }[];
      unapplied: string;
      credit: CreditMove;
    }
  | { type: 'UserCreated'; userId: string; email: string; role: string }
  /** An admin changed a user's role or switched it on or off: what it may read changes at once, on every instance. */
  | {
      type: 'UserUpdated';
      userId: string;
      before: { name?: string; role: string; active: boolean; commissionRate?: string | null };
      after: { name?: string; role: string; active: boolean; commissionRate?: string | null };
    }
  /* Time-based events, found by the scan. */
  | { type: 'InvoiceFellOverdue'; customer: CustomerRef; invoiceId: string; invoiceNumber: string; dueDate: IsoDate; balanceDue: string }
  /** An invoice is more than the policy's days late, so the customer (not held by hand) is now ON_HOLD for it. */
  | { type: 'OverdueHoldReached'; customer: CustomerRef; invoiceId: string; dueDate: IsoDate }
  | { type: 'TicketSlaBreached'; customer: CustomerRef; ticketId: string; subject: string; slaDueAt: Date }
  | { type: 'OpportunityStageChanged'; customer: CustomerRef; opportunityId: string; name: string; amount: string; stageBefore: string; stageAfter: string }
  /* Front office. */
  /** A lead became a customer (with its contact, and maybe a deal); the campaign it came from stays on the lead. */
  | { type: 'LeadConverted'; customer: CustomerRef; leadId: string; leadName: string; campaignId: string | null; opportunityId: string | null }
  | { type: 'CampaignCreated'; campaignId: string; name: string; cost: string }
  | { type: 'LeadCreated'; leadId: string; name: string; ownerId: string; campaignId: string | null }
  | { type: 'LeadStatusChanged'; leadId: string; name: string; statusBefore: string; statusAfter: string }
  | { type: 'OpportunityCreated'; customer: CustomerRef; opportunityId: string; name: string; amount: string; stage: string }
  | {
      type: 'ActivityLogged';
      customer: CustomerRef;
      activityId: string;
      kind: string;
      subject: string;
      /** when the activity took place (the event's own occurredAt is when it was logged) */ activityAt: Date;
    }
  | { type: 'TicketOpened'; customer: CustomerRef; ticketId: string; subject: string; priority: string }
  | { type: 'TicketStatusChanged'; customer: CustomerRef; ticketId: string; subject: string; statusBefore: string; statusAfter: string }
  | { type: 'QuoteCreated'; customer: CustomerRef; quote: QuoteRef; status: string }
  | { type: 'QuoteApproved'; customer: CustomerRef; quote: QuoteRef }
  | { type: 'QuoteSent'; customer: CustomerRef; quote: QuoteRef }
  | { type: 'QuoteAccepted'; customer: CustomerRef; quote: QuoteRef; order: OrderRef }
  | { type: 'QuoteExpired'; customer: CustomerRef; quote: QuoteRef; validUntil: IsoDate }
  /* Back office. */
  | { type: 'SupplierCreated'; supplierId: string; name: string }
  | { type: 'PurchaseOrderCreated'; purchaseOrderId: string; number: string; supplierId: string; total: string }
  /** Goods received against a purchase order, at the order's unit costs. */
  | { type: 'PurchaseOrderReceived'; purchaseOrderId: string; number: string; lines: { productId: string; quantity: number; unitCost: string }[]; stock: StockMove[] }
  | { type: 'SupplierBillRecorded'; billId: string; number: string; supplierId: string; purchaseOrderId: string | null; amount: string; billDate: IsoDate }
  | { type: 'SupplierBillPaid'; billId: string; number: string; supplierId: string; amount: string; paidOn: IsoDate }
  | { type: 'AlertAcknowledged'; alertId: string; kind: string }
  | { type: 'PeriodClosed'; closedThrough: IsoDate; closedBefore: IsoDate | null };

export type BusinessEvent = EventMeta & BusinessEventFacts;
export type BusinessEventType = BusinessEventFacts['type'];
