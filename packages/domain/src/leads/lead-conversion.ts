import { money, type DecimalLike } from '../money/decimal';
import { ok, refuse, type Result } from '../money/result';
import type { PipelineStage } from '../pipeline/pipeline-stages';
import { transitionLead, type LeadStatus } from './lead-lifecycle';

export interface LeadToConvert {
  status: LeadStatus;
  /** the person's full name */
  name: string;
  company?: string | null;
  email?: string | null;
  phone?: string | null;
  ownerId: string;
}

export interface LeadConversionPlan {
  status: 'CONVERTED';
  customer: { name: string; email: string | null; phone: string | null; ownerId: string };
  contact: { firstName: string; lastName: string; email: string | null; phone: string | null };
  opportunity: { name: string; amount: string; stage: Extract<PipelineStage, 'PROSPECTING' | 'QUALIFICATION'>; ownerId: string } | null;
}

const MONEY = /^(0|[1-9]\d*)(\.\d{1,2})?$/;

/**
 * Converting a lead yields, as plain data, a customer (named after the
 * company, else the person) owned by the lead's owner, a contact for the person
 * (first word first name, the rest last name) and, when asked, an opportunity
 * (in QUALIFICATION for a qualified lead, else PROSPECTING). A converted or
 * disqualified lead cannot convert (INVALID_TRANSITION); an opportunity amount
 * must be money not below zero (BAD_USER_INPUT on `opportunity.amount`). A lead
 * without a name is a broken invariant and throws.
 */
export function planLeadConversion(lead: LeadToConvert, opportunity?: { name?: string | null; amount: DecimalLike } | null): Result<LeadConversionPlan, 'INVALID_TRANSITION' | 'BAD_USER_INPUT'> {
  const move = transitionLead(lead.status, 'CONVERTED');
  if (!move.ok) return move;
  const words = lead.name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) throw new Error('a lead has no name');
  const person = words.join(' ');
  const company = lead.company?.trim() || person;
  const clean = (s?: string | null) => s?.trim() || null;
  let planned: LeadConversionPlan['opportunity'] = null;
  if (opportunity) {
    const amount = typeof opportunity.amount === 'string' ? opportunity.amount.trim() : money(opportunity.amount).toString();
    if (!MONEY.test(amount)) return refuse('BAD_USER_INPUT', 'The opportunity amount must be money, 0 or more, with at most 2 decimals.', ['opportunity', 'amount']);
    planned = {
      name: opportunity.name?.trim() || `${company} opportunity`,
      amount: money(amount).toFixed(2),
      stage: lead.status === 'QUALIFIED' ? 'QUALIFICATION' : 'PROSPECTING',
      ownerId: lead.ownerId,
    };
  }
  return ok({
    status: 'CONVERTED',
    customer: { name: company, email: clean(lead.email), phone: clean(lead.phone), ownerId: lead.ownerId },
    contact: { firstName: words[0], lastName: words.slice(1).join(' '), email: clean(lead.email), phone: clean(lead.phone) },
    opportunity: planned,
  });
}
