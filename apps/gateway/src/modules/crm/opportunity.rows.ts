import { stageProbabilityPercent } from './opportunity-view';
import type { OpportunityType } from './crm.type';
import type { Opportunity } from './opportunity.entity';

/** An opportunity as SQL returns it: dates as text, money as numeric text. */
export interface OpportunityRow {
  id: string;
  customer_id: string;
  owner_id: string;
  name: string;
  stage: OpportunityType['stage'];
  amount: string;
  expected_close_date: string | null;
  closed_at: Date | string | null;
  lost_reason: string | null;
}

export const OPPORTUNITY_COLUMNS = `o.id, o.customer_id, o.owner_id, o.name, o.stage, o.amount, o.expected_close_date::text as expected_close_date, o.closed_at, o.lost_reason`;

export function toOpportunity(r: OpportunityRow): OpportunityType {
  return {
    id: r.id,
    customerId: r.customer_id,
    ownerId: r.owner_id,
    name: r.name,
    stage: r.stage,
    amount: r.amount,
    probability: stageProbabilityPercent(r.stage),
    expectedCloseDate: r.expected_close_date,
    closedAt: r.closed_at ? new Date(r.closed_at) : null,
    lostReason: r.lost_reason,
  };
}

/** An opportunity entity (just written) as the graph shows it. */
export const opportunityOf = (o: Opportunity): OpportunityType =>
  toOpportunity({
    id: o.id,
    customer_id: o.customer.id,
    owner_id: o.owner.id,
    name: o.name,
    stage: o.stage,
    amount: o.amount,
    expected_close_date: o.expectedCloseDate ?? null,
    closed_at: o.closedAt ?? null,
    lost_reason: o.lostReason ?? null,
  });
