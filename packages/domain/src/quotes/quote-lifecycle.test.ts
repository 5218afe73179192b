import { formatMoney } from '../money';
import { acceptQuote, isQuoteExpired, needsApproval, QUOTE_TRANSITIONS, submitQuote, transitionQuote, type QuoteLine, type QuoteStatus } from './quote-lifecycle';

const line = (discountPercent: string): QuoteLine => ({ productId: 'p', quantity: 2, unitPrice: '50.00', discountPercent, taxRate: '0.2' });

describe('approval', () => {
  it.each([['15', false], ['15.0001', true], ['0', false], ['40', true]])('discount %s %% needs approval: %s', (d, want) => {
    expect(needsApproval([line('0'), line(d)])).toBe(want);
  });
  it('takes a configured limit', () => expect(needsApproval([line('20')], '25')).toBe(false));
});

describe('submitQuote', () => {
  it.each([
    [[line('10')], 'APPROVED'],
    [[line('10'), line('20')], 'PENDING_APPROVAL'],
  ])('%j → %s', (lines, status) => {
    expect(submitQuote({ status: 'DRAFT', lines, validUntil: '2025-02-01', today: '2025-01-01' })).toEqual({ ok: true, value: status });
  });
  it.each([
    [{ status: 'SENT' as QuoteStatus }, 'INVALID_TRANSITION'],
    [{ validUntil: '2024-12-31' }, 'BAD_USER_INPUT'],
    [{ lines: [{ ...line('0'), quantity: 0 }] }, 'BAD_USER_INPUT'],
  ])('refuses %j', (over, code) => {
    expect(submitQuote({ status: 'DRAFT', lines: [line('0')], validUntil: '2025-02-01', today: '2025-01-01', ...over })).toMatchObject({ ok: false, code });
  });
});

describe('transitions', () => {
  const all = Object.keys(QUOTE_TRANSITIONS) as QuoteStatus[];
  it.each(all)('from %s only the declared events move', (status) => {
    for (const e of ['SUBMIT', 'APPROVE', 'REJECT', 'SEND', 'ACCEPT', 'EXPIRE'] as const) {
      const r = transitionQuote(status, e);
      expect(r.ok).toBe(QUOTE_TRANSITIONS[status][e] !== undefined);
    }
  });
});

describe('acceptQuote', () => {
  it('yields the lines of a new order', () => {
    const r = acceptQuote({ status: 'SENT', validUntil: '2025-01-31', lines: [line('10')] }, '2025-01-31');
    expect(r.ok && [r.value.status, r.value.orderLines, formatMoney(r.value.total)]).toEqual(['ACCEPTED', [line('10')], '108.00']);
  });
  it.each([
    [{ status: 'APPROVED' as QuoteStatus, validUntil: '2025-01-30' }, 'expired'],
    [{ status: 'PENDING_APPROVAL' as QuoteStatus, validUntil: '2025-02-28' }, 'cannot accept'],
    [{ status: 'ACCEPTED' as QuoteStatus, validUntil: '2025-02-28' }, 'cannot accept'],
  ])('refuses %j', (q, message) => {
    const r = acceptQuote({ ...q, lines: [line('0')] }, '2025-01-31');
    expect(r).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    expect(!r.ok && r.message).toMatch(message);
  });
  it('throws on an approved quote with impossible lines (a broken invariant)', () => {
    expect(() => acceptQuote({ status: 'APPROVED', validUntil: '2025-02-28', lines: [{ ...line('0'), quantity: -1 }] }, '2025-01-01')).toThrow();
  });
  it('knows expiry', () => {
    expect(isQuoteExpired({ status: 'SENT', validUntil: '2025-01-01' }, '2025-01-02')).toBe(true);
    expect(isQuoteExpired({ status: 'DRAFT', validUntil: '2025-01-01' }, '2025-01-02')).toBe(false);
  });
});
