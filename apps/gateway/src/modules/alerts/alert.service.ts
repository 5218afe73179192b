import type { EntityManager } from '@mikro-orm/postgresql';
import { requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { query } from '../../db/sql';
import { inTransaction, refused, type MutationResult } from '../../db/transaction';
import { encodeCursor, pageArgs, toConnection, type ConnectionValue } from '../../graphql/connection';
import { Refused, UserErrorCode } from '../../graphql/user-error.type';
import { isAlertId } from '../../graphql/ids';
import { alertOf } from './alert.mapper';
import { ALERT_COLUMNS, alertVisibilitySql, type AlertRow } from './alert.rows';
import type { AlertType } from './alert.type';

/** The alerts a viewer may see, newest first, and acknowledging them. */
export class AlertService {
  async alerts(em: EntityManager, viewer: Viewer | null, first: number, after: string | null | undefined, unacknowledged: boolean | null | undefined): Promise<ConnectionValue<AlertType>> {
    const v = requireViewer(viewer);
    const page = pageArgs(first, after);
    const vis = alertVisibilitySql(v);
    const filter = `${vis.sql}${unacknowledged ? ' and a.acknowledged_at is null' : unacknowledged === false ? ' and a.acknowledged_at is not null' : ''}`;
    const keyset = page.after ? { sql: ' and a.id < ?::bigint', params: [page.after.id] } : { sql: '', params: [] };
    const rows = await query<AlertRow>(em, `select ${ALERT_COLUMNS} from alerts a where ${filter}${keyset.sql} order by a.id desc limit ?`, [...vis.params, ...keyset.params, page.limit + 1]);
    return toConnection(
      rows,
      page.limit,
      (r) => encodeCursor('', String(r.id)),
      alertOf,
      async () => {
        const [{ n }] = await query<{ n: string }>(em, `select count(*) as n from alerts a where ${filter}`, vis.params);
        return Number(n);
      },
    );
  }

  /** How many alerts of each kind the viewer may see (unacknowledged only, when asked); kinds with none are left out. */
  async counts(em: EntityManager, viewer: Viewer | null, unacknowledged: boolean | null | undefined): Promise<{ kind: AlertType['kind']; count: number }[]> {
    const v = requireViewer(viewer);
    const vis = alertVisibilitySql(v);
    const filter = `${vis.sql}${unacknowledged ? ' and a.acknowledged_at is null' : unacknowledged === false ? ' and a.acknowledged_at is not null' : ''}`;
    const rows = await query<{ kind: AlertType['kind']; n: number }>(em, `select a.kind, count(*)::int as n from alerts a where ${filter} group by a.kind order by a.kind`, vis.params);
    return rows.map((r) => ({ kind: r.kind, count: r.n }));
  }

  /** Marks an alert read for everyone; only someone who may see it may do so. Idempotent. */
  async acknowledge(em: EntityManager, viewer: Viewer | null, id: string): Promise<MutationResult<AlertType>> {
    const v = requireViewer(viewer);
    if (!isAlertId(id)) return refused(UserErrorCode.NOT_FOUND, 'No such alert.', ['id']);
    return inTransaction(em, v, async (tx, events) => {
      const vis = alertVisibilitySql(v);
      const rows = await query<AlertRow & { acknowledged_now: boolean }>(
        tx,
        `update alerts a set acknowledged_at = coalesce(a.acknowledged_at, now()), acknowledged_by_id = coalesce(a.acknowledged_by_id, ?)
          where a.id = ?::bigint and ${vis.sql} returning ${ALERT_COLUMNS}, a.acknowledged_at = now() as acknowledged_now`,
        [v.id, id, ...vis.params],
      );
      if (!rows[0]) throw new Refused(UserErrorCode.NOT_FOUND, 'No such alert.', ['id']);
      // Acknowledging again changes nothing, so it states nothing (and leaves no audit line).
      if (rows[0].acknowledged_now) events.record({ type: 'AlertAcknowledged', alertId: id, kind: rows[0].kind });
      return alertOf(rows[0]);
    });
  }
}
