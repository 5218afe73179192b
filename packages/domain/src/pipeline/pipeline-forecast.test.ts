import { formatMoney } from '../money';
import { isFinalStage, moveOpportunity, summarizePipeline, weightedPipeline, winRate } from './pipeline-forecast';

describe('moveOpportunity', () => {
  it.each([
    ['PROSPECTING', 'PROPOSAL', undefined, { ok: true, value: { stage: 'PROPOSAL', dealWon: false } }],
    ['NEGOTIATION', 'WON', undefined, { ok: true, value: { stage: 'WON', dealWon: true } }],
    ['PROPOSAL', 'LOST', 'Price', { ok: true, value: { stage: 'LOST', dealWon: false } }],
  ] as const)('%s → %s', (from, to, reason, want) => expect(moveOpportunity(from, to, reason)).toEqual(want));

  it.each([
    ['WON', 'LOST', 'x', 'INVALID_TRANSITION'],
    ['LOST', 'PROPOSAL', undefined, 'INVALID_TRANSITION'],
    ['PROPOSAL', 'PROPOSAL', undefined, 'INVALID_TRANSITION'],
    ['PROPOSAL', 'LOST', '  ', 'BAD_USER_INPUT'],
  ] as const)('refuses %s → %s', (from, to, reason, code) => expect(moveOpportunity(from, to, reason)).toMatchObject({ ok: false, code }));

  it('knows final stages', () => expect(['WON', 'LOST', 'PROPOSAL'].map((s) => isFinalStage(s as never))).toEqual([true, true, false]));
});

describe('forecast', () => {
  const opps = [
    { stage: 'PROSPECTING' as const, amount: '1000.00' },
    { stage: 'PROPOSAL' as const, amount: '333.33' },
    { stage: 'NEGOTIATION' as const, amount: '100.01' },
    { stage: 'WON' as const, amount: '500.00' },
    { stage: 'LOST' as const, amount: '700.00' },
    { stage: 'WON' as const, amount: '50.00' },
  ];
  it('weights by stage probability and rounds once', () => {
    // 100 + 166.665 + 75.0075 = 341.6725 → 341.67
    expect(formatMoney(weightedPipeline(opps.slice(0, 3)))).toBe('341.67');
  });
  it('computes the win rate', () => {
    expect(winRate(opps)?.toFixed(4)).toBe('0.6667');
    expect(winRate([{ stage: 'PROPOSAL' }])).toBeNull();
  });
  it('summarizes per stage', () => {
    const s = summarizePipeline(opps);
    expect(s.stages.find((x) => x.stage === 'WON')).toMatchObject({ count: 2 });
    expect(formatMoney(s.stages.find((x) => x.stage === 'WON')!.amount)).toBe('550.00');
    expect(formatMoney(s.totalWeighted)).toBe('341.67');
  });
});
