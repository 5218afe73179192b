import fc from 'fast-check';
import { isTicketResolved, moveTicket, TICKET_TRANSITIONS, transitionTicket, type TicketStatus } from './ticket-lifecycle';

const STATUSES = Object.keys(TICKET_TRANSITIONS) as TicketStatus[];
const now = new Date('2025-01-02T10:00:00Z');
const earlier = new Date('2025-01-01T10:00:00Z');

it.each(STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const)))('%s → %s follows the table', (from, to) => {
  const r = transitionTicket(from, to);
  if (TICKET_TRANSITIONS[from].includes(to)) expect(r).toEqual({ ok: true, value: to });
  else expect(r).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', details: { from, to } });
});

it.each([
  ['RESOLVED', 'OPEN', true],
  ['OPEN', 'RESOLVED', true],
  ['WAITING_ON_CUSTOMER', 'IN_PROGRESS', true],
  ['CLOSED', 'OPEN', false],
  ['OPEN', 'OPEN', false],
  ['RESOLVED', 'IN_PROGRESS', false],
] as const)('%s → %s allowed: %s', (from, to, allowed) => expect(transitionTicket(from, to).ok).toBe(allowed));

it.each([
  ['OPEN', null, 'RESOLVED', now],
  ['RESOLVED', earlier, 'CLOSED', earlier],
  ['IN_PROGRESS', null, 'CLOSED', now],
  ['RESOLVED', earlier, 'OPEN', null],
  ['OPEN', null, 'WAITING_ON_CUSTOMER', null],
] as const)('a %s ticket resolved at %s moved to %s is resolved at %s', (status, resolvedAt, to, want) => {
  expect(moveTicket({ status, resolvedAt }, to, now)).toEqual({ ok: true, value: { status: to, resolvedAt: want } });
});

it('refuses an illegal move', () => expect(moveTicket({ status: 'CLOSED', resolvedAt: earlier }, 'OPEN', now)).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' }));

it('has a resolvedAt exactly while resolved, over any sequence of moves (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom(...STATUSES), fc.integer({ min: 0, max: 1e9 })), { maxLength: 20 }), (moves) => {
      let t: { status: TicketStatus; resolvedAt: Date | null } = { status: 'OPEN', resolvedAt: null };
      for (const [to, ms] of moves) {
        const r = moveTicket(t, to, new Date(ms));
        if (r.ok) t = r.value;
        expect(t.resolvedAt !== null).toBe(isTicketResolved(t.status));
      }
    }),
  );
});
