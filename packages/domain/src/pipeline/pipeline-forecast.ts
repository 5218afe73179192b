import { money, roundMoney, sumMoney, ZERO, type Decimal, type DecimalLike } from '../money/decimal';
import { ok, refuse, type Result } from '../money/result';
import { stageProbability, type PipelineStage } from './pipeline-stages';

export const PIPELINE_STAGES: readonly PipelineStage[] = ['PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST'];

/** WON and LOST are final. */
export function isFinalStage(stage: PipelineStage): boolean {
  return stage === 'WON' || stage === 'LOST';
}

/**
 * Moving an opportunity: not out of a final stage; LOST needs a reason. A move
 * into WON signals DEAL_WON.
 */
export function moveOpportunity(from: PipelineStage, to: PipelineStage, lostReason?: string | null): Result<{ stage: PipelineStage; dealWon: boolean }, 'INVALID_TRANSITION' | 'BAD_USER_INPUT'> {
  if (isFinalStage(from)) return refuse('INVALID_TRANSITION', `The opportunity is already ${from}.`);
  if (to === from) return refuse('INVALID_TRANSITION', `The opportunity is already in ${from}.`);
  if (to === 'LOST' && !lostReason?.trim()) return refuse('BAD_USER_INPUT', 'A lost opportunity needs a reason.', ['lostReason']);
  return ok({ stage: to, dealWon: to === 'WON' });
}

export interface OpportunityFacts {
  stage: PipelineStage;
  amount: DecimalLike;
}

/** Weighted forecast: Σ amount × stage probability, rounded once at the end. */
export function weightedPipeline(opps: readonly OpportunityFacts[]): Decimal {
  return roundMoney(opps.reduce<Decimal>((s, o) => s.plus(money(o.amount).times(stageProbability(o.stage)).div(100)), ZERO));
}

/** Win rate = won / (won + lost), to 4 places; null when nothing has closed. */
export function winRate(opps: readonly Pick<OpportunityFacts, 'stage'>[]): Decimal | null {
  const won = opps.filter((o) => o.stage === 'WON').length;
  const lost = opps.filter((o) => o.stage === 'LOST').length;
  return won + lost === 0 ? null : money(won).div(won + lost).toDecimalPlaces(4);
}

export interface PipelineSummary {
  stages: { stage: PipelineStage; count: number; amount: Decimal; weightedAmount: Decimal }[];
  totalWeighted: Decimal;
  winRate: Decimal | null;
}

/** Per stage: count, amount and weighted amount; the total weighted pipeline (open stages) and the win rate. */
export function summarizePipeline(opps: readonly OpportunityFacts[]): PipelineSummary {
  const stages = PIPELINE_STAGES.map((stage) => {
    const inStage = opps.filter((o) => o.stage === stage);
    return { stage, count: inStage.length, amount: sumMoney(inStage.map((o) => o.amount)), weightedAmount: weightedPipeline(inStage) };
  });
  return { stages, totalWeighted: weightedPipeline(opps.filter((o) => !isFinalStage(o.stage))), winRate: winRate(opps) };
}
