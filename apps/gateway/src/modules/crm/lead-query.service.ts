import type { EntityManager } from '@mikro-orm/postgresql';
import { assertMayReadLeads, requireViewer } from '../../auth/policy';
import { Role, type Viewer } from '../../auth/viewer';
import { query } from '../../db/sql';
import type { ConnectionValue } from '../../graphql/connection';
import { isUuid } from '../../graphql/ids';
import { datedConnection, type DateKeyset, type Sql } from '../../graphql/keyset';
import type { LeadType } from './crm.type';
import type { LeadStatus } from './lead.entity';
import { LEAD_COLUMNS, toLead, type LeadRow } from './lead.rows';

const NEWEST_FIRST: DateKeyset = { date: 'l.created_at::date', tie: 'l.id', tieIsUuid: true, descending: true };

/** Reads of leads: a rep sees its own, a manager or admin all; other roles are FORBIDDEN. */
export class LeadQueryService {
  private scope(v: Viewer): Sql {
    assertMayReadLeads(v);
    return v.role === Role.SALES_REP ? { sql: 'l.owner_id = ?', params: [v.id] } : { sql: 'true', params: [] };
  }

  async leads(em: EntityManager, viewer: Viewer | null, args: { first: number; after?: string | null; status?: LeadStatus[] | null }): Promise<ConnectionValue<LeadType>> {
    const v = requireViewer(viewer);
    const where = [this.scope(v)];
    if (args.status?.length) where.push({ sql: 'l.status in (?)', params: [args.status] });
    return datedConnection<LeadRow & { sort_date: string; sort_tie: string }, LeadType>(em, {
      select: LEAD_COLUMNS,
      from: 'leads l',
      where,
      keyset: NEWEST_FIRST,
      first: args.first,
      after: args.after,
      node: toLead,
    });
  }

  /** One lead; null when there is none or it is another rep's. */
  async lead(em: EntityManager, viewer: Viewer | null, id: string): Promise<LeadType | null> {
    const v = requireViewer(viewer);
    const scope = this.scope(v);
    if (!isUuid(id)) return null;
    const [row] = await query<LeadRow>(em, `select ${LEAD_COLUMNS} from leads l where l.id = ? and ${scope.sql}`, [id, ...scope.params]);
    return row ? toLead(row) : null;
  }
}
