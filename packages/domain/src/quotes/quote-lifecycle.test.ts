import fc from 'fast-check';
import { EXPIRABLE_QUOTE_STATUSES, isQuoteExpired, moveQuote, QUOTE_TRANSITIONS, quoteStatusAsOf, transitionQuote, type QuoteEvent, type QuoteStatus } from './quote-lifecycle';

const STATUSES = Object.keys(QUOTE_TRANSITIONS) as QuoteStatus[];
const EVENTS: QuoteEvent[] = ['SUBMIT', 'APPROVE', 'REJECT', 'SEND', 'ACCEPT', 'EXPIRE'];

describe('the transition table', () => {
  it.each(STATUSES.flatMap((s) => EVENTS.map((e) => [s, e] as const)))('%s + %s follows the table', (status, event) => {
    const r = transitionQuote(status, event);
    const next = QUOTE_TRANSITIONS[status][event];
    if (next) expect(r).toEqual({ ok: true, value: next });
    else expect(r).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', details: { status, event } });
  });

  it.each([
    ['DRAFT', 'SUBMIT', 'PENDING_APPROVAL'],
    ['PENDING_APPROVAL', 'APPROVE', 'APPROVED'],
    ['PENDING_APPROVAL', 'REJECT', 'REJECTED'],
    ['APPROVED', 'SEND', 'SENT'],
    ['APPROVED', 'ACCEPT', 'ACCEPTED'],
    ['SENT', 'ACCEPT', 'ACCEPTED'],
    ['SENT', 'REJECT', 'REJECTED'],
    ['SENT', 'EXPIRE', 'EXPIRED'],
  ] as const)('%s + %s → %s', (status, event, next) => expect(transitionQuote(status, event)).toEqual({ ok: true, value: next }));

  it.each([
    ['DRAFT', 'ACCEPT'],
    ['DRAFT', 'APPROVE'],
    ['PENDING_APPROVAL', 'SEND'],
    ['PENDING_APPROVAL', 'ACCEPT'],
    ['APPROVED', 'APPROVE'],
    ['ACCEPTED', 'REJECT'],
    ['REJECTED', 'SUBMIT'],
    ['EXPIRED', 'ACCEPT'],
  ] as const)('refuses %s + %s', (status, event) => expect(transitionQuote(status, event)).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' }));

  it('keeps ACCEPTED, EXPIRED and REJECTED final over any sequence of events (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EVENTS), { maxLength: 30 }), (events) => {
        let status: QuoteStatus = 'DRAFT';
        for (const e of events) {
          const final = Object.keys(QUOTE_TRANSITIONS[status]).length === 0;
          const r = transitionQuote(status, e);
          if (final) expect(r.ok).toBe(false);
          if (r.ok) status = r.value;
          expect(STATUSES).toContain(status);
        }
      }),
    );
  });
});

describe('expiry', () => {
  it.each([
    ['DRAFT', '2025-01-31', '2025-02-01', true],
    ['PENDING_APPROVAL', '2025-01-31', '2025-02-01', true],
    ['APPROVED', '2025-01-31', '2025-02-01', true],
    ['SENT', '2025-01-31', '2025-02-01', true],
    ['SENT', '2025-01-31', '2025-01-31', false],
    ['ACCEPTED', '2025-01-31', '2025-02-01', false],
    ['REJECTED', '2025-01-31', '2025-02-01', false],
    ['EXPIRED', '2025-01-31', '2025-02-01', false],
  ] as const)('a %s quote valid until %s is expired on %s: %s', (status, validUntil, today, expired) => {
    expect(isQuoteExpired({ status, validUntil }, today)).toBe(expired);
    expect(quoteStatusAsOf({ status, validUntil }, today)).toBe(expired ? 'EXPIRED' : status);
  });
});

describe('guarded moves', () => {
  it.each([
    ['APPROVED', 'SEND', '2025-01-31', { ok: true, value: 'SENT' }],
    ['APPROVED', 'SEND', '2025-02-01', { ok: false, code: 'INVALID_TRANSITION', message: 'The quote expired: it was valid until 2025-01-31.' }],
    ['SENT', 'EXPIRE', '2025-02-01', { ok: true, value: 'EXPIRED' }],
    ['SENT', 'EXPIRE', '2025-01-31', { ok: false, code: 'INVALID_TRANSITION', message: 'The quote is valid until 2025-01-31.' }],
    ['ACCEPTED', 'EXPIRE', '2025-02-01', { ok: false, code: 'INVALID_TRANSITION' }],
    ['PENDING_APPROVAL', 'REJECT', '2025-03-01', { ok: false, code: 'INVALID_TRANSITION' }],
  ] as const)('%s + %s on %s', (status, event, today, want) => {
    expect(moveQuote({ status, validUntil: '2025-01-31' }, event, today)).toMatchObject(want);
  });
});

describe('EXPIRABLE_QUOTE_STATUSES', () => {
  it('are the open statuses: the ones the table lets EXPIRE', () => {
    expect([...EXPIRABLE_QUOTE_STATUSES].sort()).toEqual(['APPROVED', 'DRAFT', 'PENDING_APPROVAL', 'SENT']);
  });
});
