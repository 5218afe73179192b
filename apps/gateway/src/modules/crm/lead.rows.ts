import type { CampaignType, LeadType } from './crm.type';

/** A lead as SQL returns it. */
export interface LeadRow {
  id: string;
  name: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  source: string | null;
  status: LeadType['status'];
  owner_id: string;
  campaign_id: string | null;
  converted_customer_id: string | null;
  converted_at: Date | string | null;
  created_at: Date | string;
}

export const LEAD_COLUMNS = `l.id, l.name, l.company, l.email, l.phone, l.source, l.status, l.owner_id, l.campaign_id, l.converted_customer_id, l.converted_at, l.created_at`;

export function toLead(r: LeadRow): LeadType {
  return {
    id: r.id,
    name: r.name,
    company: r.company,
    email: r.email,
    phone: r.phone,
    source: r.source,
    status: r.status,
    ownerId: r.owner_id,
    campaignId: r.campaign_id,
    convertedCustomerId: r.converted_customer_id,
    convertedAt: r.converted_at ? new Date(r.converted_at) : null,
    createdAt: new Date(r.created_at),
  };
}

export interface CampaignRow {
  id: string;
  name: string;
  channel: string;
  cost: string;
  start_date: string;
}

export const CAMPAIGN_COLUMNS = `c.id, c.name, c.channel, c.cost, c.start_date::text as start_date`;

export const toCampaign = (r: CampaignRow): CampaignType => ({ id: r.id, name: r.name, channel: r.channel, cost: r.cost, startDate: r.start_date });
