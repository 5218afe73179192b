import type { EntityManager } from '@mikro-orm/postgresql';
import { requireViewer, timelineReaders } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { customerScopeSql, query } from '../../db/sql';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, toConnection, type ConnectionValue } from '../../graphql/connection';
import { badUserInput } from '../../graphql/errors';
import { isUuid } from '../../graphql/ids';
import type { TimelineEntryType } from './crm.type';
import { TIMELINE_COLUMNS, toTimelineEntry, type TimelineRow } from './timeline.rows';

/** PostgreSQL's text form of a timestamptz, as the cursor carries it. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

/** A timeline line's cursor: when it happened (to the microsecond) and its id. */
export const timelineCursor = (t: TimelineEntryType): string => encodeCursor(t.sortKey, t.id);

/**
 * The pages of a customer's timeline after the first (which a loader reads for
 * a whole batch of customers): newest first by (occurredAt, id), inside the
 * customers the viewer reads, and only the lines its role may read.
 */
export class TimelineQueryService {
  async pageAfter(em: EntityManager, viewer: Viewer | null, customerId: string, first: number, after: string): Promise<ConnectionValue<TimelineEntryType>> {
    const v = requireViewer(viewer);
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}`, ['first']);
    const cursor = decodeCursor(after);
    if (!TIMESTAMP.test(cursor.key) || !isUuid(cursor.id)) throw badUserInput('after is not a cursor this API returned', ['after']);
    const scope = customerScopeSql(v, 't.customer_id');
    const readers = timelineReaders(v);
    const rows = await query<TimelineRow>(
      em,
      `select ${TIMELINE_COLUMNS} from timeline_entries t
        where t.customer_id = ? and ${scope.sql} and t.readers in (?) and (t.occurred_at, t.id) < (?::timestamptz, ?::uuid)
        order by t.occurred_at desc, t.id desc limit ?`,
      [customerId, ...scope.params, readers, cursor.key, cursor.id, first + 1],
    );
    return toConnection(
      rows,
      first,
      (r) => encodeCursor(r.sort_at, r.id),
      toTimelineEntry,
      () => Promise.reject(new Error('totalCount is not offered on the timeline')),
    );
  }
}
