import type { BusinessEvent, BusinessEventFacts } from './business-event';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** One line of the audit trail: who (the event's actor) did what to which record, with its values before and after. */
export interface AuditEntry {
  action: BusinessEventFacts['type'];
  entityType: string;
  entityId: string;
  before: Json;
  after: Json;
}

/** The record an event is about: its type and id. */
function subject(e: BusinessEventFacts): [string, string] {
  switch (e.type) {
    case 'CustomerCreated':
    case 'CustomerUpdated':
    case 'CreditLimitChanged':
    case 'HoldPlaced':
    case 'HoldReleased':
    case 'OverdueHoldReached':
      return ['Customer', e.customer.customerId];
    case 'ContactCreated':
      return ['Contact', e.contactId];
    case 'ProductCreated':
      return ['Product', e.productId];
    case 'StockReceived':
      return ['Product', e.stock.productId];
    case 'OrderCreated':
    case 'OrderConfirmed':
    case 'OrderCreditRefused':
    case 'OrderCancelled':
    case 'OrderShipped':
      return ['Order', e.order.orderId];
    case 'InvoiceIssued':
      return ['Invoice', e.invoice.invoiceId];
    case 'InvoiceFellOverdue':
      return ['Invoice', e.invoiceId];
    case 'PaymentReceived':
      return ['Payment', e.paymentId];
    case 'UserCreated':
    case 'UserUpdated':
      return ['User', e.userId];
    case 'TicketSlaBreached':
    case 'TicketOpened':
    case 'TicketStatusChanged':
      return ['Ticket', e.ticketId];
    case 'OpportunityCreated':
    case 'OpportunityStageChanged':
      return ['Opportunity', e.opportunityId];
    case 'CampaignCreated':
      return ['Campaign', e.campaignId];
    case 'LeadCreated':
    case 'LeadStatusChanged':
    case 'LeadConverted':
      return ['Lead', e.leadId];
    case 'ActivityLogged':
      return ['Activity', e.activityId];
    case 'QuoteCreated':
    case 'QuoteApproved':
    case 'QuoteSent':
    case 'QuoteAccepted':
    case 'QuoteExpired':
      return ['Quote', e.quote.quoteId];
    case 'SupplierCreated':
      return ['Supplier', e.supplierId];
    case 'PurchaseOrderCreated':
    case 'PurchaseOrderReceived':
      return ['PurchaseOrder', e.purchaseOrderId];
    case 'SupplierBillRecorded':
    case 'SupplierBillPaid':
      return ['SupplierBill', e.billId];
    case 'PeriodClosed':
      return ['Ledger', 'period'];
    case 'AlertAcknowledged':
      return ['Alert', e.alertId];
  }
}

/** What changed, as before and after, for the events that state it; the facts as `after` for the rest (a creation or a step). */
function values(e: BusinessEventFacts): { before: Json; after: Json } {
  switch (e.type) {
    case 'CustomerUpdated':
      return { before: Object.fromEntries(e.changes.map((c) => [c.field, c.before])), after: Object.fromEntries(e.changes.map((c) => [c.field, c.after])) };
    case 'CreditLimitChanged':
      return { before: { creditLimit: e.limitBefore, status: e.credit.before }, after: { creditLimit: e.limitAfter, status: e.credit.after } };
    case 'HoldPlaced':
      return { before: { onHold: false, status: e.credit.before }, after: { onHold: true, reason: e.reason, status: e.credit.after } };
    case 'HoldReleased':
      return { before: { onHold: true, status: e.credit.before }, after: { onHold: false, status: e.credit.after } };
    case 'UserUpdated':
      return { before: e.before, after: e.after };
    case 'OpportunityStageChanged':
      return { before: { stage: e.stageBefore }, after: { stage: e.stageAfter } };
    case 'TicketStatusChanged':
      return { before: { status: e.statusBefore }, after: { status: e.statusAfter } };
    case 'LeadStatusChanged':
      return { before: { status: e.statusBefore }, after: { status: e.statusAfter } };
    case 'PeriodClosed':
      return { before: { closedThrough: e.closedBefore }, after: { closedThrough: e.closedThrough } };
    default: {
      const facts: Record<string, unknown> = { ...e };
      delete facts.type;
      return { before: null, after: JSON.parse(JSON.stringify(facts)) as Json };
    }
  }
}

/** The audit line an event writes (every event is one), in the change's own transaction. */
export function auditEntryForEvent(e: BusinessEvent): AuditEntry {
  const facts: BusinessEventFacts = e;
  const [entityType, entityId] = subject(facts);
  const { id: _id, actorId: _actor, occurredAt: _at, ...rest } = e;
  return { action: e.type, entityType, entityId, ...values(rest) };
}
