import type { EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { assertMayReadQuotes, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { customerScopeSql, query, todayUtc } from '../../db/sql';
import type { ConnectionValue } from '../../graphql/connection';
import { isUuid } from '../../graphql/ids';
import { datedConnection, type DateKeyset, type Sql } from '../../graphql/keyset';
import type { QuoteType } from './crm.type';
import type { QuoteStatus } from './quote.entity';
import { QUOTE_COLUMNS, toQuote, type QuoteRow } from './quote.rows';

const NEWEST_FIRST: DateKeyset = { date: 'q.created_at::date', tie: 'q.id', tieIsUuid: true, descending: true };

/** Reads of quotes inside the viewer's customers (a rep: its own customers'); SUPPORT and WAREHOUSE are FORBIDDEN. */
export class QuoteQueryService {
  private scope(v: Viewer): Sql {
    assertMayReadQuotes(v);
    return customerScopeSql(v, 'q.customer_id');
  }

  async quotes(em: EntityManager, viewer: Viewer | null, args: { first: number; after?: string | null; status?: QuoteStatus[] | null }): Promise<ConnectionValue<QuoteType>> {
    const v = requireViewer(viewer);
    const today = todayUtc();
    const where = [this.scope(v)];
    if (args.status?.length) {
      // Filter on the status as shown (as of today), not as stored, so the list agrees with each quote's own status.
      where.push({ sql: `(case when q.valid_until < ?::date and q.status in (?) then 'EXPIRED' else q.status::text end) in (?)`, params: [today, domain.EXPIRABLE_QUOTE_STATUSES, args.status] });
    }
    return datedConnection<QuoteRow & { sort_date: string; sort_tie: string }, QuoteType>(em, {
      select: QUOTE_COLUMNS,
      from: 'quotes q',
      where,
      keyset: NEWEST_FIRST,
      first: args.first,
      after: args.after,
      node: (r) => toQuote(r, today),
    });
  }

  /** One quote; null when there is none or the viewer may not read its customer. */
  async quote(em: EntityManager, viewer: Viewer | null, id: string): Promise<QuoteType | null> {
    const v = requireViewer(viewer);
    const scope = this.scope(v);
    if (!isUuid(id)) return null;
    const [row] = await query<QuoteRow>(em, `select ${QUOTE_COLUMNS} from quotes q where q.id = ? and ${scope.sql}`, [id, ...scope.params]);
    return row ? toQuote(row, todayUtc()) : null;
  }
}
