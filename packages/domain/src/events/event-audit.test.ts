import type { BusinessEvent, BusinessEventFacts } from './business-event';
import { auditEntryForEvent } from './event-audit';

const customer = { customerId: 'c1', customerName: 'Acme', ownerId: 'rep-1' };
const event = (facts: BusinessEventFacts): BusinessEvent => ({ id: 'e1', actorId: 'u1', occurredAt: new Date('2026-03-01T00:00:00Z'), ...facts });

describe('auditEntryForEvent', () => {
  it('records a change with its values before and after', () => {
    const e = auditEntryForEvent(event({ type: 'CustomerUpdated', customer, changes: [{ field: 'phone', before: null, after: '+44 1' }] }));
    expect(e).toEqual({ action: 'CustomerUpdated', entityType: 'Customer', entityId: 'c1', before: { phone: null }, after: { phone: '+44 1' } });
    expect(auditEntryForEvent(event({ type: 'CreditLimitChanged', customer, limitBefore: null, limitAfter: '5.00', credit: { before: 'OK', after: 'OVER_LIMIT', holdCause: null } }))).toMatchObject({
      before: { creditLimit: null, status: 'OK' },
      after: { creditLimit: '5.00', status: 'OVER_LIMIT' },
    });
    expect(auditEntryForEvent(event({ type: 'PeriodClosed', closedThrough: '2026-01-31', closedBefore: null }))).toMatchObject({
      entityType: 'Ledger',
      before: { closedThrough: null },
      after: { closedThrough: '2026-01-31' },
    });
  });

  it('records a creation or a step with its facts as after, as plain JSON, without the event’s own id, actor or time', () => {
    const e = auditEntryForEvent(event({ type: 'SupplierBillPaid', billId: 'b1', number: 'BILL-000001', supplierId: 's1', amount: '10.00', paidOn: '2026-03-01' }));
    expect(e).toEqual({
      action: 'SupplierBillPaid',
      entityType: 'SupplierBill',
      entityId: 'b1',
      before: null,
      after: { billId: 'b1', number: 'BILL-000001', supplierId: 's1', amount: '10.00', paidOn: '2026-03-01' },
    });
    const a = auditEntryForEvent(event({ type: 'ActivityLogged', customer, activityId: 'a1', kind: 'CALL', subject: 'x', activityAt: new Date('2026-02-01T00:00:00Z') }));
    expect(a.after).toMatchObject({ activityAt: '2026-02-01T00:00:00.000Z' });
    expect(a.after).not.toHaveProperty('occurredAt');
    expect(a.after).not.toHaveProperty('actorId');
  });
});
