import { checkCredit } from '../credit/credit-check';
import { summarizeCredit } from '../credit/credit-position';
import { ALERT_KINDS, canViewerSeeAlert, creditRefusalAlerts, creditStatusChangeAlerts, dealWonAlert, invoiceOverdueAlert, lowStockAlert, slaBreachAlert, type AlertRole } from './alert-rules';

const customer = { customerId: 'c1', customerName: 'Acme', ownerId: 'rep-1' };
const viewers: { id: string; role: AlertRole }[] = [
  { id: 'admin', role: 'ADMIN' },
  { id: 'mgr', role: 'SALES_MANAGER' },
  { id: 'rep-1', role: 'SALES_REP' },
  { id: 'rep-2', role: 'SALES_REP' },
  { id: 'fin', role: 'FINANCE' },
  { id: 'wh', role: 'WAREHOUSE' },
  { id: 'sup', role: 'SUPPORT' },
];
const hearers = (audience: Parameters<typeof canViewerSeeAlert>[1]) => viewers.filter((v) => canViewerSeeAlert(v, audience)).map((v) => v.id);

const summary = summarizeCredit({
  limit: '100.00',
  onHold: false,
  openReceivables: '90.00',
  uninvoicedOrders: '0',
  unappliedCredit: '0',
  overdueAmount: '0',
  oldestOverdueDueDate: null,
  asOf: '2025-01-01',
});

describe('who hears what', () => {
  it.each([
    [
      'a credit refusal',
      creditRefusalAlerts({ ...customer, orderId: 'o1', orderNumber: 'SO-1', check: checkCredit({ ...summary, amount: '20.00' }), attemptId: 'x' })[0],
      ['admin', 'mgr', 'rep-1', 'fin'],
    ],
    ['a credit warning', creditStatusChangeAlerts({ ...customer, before: 'OK', after: 'WARNING', holdCause: null, changeId: 'x' })[0], ['admin', 'mgr', 'rep-1', 'fin']],
    ['an overdue invoice', invoiceOverdueAlert({ ...customer, invoiceId: 'i1', invoiceNumber: 'INV-1', dueDate: '2025-01-01', balanceDue: '5.00' }), ['admin', 'rep-1', 'fin']],
    ['short stock for confirmed orders', lowStockAlert({ productId: 'p', sku: 'SKU', available: 2, reorderPoint: 5, repIds: ['rep-2', 'rep-2'], changeId: 'x' }), ['admin', 'mgr', 'rep-2', 'wh']],
    ['a ticket breach', slaBreachAlert({ ...customer, ticketId: 't', subject: 'Broken', slaDueAt: new Date('2025-01-01T00:00:00Z') }), ['admin', 'rep-1', 'sup']],
    ['a won deal', dealWonAlert({ ...customer, opportunityId: 'op', name: 'Big deal', amount: '1000.00' }), ['admin', 'mgr', 'rep-1', 'fin']],
  ])('%s', (_what, alert, ids) => {
    expect(hearers(alert.audience)).toEqual(ids);
    expect(ALERT_KINDS).toContain(alert.kind);
    expect(alert.eventKey.startsWith(alert.kind)).toBe(true);
  });
});

