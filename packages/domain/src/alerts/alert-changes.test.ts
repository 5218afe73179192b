import fc from 'fast-check';
import { checkCredit } from '../credit/credit-check';
import { alertsForChange, type AlertChange } from './alert-changes';
import { canViewerSeeAlert, type AlertRole } from './alert-rules';

const customer = { customerId: 'c1', customerName: 'Acme', ownerId: 'rep-1' };
const t = (iso: string) => new Date(iso);
const stock = (onHand: number, reserved: number, reorderPoint = 5) => ({ onHand, reserved, reorderPoint });
const invoice = (before: string | null, after: string, balanceDue = '10.00'): AlertChange => ({
  kind: 'INVOICE_DUE', customer, invoiceId: 'i1', invoiceNumber: 'INV-1', dueDate: '2025-03-01', balanceDue, before, after,
});
const ticket = (before: string | null, after: string, resolvedAt: string | null = null): AlertChange => ({
  kind: 'TICKET_SLA', customer, ticketId: 't1', subject: 'Down', slaDueAt: t('2025-03-01T12:00:00Z'), resolvedAt: resolvedAt ? t(resolvedAt) : null, before: before ? t(before) : null, after: t(after),
});
const lowStock = (before: ReturnType<typeof stock>, after: ReturnType<typeof stock>): AlertChange => ({
  kind: 'STOCK_LEVEL', productId: 'p1', sku: 'SKU-1', before, after, repIds: ['rep-2'], changeId: 'o9',
});
const stage = (before: string, after: string): AlertChange => ({ kind: 'OPPORTUNITY_STAGE', customer, opportunityId: 'op1', name: 'Big deal', amount: '1000.00', before, after });

describe('alertsForChange', () => {
  it.each<[string, AlertChange, string[]]>([
    ['a refused confirmation', { kind: 'ORDER_CREDIT_CHECK', customer, orderId: 'o1', orderNumber: 'SO-1', check: checkCredit({ limit: '100.00', exposure: '90.00', amount: '20.00' }), attemptId: 'a1' }, ['CREDIT_LIMIT_EXCEEDED']],
    ['an approved confirmation', { kind: 'ORDER_CREDIT_CHECK', customer, orderId: 'o1', orderNumber: 'SO-1', check: checkCredit({ limit: '100.00', exposure: '0', amount: '20.00' }), attemptId: 'a1' }, []],
    ['OK → WARNING', { kind: 'CREDIT_STATUS', customer, before: 'OK', after: 'WARNING', changeId: 'x' }, ['CREDIT_WARNING']],
    ['WARNING → ON_HOLD', { kind: 'CREDIT_STATUS', customer, before: 'WARNING', after: 'ON_HOLD', changeId: 'x', reason: 'late' }, ['CREDIT_HOLD']],
    ['ON_HOLD → OK', { kind: 'CREDIT_STATUS', customer, before: 'ON_HOLD', after: 'OK', changeId: 'x' }, []],
    ['stock crossing below the reorder point', lowStock(stock(10, 0), stock(10, 6)), ['LOW_STOCK']],
    ['stock landing exactly on the reorder point', lowStock(stock(10, 0), stock(10, 5)), []],
    ['stock staying below', lowStock(stock(10, 6), stock(10, 8)), []],
    ['stock recovering', lowStock(stock(10, 8), stock(20, 8)), []],
    ['an invoice that passed its due date', invoice('2025-03-01', '2025-03-02'), ['INVOICE_OVERDUE']],
    ['an invoice first looked at when overdue', invoice(null, '2025-04-01'), ['INVOICE_OVERDUE']],
    ['an invoice overdue already', invoice('2025-03-02', '2025-03-03'), []],
    ['an invoice due today', invoice('2025-02-28', '2025-03-01'), []],
    ['a paid invoice past its due date', invoice('2025-03-01', '2025-03-02', '0.00'), []],
    ['a ticket passing its SLA unresolved', ticket('2025-03-01T11:00:00Z', '2025-03-01T12:00:01Z'), ['SLA_BREACH']],
    ['a ticket resolved late within the window', ticket('2025-03-01T11:00:00Z', '2025-03-01T13:00:00Z', '2025-03-01T12:30:00Z'), ['SLA_BREACH']],
    ['a ticket resolved in time', ticket('2025-03-01T11:00:00Z', '2025-03-01T13:00:00Z', '2025-03-01T12:00:00Z'), []],
    ['a ticket not yet due', ticket(null, '2025-03-01T12:00:00Z'), []],
    ['a ticket breached earlier', ticket('2025-03-01T12:30:00Z', '2025-03-01T13:00:00Z'), []],
    ['a deal won', stage('NEGOTIATION', 'WON'), ['DEAL_WON']],
    ['a deal lost', stage('NEGOTIATION', 'LOST'), []],
    ['a won deal saved again', stage('WON', 'WON'), []],
  ])('%s raises %j', (_what, change, kinds) => {
    expect(alertsForChange(change).map((a) => a.kind)).toEqual(kinds);
  });

  it('addresses each alert to the people of the areas it touches', () => {
    const viewers: { id: string; role: AlertRole }[] = [
      { id: 'admin', role: 'ADMIN' }, { id: 'mgr', role: 'SALES_MANAGER' }, { id: 'rep-1', role: 'SALES_REP' }, { id: 'rep-2', role: 'SALES_REP' },
      { id: 'fin', role: 'FINANCE' }, { id: 'wh', role: 'WAREHOUSE' }, { id: 'sup', role: 'SUPPORT' },
    ];
    const hearers = (change: AlertChange) => viewers.filter((v) => canViewerSeeAlert(v, alertsForChange(change)[0].audience)).map((v) => v.id);
    expect(hearers(lowStock(stock(10, 0), stock(10, 6)))).toEqual(['admin', 'mgr', 'rep-2', 'wh']);
    expect(hearers(invoice(null, '2025-04-01'))).toEqual(['admin', 'rep-1', 'fin']);
    expect(hearers(ticket(null, '2025-03-02T00:00:00Z'))).toEqual(['admin', 'rep-1', 'sup']);
    expect(hearers(stage('PROPOSAL', 'WON'))).toEqual(['admin', 'mgr', 'rep-1', 'fin']);
  });

  it('raises LOW_STOCK once per fall below the reorder point over any sequence of levels (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 40 }), (availables) => {
        let alerts = 0;
        let crossings = 0;
        for (let k = 1; k < availables.length; k++) {
          alerts += alertsForChange(lowStock(stock(availables[k - 1], 0), stock(availables[k], 0))).length;
          if (availables[k - 1] >= 5 && availables[k] < 5) crossings += 1;
        }
        expect(alerts).toBe(crossings);
      }),
    );
  });

  it('raises INVOICE_OVERDUE once over any run of daily looks (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 30 }), (gaps) => {
        let day = '2025-02-20';
        let before: string | null = null;
        let raised = 0;
        for (const g of gaps) {
          day = new Date(Date.parse(`${day}T00:00:00Z`) + g * 86_400_000).toISOString().slice(0, 10);
          raised += alertsForChange(invoice(before, day)).length;
          before = day;
        }
        expect(raised).toBe(day > '2025-03-01' ? 1 : 0);
      }),
    );
  });
});
