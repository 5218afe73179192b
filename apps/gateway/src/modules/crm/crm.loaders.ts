import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { customerScopeSql, groupBy, query } from '../../db/sql';
import type { Viewer } from '../../auth/viewer';
import type { RecentPage } from '../orders/order.loaders';
import { OPPORTUNITY_COLUMNS, toOpportunity, type OpportunityRow } from './opportunity.rows';
import { TICKET_COLUMNS, toTicket, UNRESOLVED_TICKET_STATUSES, type TicketRow } from './ticket.rows';
import type { ActivityType, OpportunityType, TicketType } from './crm.type';

/** Per-request loaders for the CRM data Customer360 shows; one statement per batch. */
export function createCrmLoaders(em: EntityManager, viewer: Viewer | null) {
  const scope = (column: string) => (viewer ? customerScopeSql(viewer, column) : { sql: 'false', params: [] });
  const opportunities = new Map<number, DataLoader<string, RecentPage<OpportunityType>>>();
  const activities = new Map<number, DataLoader<string, RecentPage<ActivityType>>>();

  function windowed<T, R extends { customer_id: string }>(
    cache: Map<number, DataLoader<string, RecentPage<T>>>,
    limit: number,
    sql: (scopeSql: string) => string,
    map: (r: R) => T,
  ): DataLoader<string, RecentPage<T>> {
    let loader = cache.get(limit);
    if (!loader) {
      loader = new DataLoader(async (customerIds) => {
        const s = scope('customer_id');
        const rows = await query<R>(em, sql(s.sql), [[...customerIds], ...s.params, limit + 1]);
        return groupBy(customerIds, rows, (r) => r.customer_id).map((g) => ({ rows: g.slice(0, limit).map(map), hasMore: g.length > limit }));
      });
      cache.set(limit, loader);
    }
    return loader;
  }

  return {
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