describe('one alert per business event', () => {
  it('keys an overdue invoice, a breach and a won deal by their subject alone', () => {
    const a = invoiceOverdueAlert({ ...customer, invoiceId: 'i1', invoiceNumber: 'INV-1', dueDate: '2025-01-01', balanceDue: '5.00' });
    const b = invoiceOverdueAlert({ ...customer, invoiceId: 'i1', invoiceNumber: 'INV-1', dueDate: '2025-01-01', balanceDue: '4.00' });
    expect(a.eventKey).toBe(b.eventKey);
    expect(a.message).toBe('Invoice INV-1 of Acme is overdue since 2025-01-01: 5.00 unpaid.');
  });

  it.each([
    ['OK', 'WARNING', 'CREDIT_WARNING', 'WARNING'],
    ['WARNING', 'OVER_LIMIT', 'CREDIT_WARNING', 'CRITICAL'],
  ] as const)('%s → %s raises %s (%s)', (before, after, kind, severity) => {
    const [alert, ...rest] = creditStatusChangeAlerts({ ...customer, before, after, holdCause: null, changeId: 'chg' });
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({ kind, severity, subject: { customerId: 'c1' }, eventKey: `${kind}:c1:chg` });
  });

  it('keys a hold by its cause: each hand-placed hold by its change, a late invoice by the invoice alone', () => {
    const placed = creditStatusChangeAlerts({ ...customer, before: 'WARNING', after: 'ON_HOLD', holdCause: { kind: 'HOLD_PLACED' }, changeId: 'chg', reason: 'disputed' });
    expect(placed).toEqual([expect.objectContaining({ kind: 'CREDIT_HOLD', severity: 'CRITICAL', eventKey: 'CREDIT_HOLD:c1:placed:chg', message: 'Acme is on credit hold: disputed.' })]);
    const late = (changeId: string, before: 'OK' | 'WARNING') => creditStatusChangeAlerts({ ...customer, before, after: 'ON_HOLD', holdCause: { kind: 'INVOICE_OVERDUE', invoiceId: 'i9' }, changeId });
    // A write that moves the customer on hold and the scan that finds it later name the same cause.
    expect(late('write-1', 'OK')[0].eventKey).toBe(late('scan', 'WARNING')[0].eventKey);
    expect(late('write-1', 'OK')[0]).toMatchObject({ eventKey: 'CREDIT_HOLD:c1:overdue:i9', message: 'Acme is on credit hold: an invoice is more than 60 days past due.' });
  });

  it('refuses a move into ON_HOLD without a cause: a broken invariant', () => {
    expect(() => creditStatusChangeAlerts({ ...customer, before: 'OK', after: 'ON_HOLD', holdCause: null, changeId: 'x' })).toThrow(/without a cause/);
  });

  it('raises nothing when the status stays or improves, and nothing for an approved or held check', () => {
    expect(creditStatusChangeAlerts({ ...customer, before: 'WARNING', after: 'OK', holdCause: null, changeId: 'x' })).toEqual([]);
    expect(creditRefusalAlerts({ ...customer, orderId: 'o', orderNumber: 'SO', check: checkCredit({ ...summary, amount: '1.00' }), attemptId: 'x' })).toEqual([]);
    const held = checkCredit({ ...summary, status: 'ON_HOLD', amount: '1.00' });
    expect(creditRefusalAlerts({ ...customer, orderId: 'o', orderNumber: 'SO', check: held, attemptId: 'x' })).toEqual([]);
  });

  it('marks stock at zero as critical', () => {
    expect(lowStockAlert({ productId: 'p', sku: 'S', available: 0, reorderPoint: 3, repIds: [], changeId: 'x' }).severity).toBe('CRITICAL');
  });
});

describe('who hears an alert about a reassigned customer', () => {
  const alert = creditStatusChangeAlerts({ ...customer, before: 'OK', after: 'WARNING', holdCause: null, changeId: 'x' })[0];
  it.each([
    ['its owner when raised, while it still owns it', 'rep-1', ['admin', 'mgr', 'rep-1', 'fin']],
    ['its new owner, and no longer the old one', 'rep-2', ['admin', 'mgr', 'rep-2', 'fin']],
  ])('%s', (_what, ownerNow, ids) => {
    expect(viewers.filter((v) => canViewerSeeAlert(v, alert.audience, ownerNow)).map((v) => v.id)).toEqual(ids);
  });

  it('keeps the stored names for an alert about no customer', () => {
    const low = lowStockAlert({ productId: 'p', sku: 'S', available: 1, reorderPoint: 3, repIds: ['rep-2'], changeId: 'x' });
    expect(viewers.filter((v) => canViewerSeeAlert(v, low.audience, null)).map((v) => v.id)).toEqual(['admin', 'mgr', 'rep-2', 'wh']);
  });
});

describe('who hears an alert after a change of role', () => {
  const alert = creditStatusChangeAlerts({ ...customer, before: 'OK', after: 'WARNING', holdCause: null, changeId: 'x' })[0];
  const low = lowStockAlert({ productId: 'p', sku: 'S', available: 1, reorderPoint: 3, repIds: ['rep-1'], changeId: 'x' });
  it.each([
    ['SALES_REP', true, true],
    ['WAREHOUSE', false, true],
    ['SUPPORT', false, false],
    ['FINANCE', true, false],
  ] as const)('the owner of the customer, now %s, hears its credit alert: %s, low stock it awaited: %s', (role, credit, stock) => {
    const owner = { id: 'rep-1', role };
    expect(canViewerSeeAlert(owner, alert.audience, 'rep-1')).toBe(credit);
    expect(canViewerSeeAlert(owner, low.audience, null)).toBe(stock);
  });
});
