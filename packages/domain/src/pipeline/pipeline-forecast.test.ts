import fc from 'fast-check';
import { Decimal, formatMoney, sumMoney } from '../money';
import { PIPELINE_STAGES } from './opportunity-stage';
import { summarizePipeline, weightedAmount, weightedPipeline, winRate, type PipelineOpportunity } from './pipeline-forecast';
import type { PipelineStage } from './pipeline-stages';

const opp = (stage: PipelineStage, amount: string): PipelineOpportunity => ({ stage, amount });
const opps = [opp('PROSPECTING', '1000.00'), opp('PROPOSAL', '333.33'), opp('NEGOTIATION', '100.01'), opp('WON', '500.00'), opp('LOST', '700.00'), opp('WON', '50.00')];

describe('weighted pipeline', () => {
  it.each([
    // 100 + 166.665 + 75.0075 = 341.6725 → 341.67 (rounding each would give 341.68)
    [opps.slice(0, 3), '341.67', '341.67'],
    [opps, '891.67', '341.67'],
    [[opp('QUALIFICATION', '0.05'), opp('QUALIFICATION', '0.05'), opp('QUALIFICATION', '0.05')], '0.03', '0.03'],
    [[opp('WON', '10.00'), opp('LOST', '10.00')], '10.00', '0.00'],
    [[], '0.00', '0.00'],
  ])('%j weighs %s in all, %s open', (list, all, open) => {
    expect(formatMoney(weightedAmount(list))).toBe(all);
    expect(formatMoney(weightedPipeline(list))).toBe(open);
  });
});

describe('winRate', () => {
  it.each([
    [['WON', 'WON', 'LOST'], '0.6667'],
    [['WON', 'LOST', 'PROPOSAL'], '0.5'],
    [['LOST'], '0'],
    [['WON'], '1'],
    [['PROPOSAL', 'NEGOTIATION'], null],
    [[], null],
  ] as const)('%j → %s', (stages, want) => expect(winRate(stages.map((stage) => ({ stage })))?.toString() ?? null).toBe(want));
});

describe('summarizePipeline', () => {
  it('reports every stage with its count, amount and weighted amount', () => {
    const s = summarizePipeline(opps);
    expect(s.stages.map((x) => [x.stage, x.count, formatMoney(x.amount), formatMoney(x.weightedAmount)])).toEqual([
      ['PROSPECTING', 1, '1000.00', '100.00'],
      ['QUALIFICATION', 0, '0.00', '0.00'],
      ['PROPOSAL', 1, '333.33', '166.67'],
      ['NEGOTIATION', 1, '100.01', '75.01'],
      ['WON', 2, '550.00', '550.00'],
      ['LOST', 1, '700.00', '0.00'],
    ]);
    expect([formatMoney(s.totalWeighted), s.winRate?.toFixed(4)]).toEqual(['341.67', '0.6667']);
  });

  it('adds up: counts, amounts, and the weighted total within a cent per open stage (property)', () => {
    const arbOpp = fc.record({ stage: fc.constantFrom(...PIPELINE_STAGES), amount: fc.integer({ min: 0, max: 100_000_000 }).map((c) => new Decimal(c).div(100)) });
    fc.assert(
      fc.property(fc.array(arbOpp, { maxLength: 40 }), (list) => {
        const s = summarizePipeline(list);
        expect(s.stages.reduce((n, x) => n + x.count, 0)).toBe(list.length);
        expect(sumMoney(s.stages.map((x) => x.amount)).eq(sumMoney(list.map((o) => o.amount)))).toBe(true);
        const openStages = s.stages.filter((x) => x.stage !== 'WON' && x.stage !== 'LOST');
        expect(
          sumMoney(openStages.map((x) => x.weightedAmount))
            .minus(s.totalWeighted)
            .abs()
            .lte('0.02'),
        ).toBe(true);
        const openAmount = sumMoney(list.filter((o) => o.stage !== 'WON' && o.stage !== 'LOST').map((o) => o.amount));
        expect(s.totalWeighted.gte(0) && s.totalWeighted.lte(openAmount)).toBe(true);
        expect(s.totalWeighted.decimalPlaces()).toBeLessThanOrEqual(2);
        const closed = list.filter((o) => o.stage === 'WON' || o.stage === 'LOST').length;
        if (closed === 0) expect(s.winRate).toBeNull();
        else expect(s.winRate!.gte(0) && s.winRate!.lte(1)).toBe(true);
      }),
    );
  });
});
