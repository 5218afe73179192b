import type { EntityManager } from '@mikro-orm/postgresql';
import { assertMayReadCustomers, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { customerScopeSql, query } from '../../db/sql';
import type { ConnectionValue } from '../../graphql/connection';
import { isUuid } from '../../graphql/ids';
import { datedConnection, type DateKeyset, type Sql } from '../../graphql/keyset';
import type { TicketType } from './crm.type';
import type { TicketStatus } from './ticket.entity';
import { TICKET_COLUMNS, toTicket, UNRESOLVED_TICKET_STATUSES, type TicketRow } from './ticket.rows';

/** Newest first by the day it was opened, then by id. */
const NEWEST_FIRST: DateKeyset = { date: 't.created_at::date', tie: 't.id', tieIsUuid: true, descending: true };

/** Reads of tickets: everyone who reads customers, inside the customers it may read. */
export class TicketQueryService {
  async tickets(
    em: EntityManager,
    viewer: Viewer | null,
    args: { first: number; after?: string | null; status?: TicketStatus[] | null; breached?: boolean | null },
  ): Promise<ConnectionValue<TicketType>> {
    const v = requireViewer(viewer);
    assertMayReadCustomers(v);
    const where: Sql[] = [customerScopeSql(v, 't.customer_id')];
    if (args.status?.length) where.push({ sql: 't.status in (?)', params: [args.status] });
    // The domain's rule in SQL: still unresolved and past its deadline now.
    const breached = { sql: 't.status in (?) and t.sla_due_at < now()', params: [UNRESOLVED_TICKET_STATUSES] };
    if (args.breached === true) where.push(breached);
    if (args.breached === false) where.push({ sql: `not (${breached.sql})`, params: breached.params });
    const now = new Date();
    return datedConnection<TicketRow & { sort_date: string; sort_tie: string }, TicketType>(em, {
      select: TICKET_COLUMNS,
      from: 'tickets t',
      where,
      keyset: NEWEST_FIRST,
      first: args.first,
      after: args.after,
      node: (r) => toTicket(r, now),
    });
  }

  /** One ticket; null when there is none or its customer is not one the viewer may read. */
  async ticket(em: EntityManager, viewer: Viewer | null, id: string): Promise<TicketType | null> {
    const v = requireViewer(viewer);
    assertMayReadCustomers(v);
    if (!isUuid(id)) return null;
    const scope = customerScopeSql(v, 't.customer_id');
    const [row] = await query<TicketRow>(em, `select ${TICKET_COLUMNS} from tickets t where t.id = ? and ${scope.sql}`, [id, ...scope.params]);
    return row ? toTicket(row) : null;
  }
}
