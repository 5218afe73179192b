export type PipelineStage = 'PROSPECTING' | 'QUALIFICATION' | 'PROPOSAL' | 'NEGOTIATION' | 'WON' | 'LOST';

/** Win probability of each stage, in percent. */
export const STAGE_PROBABILITY: Readonly<Record<PipelineStage, number>> = {
  PROSPECTING: 10,
  QUALIFICATION: 20,
  PROPOSAL: 50,
  NEGOTIATION: 75,
  WON: 100,
  LOST: 0,
};

/** The stage's win probability in percent (PROSPECTING 10 … NEGOTIATION 75, WON 100, LOST 0). */
export function stageProbability(stage: PipelineStage): number {
  return STAGE_PROBABILITY[stage];
}
