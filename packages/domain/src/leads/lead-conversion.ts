import { ok, refuse, type Result } from '../money/result';
import type { DecimalLike } from '../money/decimal';

export type LeadStatus = 'NEW' | 'CONTACTED' | 'QUALIFIED' | 'CONVERTED' | 'DISQUALIFIED';

/** NEW → CONTACTED → QUALIFIED → CONVERTED, or DISQUALIFIED from any open status. */
export const LEAD_TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  NEW: ['CONTACTED', 'QUALIFIED', 'CONVERTED', 'DISQUALIFIED'],
  CONTACTED: ['QUALIFIED', 'CONVERTED', 'DISQUALIFIED'],
  QUALIFIED: ['CONVERTED', 'DISQUALIFIED'],
  CONVERTED: [],
  DISQUALIFIED: [],
};

/** Moves a lead along its table, or INVALID_TRANSITION. */
export function transitionLead(from: LeadStatus, to: LeadStatus): Result<LeadStatus, 'INVALID_TRANSITION'> {
  return LEAD_TRANSITIONS[from].includes(to) ? ok(to) : refuse('INVALID_TRANSITION', `A ${from} lead cannot become ${to}.`);
}

export interface LeadFacts {
  status: LeadStatus;
  name: string;
  company?: string | null;
  email?: string | null;
  phone?: string | null;
  ownerId: string;
}

export interface ConversionPlan {
  customer: { name: string; email: string | null; phone: string | null; ownerId: string };
  contact: { firstName: string; lastName: string; email: string | null; phone: string | null };
  opportunity: { name: string; amount: DecimalLike; stage: 'PROSPECTING' | 'QUALIFICATION'; ownerId: string } | null;
}

/**
 * Converting a lead yields a customer (named after its company, else the
 * person), a contact for the person and, when asked, an opportunity. A
 * converted or disqualified lead cannot convert.
 */
export function planLeadConversion(lead: LeadFacts, opportunity?: { name?: string | null; amount: DecimalLike } | null): Result<ConversionPlan, 'INVALID_TRANSITION'> {
  const move = transitionLead(lead.status, 'CONVERTED');
  if (!move.ok) return move;
  const [firstName, ...rest] = lead.name.trim().split(/\s+/);
  const company = lead.company?.trim() || lead.name.trim();
  return ok({
    customer: { name: company, email: lead.email ?? null, phone: lead.phone ?? null, ownerId: lead.ownerId },
    contact: { firstName, lastName: rest.join(' ') || '-', email: lead.email ?? null, phone: lead.phone ?? null },
    opportunity: opportunity
      ? { name: opportunity.name?.trim() || `${company} opportunity`, amount: opportunity.amount, stage: lead.status === 'QUALIFIED' ? 'QUALIFICATION' : 'PROSPECTING', ownerId: lead.ownerId }
      : null,
  });
}
