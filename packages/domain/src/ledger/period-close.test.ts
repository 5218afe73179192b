import { invoicePosting } from './ledger-postings';
import { checkPostingDate, planPeriodClose, postToLedger } from './period-close';

describe('posting into a period', () => {
  it.each([
    ['2025-01-31', '2025-01-31', false],
    ['2025-01-30', '2025-01-31', false],
    ['2025-02-01', '2025-01-31', true],
    ['1999-01-01', null, true],
  ])('posts on %s with the books closed through %s: %s', (date, closedThrough, posts) => {
    const r = postToLedger(invoicePosting({ date, reference: 'I', subtotal: '1.00', taxTotal: '0.00' }), closedThrough);
    if (posts) expect(r).toMatchObject({ ok: true, value: { date } });
    else expect(r).toMatchObject({ ok: false, code: 'PERIOD_CLOSED', details: { date, closedThrough } });
    expect(checkPostingDate(date, closedThrough).ok).toBe(posts);
  });

  it('still throws on an unbalanced posting in an open period', () => {
    const p = invoicePosting({ date: '2025-02-01', reference: 'I', subtotal: '1.00', taxTotal: '0.00' });
    expect(() => postToLedger({ ...p, lines: p.lines.slice(0, 1) }, null)).toThrow(/does not balance/);
  });
});

describe('planPeriodClose', () => {
  it.each([
    [null, '2025-01-31', '2025-02-01', { ok: true, value: '2025-01-31' }],
    ['2024-12-31', '2025-01-31', '2025-03-15', { ok: true, value: '2025-01-31' }],
    ['2025-01-31', '2025-01-31', '2025-03-15', { ok: false, code: 'BAD_USER_INPUT', field: ['through'], message: 'The books are already closed through 2025-01-31.' }],
    ['2025-01-31', '2024-12-31', '2025-03-15', { ok: false, code: 'BAD_USER_INPUT', field: ['through'] }],
    [null, '2025-02-01', '2025-02-01', { ok: false, code: 'BAD_USER_INPUT', field: ['through'], message: expect.stringMatching(/not yet over/) }],
    [null, '2025-02-30', '2025-06-01', { ok: false, code: 'BAD_USER_INPUT', field: ['through'] }],
  ])('closed through %s, closing through %s on %s', (closedThrough, through, today, want) => {
    expect(planPeriodClose({ closedThrough, through, today })).toMatchObject(want);
  });
});
