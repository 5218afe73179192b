import { STAGE_PROBABILITY, stageProbability } from './pipeline-stages';

it.each(Object.entries({ PROSPECTING: 10, QUALIFICATION: 20, PROPOSAL: 50, NEGOTIATION: 75, WON: 100, LOST: 0 }))('%s is %d %%', (stage, pct) => {
  expect(stageProbability(stage as keyof typeof STAGE_PROBABILITY)).toBe(pct);
});
