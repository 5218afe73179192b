import { isSlaBreached, slaBreachCrossed, slaDueAt, TICKET_TRANSITIONS, transitionTicket, type TicketStatus } from './ticket-sla';

const created = new Date('2025-01-01T09:00:00Z');

it.each([['URGENT', '2025-01-01T13:00:00.000Z'], ['HIGH', '2025-01-01T17:00:00.000Z'], ['NORMAL', '2025-01-02T09:00:00.000Z'], ['LOW', '2025-01-04T09:00:00.000Z']] as const)(
  '%s is due at %s',
  (priority, due) => expect(slaDueAt(created, priority).toISOString()).toBe(due),
);

it.each([
  ['OPEN', '2025-01-01T13:00:00Z', false],
  ['OPEN', '2025-01-01T13:00:01Z', true],
  ['WAITING_ON_CUSTOMER', '2025-01-02T00:00:00Z', true],
  ['RESOLVED', '2025-01-02T00:00:00Z', false],
  ['CLOSED', '2025-01-02T00:00:00Z', false],
] as const)('a %s ticket at %s is breached: %s', (status, now, want) => {
  expect(isSlaBreached({ status, slaDueAt: slaDueAt(created, 'URGENT') }, new Date(now))).toBe(want);
});

it('signals a breach only when crossing', () => {
  const t = { status: 'OPEN' as TicketStatus, slaDueAt: slaDueAt(created, 'URGENT') };
  expect(slaBreachCrossed(t, new Date('2025-01-01T12:00:00Z'), new Date('2025-01-01T14:00:00Z'))).toBe(true);
  expect(slaBreachCrossed(t, new Date('2025-01-01T14:00:00Z'), new Date('2025-01-01T15:00:00Z'))).toBe(false);
});

it.each((Object.keys(TICKET_TRANSITIONS) as TicketStatus[]).flatMap((from) => (Object.keys(TICKET_TRANSITIONS) as TicketStatus[]).map((to) => [from, to] as const)))('%s → %s follows the table', (from, to) => {
  const r = transitionTicket(from, to);
  expect(r.ok).toBe(TICKET_TRANSITIONS[from].includes(to));
  if (!r.ok) expect(r.code).toBe('INVALID_TRANSITION');
});
