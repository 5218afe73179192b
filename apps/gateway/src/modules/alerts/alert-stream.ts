import { Repeater } from '@graphql-yoga/subscription';
import type { EntityManager } from '@mikro-orm/postgresql';
import { canViewerSeeAlert, type AlertRole } from '@tandem/domain';
import type { Viewer } from '../../auth/viewer';
import { query } from '../../db/sql';
import type { AlertHub } from './alert-hub';
import { ALERT_WITH_SUBJECTS, alertVisibilitySql, type AlertRow } from './alert.rows';

/**
 * A viewer's alert stream. With `after`: every later alert it may see, oldest
 * first, then live ones, with no gap and no duplicate at the seam (the live
 * feed is buffered while the backlog is read, and anything at or below the
 * last delivered id is dropped). Without `after`: live only.
 */
export function alertStream(hub: AlertHub, em: EntityManager, viewer: Viewer, kinds: string[] | null, after: string | null): AsyncIterable<AlertRow> {
  const wanted = (row: AlertRow) =>
    (!kinds?.length || kinds.includes(row.kind)) &&
    // The customer row is read with the alert, as it is now: its current owner hears it.
    canViewerSeeAlert({ id: viewer.id, role: viewer.role }, { roles: row.audience_roles as AlertRole[], userIds: row.audience_user_ids }, row.customer?.owner_id ?? null);

  return new Repeater<AlertRow>(async (push, stop) => {
    let cursor = after === null ? BigInt(hub.lastSeenId()) : BigInt(after);
    let replaying = after !== null;
    const buffered: AlertRow[] = [];
    const deliver = (row: AlertRow) => {
      const id = BigInt(row.id);
      if (id <= cursor) return;
      cursor = id;
      if (wanted(row)) void push(row);
    };
    const unsubscribe = hub.subscribe((row) => (replaying ? buffered.push(row) : deliver(row)));
    try {
      if (replaying) {
        const v = alertVisibilitySql(viewer);
        const kindSql = kinds?.length ? { sql: ' and a.kind in (?)', params: [kinds] } : { sql: '', params: [] };
        for (;;) {
          const rows = await query<AlertRow>(em, `select ${ALERT_WITH_SUBJECTS} from alerts a where a.id > ?::bigint and ${v.sql}${kindSql.sql} order by a.id limit 500`, [
            cursor.toString(),
            ...v.params,
            ...kindSql.params,
          ]);
          rows.forEach(deliver);
          if (rows.length < 500) break;
        }
        replaying = false;
        buffered.splice(0).forEach(deliver);
      }
    } catch (err) {
      unsubscribe();
      stop(err);
      return;
    }
    await stop;
    unsubscribe();
  });
}
