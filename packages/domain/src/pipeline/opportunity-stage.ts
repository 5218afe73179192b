import { ok, refuse, type Result } from '../money/result';
import { stageProbability, type PipelineStage } from './pipeline-stages';

/** The stages in pipeline order, open ones first. */
export const PIPELINE_STAGES: readonly PipelineStage[] = ['PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST'];

/** Opportunity moves as a table: an open stage may move to any other stage, forwards or back; WON and LOST are final. */
export const OPPORTUNITY_TRANSITIONS: Readonly<Record<PipelineStage, readonly PipelineStage[]>> = {
  PROSPECTING: ['QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST'],
  QUALIFICATION: ['PROSPECTING', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST'],
  PROPOSAL: ['PROSPECTING', 'QUALIFICATION', 'NEGOTIATION', 'WON', 'LOST'],
  NEGOTIATION: ['PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'WON', 'LOST'],
  WON: [],
  LOST: [],
};

/** WON and LOST are final: a closed opportunity never moves again. */
export function isFinalStage(stage: PipelineStage): boolean {
  return OPPORTUNITY_TRANSITIONS[stage].length === 0;
}

export interface OpportunityMove {
  stage: PipelineStage;
  /** the new stage's win probability, in percent */
  probability: number;
  /** the move closes the opportunity (into WON or LOST): stamp closedAt */
  closes: boolean;
  /** the move is into WON: raise DEAL_WON */
  dealWon: boolean;
  /** the trimmed reason when LOST, otherwise null */
  lostReason: string | null;
}

/**
 * Moving an opportunity follows the table (INVALID_TRANSITION out of WON or
 * LOST, or to the stage it is in); moving to LOST needs a reason
 * (BAD_USER_INPUT on `lostReason`); a move into WON signals DEAL_WON.
 */
export function moveOpportunity(from: PipelineStage, to: PipelineStage, lostReason?: string | null): Result<OpportunityMove, 'INVALID_TRANSITION' | 'BAD_USER_INPUT'> {
  if (!OPPORTUNITY_TRANSITIONS[from].includes(to)) {
    const why = isFinalStage(from) ? `is already ${from} and cannot move` : `is already in ${from}`;
    return refuse('INVALID_TRANSITION', `The opportunity ${why}.`, undefined, { from, to });
  }
  const reason = lostReason?.trim() || null;
  if (to === 'LOST' && reason === null) return refuse('BAD_USER_INPUT', 'A lost opportunity needs a reason.', ['lostReason']);
  return ok({ stage: to, probability: stageProbability(to), closes: isFinalStage(to), dealWon: to === 'WON', lostReason: to === 'LOST' ? reason : null });
}
