import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { customerScopeSql, groupBy, query } from '../../db/sql';
import type { Viewer } from '../../auth/viewer';
import type { RecentPage } from '../orders/order.loaders';
import { OPPORTUNITY_COLUMNS, toOpportunity, type OpportunityRow } from './opportunity.rows';
import { TICKET_COLUMNS, toTicket, UNRESOLVED_TICKET_STATUSES, type TicketRow } from './ticket.rows';
import { timelineReaders } from '../../auth/policy';
import type { ActivityType, CampaignType, OpportunityType, QuoteLineType, TicketType, TimelineEntryType } from './crm.type';
import { toQuoteLine, type QuoteLineRow } from './quote.rows';
import { TIMELINE_COLUMNS, toTimelineEntry, type TimelineRow } from './timeline.rows';
import { CAMPAIGN_COLUMNS, toCampaign, type CampaignRow } from './lead.rows';

/** Per-request loaders for the CRM data Customer360 shows; one statement per batch. */
export function createCrmLoaders(em: EntityManager, viewer: Viewer | null) {
  const scope = (column: string) => (viewer ? customerScopeSql(viewer, column) : { sql: 'false', params: [] });
  const opportunities = new Map<number, DataLoader<string, RecentPage<OpportunityType>>>();
  const activities = new Map<number, DataLoader<string, RecentPage<ActivityType>>>();
  const timelines = new Map<number, DataLoader<string, RecentPage<TimelineEntryType>>>();
  const readers: string[] = viewer ? timelineReaders(viewer) : ['NONE'];

  function windowed<T, R extends { customer_id: string }>(
    cache: Map<number, DataLoader<string, RecentPage<T>>>,
    limit: number,
    sql: (scopeSql: string) => string,
    map: (r: R) => T,
    extraParams: unknown[] = [],
  ): DataLoader<string, RecentPage<T>> {
    let loader = cache.get(limit);
    if (!loader) {
      loader = new DataLoader(async (customerIds) => {
        const s = scope('customer_id');
        const rows = await query<R>(em, sql(s.sql), [[...customerIds], ...s.params, ...extraParams, limit + 1]);
        return groupBy(customerIds, rows, (r) => r.customer_id).map((g) => ({ rows: g.slice(0, limit).map(map), hasMore: g.length > limit }));
      });
      cache.set(limit, loader);
    }
    return loader;
  }

  return {
    /** Campaigns are not secret to whoever may read the lead that names one. */
    campaign: new DataLoader<string, CampaignType | null>(async (ids) => {
      const rows = await query<CampaignRow>(em, `select ${CAMPAIGN_COLUMNS} from campaigns c where c.id in (?)`, [[...ids]]);
      const byId = new Map(rows.map((r) => [r.id, toCampaign(r)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    /** A deal by id; null when there is none or the viewer may not read its customer. */
    opportunity: new DataLoader<string, OpportunityType | null>(async (ids) => {
      const s = scope('o.customer_id');
      const rows = await query<OpportunityRow>(em, `select ${OPPORTUNITY_COLUMNS} from opportunities o where o.id in (?) and ${s.sql}`, [[...ids], ...s.params]);
      const byId = new Map(rows.map((r) => [r.id, toOpportunity(r)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    /** The lines of each quote (reached only through a quote the viewer may read). */
    quoteLinesByQuote: new DataLoader<string, QuoteLineType[]>(async (quoteIds) => {
      const rows = await query<QuoteLineRow>(
        em,
        `select id, quote_id, product_id, quantity, unit_price, discount_percent, line_net from quote_lines where quote_id in (?) order by quote_id, line_no`,
        [[...quoteIds]],
      );
      return groupBy(quoteIds, rows, (r) => r.quote_id).map((g) => g.map(toQuoteLine));
    }),

    /** The first page of each customer's timeline, newest first, in one statement for the whole batch. */
    timelineByCustomer: (limit: number) =>
      windowed<TimelineEntryType, TimelineRow>(
        timelines,
        limit,
        (s) => `select * from (
                  select ${TIMELINE_COLUMNS},
                         row_number() over (partition by t.customer_id order by t.occurred_at desc, t.id desc) as rn
                    from timeline_entries t where t.customer_id in (?) and ${s} and t.readers in (${readers.map(() => '?').join(', ')})) x where x.rn <= ?`,
        toTimelineEntry,
        readers,
      ),

    openTicketsByCustomer: new DataLoader<string, TicketType[]>(async (customerIds) => {
      const s = scope('customer_id');
      const rows = await query<TicketRow>(
        em,
        `select ${TICKET_COLUMNS} from tickets t
          where t.customer_id in (?) and t.status in (?) and ${s.sql} order by t.sla_due_at, t.id`,
        [[...customerIds], UNRESOLVED_TICKET_STATUSES, ...s.params],
      );
      const now = new Date();
      return groupBy(
        customerIds,
        rows.map((r) => toTicket(r, now)),
        (t) => t.customerId,
      );
    }),

    opportunitiesByCustomer: (limit: number) =>
      windowed<OpportunityType, OpportunityRow>(
        opportunities,
        limit,
        (s) => `select * from (
                  select ${OPPORTUNITY_COLUMNS},
                         row_number() over (partition by o.customer_id order by o.expected_close_date nulls last, o.created_at desc, o.id) as rn
                    from opportunities o where o.customer_id in (?) and ${s}) x where x.rn <= ?`,
        toOpportunity,
      ),

    activitiesByCustomer: (limit: number) =>
      windowed<ActivityType, { id: string; customer_id: string; contact_id: string | null; kind: ActivityType['kind']; subject: string; occurred_at: Date }>(
        activities,
        limit,
        (s) => `select * from (
                  select id, customer_id, contact_id, kind, subject, occurred_at,
                         row_number() over (partition by customer_id order by occurred_at desc, id) as rn
                    from activities where customer_id in (?) and ${s}) x where x.rn <= ?`,
        (r) => ({ id: r.id, customerId: r.customer_id, contactId: r.contact_id, kind: r.kind, subject: r.subject, occurredAt: new Date(r.occurred_at) }),
      ),

    /** Paid revenue per customer: the sum of what its invoices have been paid. */
    lifetimeValueByCustomer: new DataLoader<string, string>(async (customerIds) => {
      const s = scope('customer_id');
      const rows = await query<{ customer_id: string; paid: string }>(
        em,
        `select customer_id, sum(amount_paid)::text as paid from invoices where customer_id in (?) and ${s.sql} group by customer_id`,
        [[...customerIds], ...s.params],
      );
      const byId = new Map(rows.map((r) => [r.customer_id, r.paid]));
      return customerIds.map((id) => byId.get(id) ?? '0.00');
    }),
  };
}
