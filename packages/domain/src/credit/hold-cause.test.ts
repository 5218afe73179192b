import { holdCause } from './hold-cause';

describe('holdCause', () => {
  it.each([
    ['no hold, nothing late', { onHold: false, maxDaysOverdue: 0, oldestOverdueInvoiceId: null }, null],
    ['exactly 60 days late is not yet a hold', { onHold: false, maxDaysOverdue: 60, oldestOverdueInvoiceId: 'i1' }, null],
    ['61 days late holds for that invoice', { onHold: false, maxDaysOverdue: 61, oldestOverdueInvoiceId: 'i1' }, { kind: 'INVOICE_OVERDUE', invoiceId: 'i1' }],
    ['a hand-placed hold comes first', { onHold: true, maxDaysOverdue: 90, oldestOverdueInvoiceId: 'i1' }, { kind: 'HOLD_PLACED' }],
    ['a hand-placed hold without anything late', { onHold: true, maxDaysOverdue: 0, oldestOverdueInvoiceId: null }, { kind: 'HOLD_PLACED' }],
  ])('%s', (_what, facts, cause) => {
    expect(holdCause(facts)).toEqual(cause);
  });

  it('follows the policy it is given', () => {
    expect(holdCause({ onHold: false, maxDaysOverdue: 31, oldestOverdueInvoiceId: 'i2' }, { holdAfterDaysOverdue: 30, warningRatio: '0.8' })).toEqual({ kind: 'INVOICE_OVERDUE', invoiceId: 'i2' });
  });

  it('refuses days overdue that name no invoice: a broken invariant', () => {
    expect(() => holdCause({ onHold: false, maxDaysOverdue: 61, oldestOverdueInvoiceId: null })).toThrow(/without the invoice/);
  });
});
