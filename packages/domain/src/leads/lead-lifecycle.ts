import { ok, refuse, type Result } from '../money/result';

export type LeadStatus = 'NEW' | 'CONTACTED' | 'QUALIFIED' | 'CONVERTED' | 'DISQUALIFIED';

/**
 * NEW → CONTACTED → QUALIFIED → CONVERTED, or DISQUALIFIED from any open
 * status. Moves go forward only and may skip a step: a NEW lead may be
 * converted straight away (the API's `convertLead` works on any open lead).
 * CONVERTED and DISQUALIFIED are final.
 */
export const LEAD_TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  NEW: ['CONTACTED', 'QUALIFIED', 'CONVERTED', 'DISQUALIFIED'],
  CONTACTED: ['QUALIFIED', 'CONVERTED', 'DISQUALIFIED'],
  QUALIFIED: ['CONVERTED', 'DISQUALIFIED'],
  CONVERTED: [],
  DISQUALIFIED: [],
};

/** Moves a lead along its table; any other move is INVALID_TRANSITION. */
export function transitionLead(from: LeadStatus, to: LeadStatus): Result<LeadStatus, 'INVALID_TRANSITION'> {
  return LEAD_TRANSITIONS[from].includes(to) ? ok(to) : refuse('INVALID_TRANSITION', `A ${from} lead cannot become ${to}.`, undefined, { from, to });
}
