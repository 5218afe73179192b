import { money, roundMoney, sumMoney, ZERO, type Decimal, type DecimalLike } from '../money/decimal';
import { isFinalStage, PIPELINE_STAGES } from './opportunity-stage';
import { stageProbability, type PipelineStage } from './pipeline-stages';

export interface PipelineOpportunity {
  stage: PipelineStage;
  amount: DecimalLike;
}

/** Σ amount × stage probability over the opportunities given, rounded once at the end (never per opportunity). */
export function weightedAmount(opps: readonly PipelineOpportunity[]): Decimal {
  return roundMoney(opps.reduce<Decimal>((s, o) => s.plus(money(o.amount).times(stageProbability(o.stage)).div(100)), ZERO));
}

/**
 * The weighted pipeline (forecast): Σ amount × stage probability over the open
 * opportunities, rounded once. WON and LOST deals are no longer pipeline and
 * are left out, so every opportunity may be passed in.
 */
export function weightedPipeline(opps: readonly PipelineOpportunity[]): Decimal {
  return weightedAmount(opps.filter((o) => !isFinalStage(o.stage)));
}

/** Win rate = won ÷ (won + lost), to 4 places; null when nothing has closed. */
export function winRate(opps: readonly Pick<PipelineOpportunity, 'stage'>[]): Decimal | null {
  const won = opps.filter((o) => o.stage === 'WON').length;
  const lost = opps.filter((o) => o.stage === 'LOST').length;
  return won + lost === 0
    ? null
    : money(won)
        .div(won + lost)
        .toDecimalPlaces(4);
}

export interface PipelineStageSummary {
  stage: PipelineStage;
  count: number;
  amount: Decimal;
  weightedAmount: Decimal;
}

export interface PipelineSummary {
  stages: PipelineStageSummary[];
  totalWeighted: Decimal;
  winRate: Decimal | null;
}

/**
 * The `Pipeline` view: for every stage (all six, in order, empty ones at zero)
 * its count, amount and weighted amount; the weighted pipeline of the open
 * stages (rounded once, so it may differ by a cent from the stage figures
 * added up); and the win rate.
 */
export function summarizePipeline(opps: readonly PipelineOpportunity[]): PipelineSummary {
  const stages = PIPELINE_STAGES.map((stage) => {
    const inStage = opps.filter((o) => o.stage === stage);
    return { stage, count: inStage.length, amount: sumMoney(inStage.map((o) => o.amount)), weightedAmount: weightedAmount(inStage) };
  });
  return { stages, totalWeighted: weightedPipeline(opps), winRate: winRate(opps) };
}
