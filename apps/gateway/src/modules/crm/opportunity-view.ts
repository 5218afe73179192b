import * as domain from '@tandem/domain';
import type { OpportunityStage } from './opportunity.entity';

/** The stage's win probability in percent, from the domain's pipeline rules. */
export function stageProbabilityPercent(stage: OpportunityStage): number {
  return domain.stageProbability(stage);
}
