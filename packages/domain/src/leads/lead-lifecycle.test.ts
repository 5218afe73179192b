import fc from 'fast-check';
import { LEAD_TRANSITIONS, transitionLead, type LeadStatus } from './lead-lifecycle';

const STATUSES = Object.keys(LEAD_TRANSITIONS) as LeadStatus[];

it.each(STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const)))('%s → %s follows the table', (from, to) => {
  const r = transitionLead(from, to);
  if (LEAD_TRANSITIONS[from].includes(to)) expect(r).toEqual({ ok: true, value: to });
  else expect(r).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', details: { from, to } });
});

it.each([
  ['NEW', 'CONTACTED', true],
  ['CONTACTED', 'QUALIFIED', true],
  ['QUALIFIED', 'CONVERTED', true],
  ['NEW', 'CONVERTED', true],
  ['QUALIFIED', 'DISQUALIFIED', true],
  ['QUALIFIED', 'CONTACTED', false],
  ['CONVERTED', 'DISQUALIFIED', false],
  ['DISQUALIFIED', 'NEW', false],
  ['NEW', 'NEW', false],
] as const)('%s → %s allowed: %s', (from, to, allowed) => expect(transitionLead(from, to).ok).toBe(allowed));

it('only moves forward and stops at CONVERTED or DISQUALIFIED (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...STATUSES), { maxLength: 20 }), (targets) => {
      let status: LeadStatus = 'NEW';
      for (const to of targets) {
        const r = transitionLead(status, to);
        if (!r.ok) continue;
        if (to !== 'DISQUALIFIED') expect(STATUSES.indexOf(to)).toBeGreaterThan(STATUSES.indexOf(status));
        status = r.value;
      }
      if (status === 'CONVERTED' || status === 'DISQUALIFIED') expect(STATUSES.every((to) => !transitionLead(status, to).ok)).toBe(true);
    }),
  );
});
