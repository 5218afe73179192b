import fc from 'fast-check';
import { canViewerSeeAlert, type AlertRole } from '../alerts/alert-rules';
import { checkCredit } from '../credit/credit-check';
import type { BusinessEvent, BusinessEventFacts, CreditMove, StockMove } from './business-event';
import { alertsForEvent, alertsForEvents, productsFallingBelowReorderPoint, stockMovesOf } from './event-alerts';

const customer = { customerId: 'c1', customerName: 'Acme', ownerId: 'rep-1' };
const order = { orderId: 'o1', orderNumber: 'SO-1' };
let seq = 0;
const event = (facts: BusinessEventFacts, id = `e${++seq}`): BusinessEvent => ({ id, actorId: 'u1', occurredAt: new Date('2025-03-01T00:00:00Z'), ...facts });
const facts = { repsAwaiting: (productId: string) => (productId === 'p1' ? ['rep-2'] : []) };
const kinds = (e: BusinessEvent) => alertsForEvent(e, facts).map((a) => a.kind);

const move = (before: CreditMove['before'], after: CreditMove['after'], holdCause: CreditMove['holdCause'] = null): CreditMove => ({ before, after, holdCause });
const stock = (productId: string, before: [number, number], after: [number, number], reorderPoint = 5): StockMove => ({
  productId,
  sku: `SKU-${productId}`,
  before: { onHand: before[0], reserved: before[1], reorderPoint },
  after: { onHand: after[0], reserved: after[1], reorderPoint },
});
const confirmed = (credit: CreditMove, moves: StockMove[] = []) => event({ type: 'OrderConfirmed', customer, order, total: '10.00', credit, stock: moves });

