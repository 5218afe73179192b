import fc from 'fast-check';
import { isFinalStage, moveOpportunity, OPPORTUNITY_TRANSITIONS, PIPELINE_STAGES } from './opportunity-stage';
import type { PipelineStage } from './pipeline-stages';

describe('moveOpportunity', () => {
  it.each([
    ['PROSPECTING', 'PROPOSAL', undefined, { stage: 'PROPOSAL', probability: 50, closes: false, dealWon: false, lostReason: null }],
    ['NEGOTIATION', 'QUALIFICATION', 'ignored', { stage: 'QUALIFICATION', probability: 20, closes: false, dealWon: false, lostReason: null }],
    ['NEGOTIATION', 'WON', undefined, { stage: 'WON', probability: 100, closes: true, dealWon: true, lostReason: null }],
    ['PROPOSAL', 'LOST', '  Price  ', { stage: 'LOST', probability: 0, closes: true, dealWon: false, lostReason: 'Price' }],
  ] as const)('%s → %s (reason %j)', (from, to, reason, want) => expect(moveOpportunity(from, to, reason)).toEqual({ ok: true, value: want }));

  it.each([
    ['WON', 'LOST', 'x', 'INVALID_TRANSITION', /already WON/, undefined],
    ['LOST', 'PROPOSAL', undefined, 'INVALID_TRANSITION', /already LOST/, undefined],
    ['LOST', 'WON', undefined, 'INVALID_TRANSITION', /already LOST/, undefined],
    ['PROPOSAL', 'PROPOSAL', undefined, 'INVALID_TRANSITION', /already in PROPOSAL/, undefined],
    ['PROPOSAL', 'LOST', undefined, 'BAD_USER_INPUT', /needs a reason/, ['lostReason']],
    ['PROPOSAL', 'LOST', null, 'BAD_USER_INPUT', /needs a reason/, ['lostReason']],
    ['PROPOSAL', 'LOST', '  ', 'BAD_USER_INPUT', /needs a reason/, ['lostReason']],
  ] as const)('refuses %s → %s (reason %j)', (from, to, reason, code, message, field) => {
    const r = moveOpportunity(from, to, reason);
    expect(r).toMatchObject({ ok: false, code });
    if (!r.ok) {
      expect(r.message).toMatch(message);
      expect(r.field).toEqual(field);
    }
  });

  it.each(PIPELINE_STAGES.flatMap((from) => PIPELINE_STAGES.map((to) => [from, to] as const)))('%s → %s follows the table', (from, to) => {
    expect(moveOpportunity(from, to, 'reason').ok).toBe(OPPORTUNITY_TRANSITIONS[from].includes(to));
  });

  it.each([
    ['WON', true],
    ['LOST', true],
    ['PROSPECTING', false],
    ['NEGOTIATION', false],
  ] as const)('%s is final: %s', (stage, final) => expect(isFinalStage(stage)).toBe(final));

  it('signals DEAL_WON at most once over any sequence of moves (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...PIPELINE_STAGES), fc.option(fc.string())), { maxLength: 25 }), (moves) => {
        let stage: PipelineStage = 'PROSPECTING';
        let wins = 0;
        for (const [to, reason] of moves) {
          const r = moveOpportunity(stage, to, reason);
          if (!r.ok) continue;
          if (r.value.dealWon) wins += 1;
          stage = r.value.stage;
        }
        expect(wins).toBeLessThanOrEqual(1);
        expect(wins === 1).toBe(stage === 'WON');
      }),
    );
  });
});
