import type { BusinessEvent, BusinessEventFacts, CreditMove } from './business-event';
import { timelineEntryForEvent, type TimelineKind } from './event-timeline';

const customer = { customerId: 'c1', customerName: 'Acme', ownerId: 'rep-1' };
const order = { orderId: 'o1', orderNumber: 'SO-000007' };
const quote = { quoteId: 'q1', quoteNumber: 'QT-000003', total: '121.00' };
const credit: CreditMove = { before: 'OK', after: 'OK', holdCause: null };
const at = new Date('2026-03-01T10:00:00Z');
const event = (facts: BusinessEventFacts, actorId: string | null = 'u1'): BusinessEvent => ({ id: 'e1', actorId, occurredAt: at, ...facts });

describe('timelineEntryForEvent', () => {
  it.each<[BusinessEventFacts, TimelineKind, 'CUSTOMER' | 'COMMERCIAL', RegExp]>([
    [{ type: 'CustomerCreated', customer, creditLimit: null }, 'CUSTOMER_CREATED', 'CUSTOMER', /Acme created/],
    [{ type: 'LeadConverted', customer, leadId: 'l1', leadName: 'Ada Lovelace', campaignId: null, opportunityId: null }, 'LEAD_CONVERTED', 'CUSTOMER', /lead Ada Lovelace/],
    [{ type: 'OrderConfirmed', customer, order, total: '10.00', credit, stock: [] }, 'ORDER_CONFIRMED', 'COMMERCIAL', /SO-000007 confirmed, total 10\.00/],
    [
      {
        type: 'OrderShipped',
        customerId: 'c1',
        order,
        shipmentId: 's1',
        lines: [
          { productId: 'p', quantity: 2 },
          { productId: 'q', quantity: 1 },
        ],
        stock: [],
      },
      'ORDER_SHIPPED',
      'COMMERCIAL',
      /SO-000007 shipped \(3 units\)/,
    ],
    [{ type: 'OrderCancelled', customer, order, reason: 'duplicate', stock: [] }, 'ORDER_CANCELLED', 'COMMERCIAL', /SO-000007 cancelled: duplicate/],
    [
      {
        type: 'InvoiceIssued',
        customer,
        orderId: 'o1',
        invoice: { invoiceId: 'i1', invoiceNumber: 'INV-000002', issueDate: '2026-03-01', dueDate: '2026-03-31', subtotal: '10.00', taxTotal: '0.00', total: '10.00' },
        credit,
      },
      'INVOICE_ISSUED',
      'COMMERCIAL',
      /INV-000002 issued, total 10\.00, due 2026-03-31/,
    ],
    [
      { type: 'PaymentReceived', customer, paymentId: 'p1', amount: '5.00', receivedOn: '2026-03-02', allocations: [{ invoiceId: 'i1', amount: '5.00' }], unapplied: '0.00', credit },
      'PAYMENT_RECEIVED',
      'COMMERCIAL',
      /5\.00 received on 2026-03-02, applied to 1 invoice$/,
    ],
    [{ type: 'CreditLimitChanged', customer, limitBefore: null, limitAfter: '500.00', credit }, 'CREDIT_LIMIT_CHANGED', 'COMMERCIAL', /from none to 500\.00/],
    [{ type: 'HoldPlaced', customer, reason: 'disputed', credit }, 'HOLD_PLACED', 'CUSTOMER', /hold placed: disputed/],
    [{ type: 'OverdueHoldReached', customer, invoiceId: 'i1', dueDate: '2026-01-01' }, 'HOLD_PLACED', 'CUSTOMER', /due 2026-01-01/],
    [{ type: 'HoldReleased', customer, credit }, 'HOLD_RELEASED', 'CUSTOMER', /released/],
    [{ type: 'QuoteSent', customer, quote }, 'QUOTE_SENT', 'COMMERCIAL', /QT-000003 sent, total 121\.00/],
    [{ type: 'QuoteAccepted', customer, quote, order }, 'QUOTE_ACCEPTED', 'COMMERCIAL', /QT-000003 accepted as order SO-000007/],
    [{ type: 'OpportunityStageChanged', customer, opportunityId: 'd', name: 'Big one', amount: '9.00', stageBefore: 'NEGOTIATION', stageAfter: 'WON' }, 'DEAL_WON', 'COMMERCIAL', /Big one won/],
    [{ type: 'OpportunityStageChanged', customer, opportunityId: 'd', name: 'Big one', amount: '9.00', stageBefore: 'PROPOSAL', stageAfter: 'LOST' }, 'DEAL_LOST', 'COMMERCIAL', /Big one lost/],
    [{ type: 'TicketOpened', customer, ticketId: 't', subject: 'Broken pump', priority: 'HIGH' }, 'TICKET_OPENED', 'CUSTOMER', /\(HIGH\): Broken pump/],
    [{ type: 'TicketStatusChanged', customer, ticketId: 't', subject: 'Broken pump', statusBefore: 'IN_PROGRESS', statusAfter: 'RESOLVED' }, 'TICKET_RESOLVED', 'CUSTOMER', /resolved: Broken pump/],
  ])('%j becomes a %s line', (facts, kind, readers, summary) => {
    const entry = timelineEntryForEvent(event(facts));
    expect(entry).toMatchObject({ customerId: 'c1', kind, readers, actorId: 'u1', occurredAt: at });
    expect(entry!.summary).toMatch(summary);
  });

  it('dates an activity when it took place, not when it was logged', () => {
    const took = new Date('2026-02-27T15:30:00Z');
    const entry = timelineEntryForEvent(event({ type: 'ActivityLogged', customer, activityId: 'a', kind: 'CALL', subject: 'Renewal', activityAt: took }));
    expect(entry).toMatchObject({ kind: 'ACTIVITY', readers: 'CUSTOMER', occurredAt: took, summary: 'Call: Renewal' });
  });

  it('keeps the system (a scan) as a null actor', () => {
    expect(timelineEntryForEvent(event({ type: 'OverdueHoldReached', customer, invoiceId: 'i1', dueDate: '2026-01-01' }, null))?.actorId).toBeNull();
  });

  it.each<BusinessEventFacts>([
    { type: 'OpportunityStageChanged', customer, opportunityId: 'd', name: 'x', amount: '1.00', stageBefore: 'PROSPECTING', stageAfter: 'PROPOSAL' },
    { type: 'TicketStatusChanged', customer, ticketId: 't', subject: 's', statusBefore: 'OPEN', statusAfter: 'IN_PROGRESS' },
    { type: 'ProductCreated', productId: 'p', sku: 'S', onHand: 1 },
    { type: 'UserCreated', userId: 'u', email: 'a@b.c', role: 'ADMIN' },
    { type: 'QuoteCreated', customer, quote, status: 'APPROVED' },
  ])('writes no line for %j', (facts) => {
    expect(timelineEntryForEvent(event(facts))).toBeNull();
  });
});
