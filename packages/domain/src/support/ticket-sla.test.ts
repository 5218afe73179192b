import fc from 'fast-check';
import type { TicketStatus } from './ticket-lifecycle';
import { isSlaBreached, SLA_HOURS, slaBreachCrossed, slaDueAt, type TicketPriority } from './ticket-sla';

const created = new Date('2025-01-01T09:00:00Z');
const due = slaDueAt(created, 'URGENT');
const at = (iso: string) => new Date(iso);

it.each([
  ['URGENT', '2025-01-01T13:00:00.000Z'],
  ['HIGH', '2025-01-01T17:00:00.000Z'],
  ['NORMAL', '2025-01-02T09:00:00.000Z'],
  ['LOW', '2025-01-04T09:00:00.000Z'],
] as const)('%s is due at %s', (priority, want) => expect(slaDueAt(created, priority).toISOString()).toBe(want));

it('counts hours from the creation instant, whatever the instant (property)', () => {
  fc.assert(
    fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), fc.constantFrom<TicketPriority>('URGENT', 'HIGH', 'NORMAL', 'LOW'), (c, p) => {
      expect(slaDueAt(c, p).getTime() - c.getTime()).toBe(SLA_HOURS[p] * 3_600_000);
    }),
  );
});

it('throws on an invalid creation instant (a broken invariant)', () => expect(() => slaDueAt(new Date('nope'), 'LOW')).toThrow(RangeError));

it.each([
  ['OPEN', '2025-01-01T13:00:00Z', false],
  ['OPEN', '2025-01-01T13:00:00.001Z', true],
  ['IN_PROGRESS', '2025-01-02T00:00:00Z', true],
  ['WAITING_ON_CUSTOMER', '2025-01-02T00:00:00Z', true],
  ['RESOLVED', '2025-01-02T00:00:00Z', false],
  ['CLOSED', '2025-01-02T00:00:00Z', false],
] as const)('a %s ticket at %s is breached: %s', (status, now, want) => {
  expect(isSlaBreached({ status, slaDueAt: due }, at(now))).toBe(want);
});

it.each([
  ['time passes the due time', 'OPEN', '2025-01-01T12:00:00Z', 'OPEN', '2025-01-01T14:00:00Z', true],
  ['already breached', 'OPEN', '2025-01-01T14:00:00Z', 'OPEN', '2025-01-01T15:00:00Z', false],
  ['still within', 'OPEN', '2025-01-01T10:00:00Z', 'IN_PROGRESS', '2025-01-01T12:59:59Z', false],
  ['resolved in time, seen later', 'RESOLVED', '2025-01-01T12:00:00Z', 'RESOLVED', '2025-01-01T14:00:00Z', false],
  ['reopened after the due time', 'RESOLVED', '2025-01-01T14:00:00Z', 'OPEN', '2025-01-01T14:00:00Z', true],
  ['resolved after breaching', 'OPEN', '2025-01-01T14:00:00Z', 'RESOLVED', '2025-01-01T15:00:00Z', false],
] as const)('%s: crossed %s', (_why, s1, t1, s2, t2, want) => {
  expect(slaBreachCrossed({ status: s1, slaDueAt: due, at: at(t1) }, { status: s2, slaDueAt: due, at: at(t2) })).toBe(want);
});

it('signals a breach at most once while a ticket stays unresolved, over any observation times (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 10 * 3_600_000 }), { maxLength: 30 }), fc.constantFrom<TicketStatus>('OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER'), (offsets, status) => {
      const times = [...offsets].sort((a, b) => a - b).map((o) => new Date(created.getTime() + o));
      let signals = 0;
      for (let i = 1; i < times.length; i++) if (slaBreachCrossed({ status, slaDueAt: due, at: times[i - 1] }, { status, slaDueAt: due, at: times[i] })) signals += 1;
      expect(signals).toBeLessThanOrEqual(1);
      const everBreached = times.length > 0 && isSlaBreached({ status, slaDueAt: due }, times[times.length - 1]);
      const startedBreached = times.length > 0 && isSlaBreached({ status, slaDueAt: due }, times[0]);
      expect(signals === 1).toBe(everBreached && !startedBreached);
    }),
  );
});