describe('alertsForEvent', () => {
  it.each<[string, BusinessEvent, string[]]>([
    ['a confirmation that moves credit OK → WARNING', confirmed(move('OK', 'WARNING')), ['CREDIT_WARNING']],
    ['a confirmation that leaves credit as it was', confirmed(move('WARNING', 'WARNING')), []],
    ['a confirmation taking stock below its reorder point', confirmed(move('OK', 'OK'), [stock('p1', [10, 0], [10, 6])]), ['LOW_STOCK']],
    ['a confirmation landing exactly on the reorder point', confirmed(move('OK', 'OK'), [stock('p1', [10, 0], [10, 5])]), []],
    ['a confirmation while stock stays below', confirmed(move('OK', 'OK'), [stock('p1', [10, 6], [10, 8])]), []],
    ['a refused confirmation', event({ type: 'OrderCreditRefused', customer, order, check: checkCredit({ limit: '100.00', exposure: '90.00', amount: '20.00' }) }), ['CREDIT_LIMIT_EXCEEDED']],
    ['a refusal for a hold (announced when placed)', event({ type: 'OrderCreditRefused', customer, order, check: checkCredit({ limit: null, exposure: '0', status: 'ON_HOLD', amount: '1.00' }) }), []],
    ['a hold placed', event({ type: 'HoldPlaced', customer, reason: 'disputed', credit: move('OK', 'ON_HOLD', { kind: 'HOLD_PLACED' }) }), ['CREDIT_HOLD']],
    ['a hold released', event({ type: 'HoldReleased', customer, credit: move('ON_HOLD', 'OK') }), []],
    ['a limit lowered under the exposure', event({ type: 'CreditLimitChanged', customer, limitBefore: null, limitAfter: '5.00', credit: move('OK', 'OVER_LIMIT') }), ['CREDIT_WARNING']],
    [
      'an invoice dated 70 days late',
      event({
        type: 'InvoiceIssued',
        customer,
        orderId: 'o1',
        invoice: { invoiceId: 'i1', invoiceNumber: 'INV-1', issueDate: '2025-01-01', dueDate: '2025-01-01', subtotal: '5.00', taxTotal: '0.00', total: '5.00' },
        credit: move('OK', 'ON_HOLD', { kind: 'INVOICE_OVERDUE', invoiceId: 'i1' }),
      }),
      ['CREDIT_HOLD'],
    ],
    [
      'a payment bringing credit back to OK',
      event({ type: 'PaymentReceived', customer, paymentId: 'pay1', amount: '5.00', receivedOn: '2025-03-01', allocations: [], unapplied: '5.00', credit: move('WARNING', 'OK') }),
      [],
    ],
    ['stock received', event({ type: 'StockReceived', quantity: 5, stock: stock('p1', [1, 0], [6, 0]) }), []],
    ['an order shipped (available unchanged)', event({ type: 'OrderShipped', customerId: 'c1', order, shipmentId: 's1', lines: [], stock: [stock('p1', [10, 6], [4, 0])] }), []],
    ['an invoice falling overdue', event({ type: 'InvoiceFellOverdue', customer, invoiceId: 'i1', invoiceNumber: 'INV-1', dueDate: '2025-03-01', balanceDue: '10.00' }), ['INVOICE_OVERDUE']],
    ['an invoice 61 days late', event({ type: 'OverdueHoldReached', customer, invoiceId: 'i1', dueDate: '2025-01-01' }), ['CREDIT_HOLD']],
    ['a ticket past its SLA', event({ type: 'TicketSlaBreached', customer, ticketId: 't1', subject: 'Down', slaDueAt: new Date('2025-03-01T12:00:00Z') }), ['SLA_BREACH']],
    ['a deal won', event({ type: 'OpportunityStageChanged', customer, opportunityId: 'op1', name: 'Big', amount: '1000.00', stageBefore: 'NEGOTIATION', stageAfter: 'WON' }), ['DEAL_WON']],
    ['a deal lost', event({ type: 'OpportunityStageChanged', customer, opportunityId: 'op1', name: 'Big', amount: '1000.00', stageBefore: 'NEGOTIATION', stageAfter: 'LOST' }), []],
    ['a customer created', event({ type: 'CustomerCreated', customer, creditLimit: null }), []],
  ])('%s raises %j', (_what, e, expected) => {
    expect(kinds(e)).toEqual(expected);
  });

  it('raises the hold of a late invoice under one key whether a write or the scan finds it', () => {
    const write = event({
      type: 'InvoiceIssued',
      customer,
      orderId: 'o1',
      invoice: { invoiceId: 'i1', invoiceNumber: 'INV-1', issueDate: '2025-01-01', dueDate: '2025-01-01', subtotal: '5.00', taxTotal: '0.00', total: '5.00' },
      credit: move('OK', 'ON_HOLD', { kind: 'INVOICE_OVERDUE', invoiceId: 'i1' }),
    });
    const scan = event({ type: 'OverdueHoldReached', customer, invoiceId: 'i1', dueDate: '2025-01-01' });
    const [a] = alertsForEvent(write, facts);
    const [b] = alertsForEvent(scan, facts);
    expect(a.eventKey).toBe(b.eventKey);
    expect(a.message).toBe(b.message);
  });

  it('keys changes that can repeat by the event, so two warnings are two alerts', () => {
    const [a] = alertsForEvent(confirmed(move('OK', 'WARNING')), facts);
    const [b] = alertsForEvent(confirmed(move('OK', 'WARNING')), facts);
    expect(a.eventKey).not.toBe(b.eventKey);
  });

  it('addresses each alert to the people of the areas it touches', () => {
    const viewers: { id: string; role: AlertRole }[] = [
      { id: 'admin', role: 'ADMIN' },
      { id: 'mgr', role: 'SALES_MANAGER' },
      { id: 'rep-1', role: 'SALES_REP' },
      { id: 'rep-2', role: 'SALES_REP' },
      { id: 'fin', role: 'FINANCE' },
      { id: 'wh', role: 'WAREHOUSE' },
      { id: 'sup', role: 'SUPPORT' },
    ];
    const hearers = (e: BusinessEvent) => viewers.filter((v) => canViewerSeeAlert(v, alertsForEvent(e, facts)[0].audience)).map((v) => v.id);
    expect(hearers(confirmed(move('OK', 'OK'), [stock('p1', [10, 0], [10, 6])]))).toEqual(['admin', 'mgr', 'rep-2', 'wh']);
    expect(hearers(confirmed(move('OK', 'WARNING')))).toEqual(['admin', 'mgr', 'rep-1', 'fin']);
    expect(hearers(event({ type: 'TicketSlaBreached', customer, ticketId: 't1', subject: 'Down', slaDueAt: new Date() }))).toEqual(['admin', 'rep-1', 'sup']);
  });

  it('names only the products that fall below their reorder point, once each', () => {
    const events = [
      confirmed(move('OK', 'OK'), [stock('p1', [10, 0], [10, 6]), stock('p2', [10, 0], [10, 1])]),
      event({ type: 'OrderCancelled', customer, order, reason: null, stock: [stock('p3', [10, 8], [10, 0])] }),
      confirmed(move('OK', 'OK'), [stock('p1', [10, 0], [10, 7])]),
    ];
    expect(productsFallingBelowReorderPoint(events)).toEqual(['p1']);
    expect(stockMovesOf(events[1]).map((m) => m.productId)).toEqual(['p3']);
    expect(alertsForEvents(events, facts).map((a) => a.kind)).toEqual(['LOW_STOCK', 'LOW_STOCK']);
  });

  it('raises LOW_STOCK once per fall below the reorder point over any sequence of levels (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 40 }), (availables) => {
        let alerts = 0;
        let crossings = 0;
        for (let k = 1; k < availables.length; k++) {
          const e = event({ type: 'StockReceived', quantity: 0, stock: stock('p1', [availables[k - 1], 0], [availables[k], 0]) });
          alerts += alertsForEvent(e, facts).length;
          if (availables[k - 1] >= 5 && availables[k] < 5) crossings += 1;
        }
        expect(alerts).toBe(crossings);
      }),
    );
  });
});
