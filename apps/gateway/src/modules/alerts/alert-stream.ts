import { Repeater } from '@graphql-yoga/subscription';
import type { EntityManager } from '@mikro-orm/postgresql';
import { canViewerSeeAlert, type AlertRole } from '@tandem/domain';
import type { Viewer } from '../../auth/viewer';
import { query } from '../../db/sql';
import type { PushSource, Ready } from '../../graphql/shared-subscription';
import type { AlertHub } from './alert-hub';
import { ALERT_WITH_SUBJECTS, alertVisibilitySql, type AlertRow } from './alert.rows';

/** How many backlog alerts are read (and handed on) at a time during an `after` replay. */
const REPLAY_PAGE = 500;

/**
 * A viewer's alert stream. With `after`: every later alert it may see, oldest
 * first, then live ones, with no gap and no duplicate at the seam (the live
 * feed is buffered while the backlog is read, and anything at or below the
 * last delivered id is dropped). Without `after`: live only.
 *
 * It can be iterated (a Repeater), or `listen`ed to: then each alert is handed
 * to the listener straight from the hub's fan-out, with no queue or promise
 * per alert (graphql/shared-subscription.ts does so for graphql-ws).
 */
export function alertStream(hub: AlertHub, em: EntityManager, viewer: Viewer, kinds: string[] | null, after: string | null): PushSource<AlertRow> {
  const listen = (next: (rows: readonly AlertRow[]) => void | Promise<void>, fail: (err: unknown) => void, ready?: Ready) => openAlertFeed(hub, em, viewer, kinds, after, next, fail, ready);
  return {
    listen,
    [Symbol.asyncIterator]: () =>
      new Repeater<AlertRow>(async (push, stop) => {
        const close = listen((rows) => rows.forEach((row) => void push(row)), stop);
        await stop;
        close();
      })[Symbol.asyncIterator](),
  };
}

/** Starts the feed; returns the function that ends it. `ready`, when given, is awaited between backlog pages (the consumer's back-pressure). */
function openAlertFeed(
  hub: AlertHub,
  em: EntityManager,
  viewer: Viewer,
  kinds: string[] | null,
  after: string | null,
  next: (rows: readonly AlertRow[]) => void | Promise<void>,
  fail: (err: unknown) => void,
  ready?: Ready,
): () => void {
  const wanted = (row: AlertRow) =>
    (!kinds?.length || kinds.includes(row.kind)) &&
    // The customer row is read with the alert, as it is now: its current owner hears it.
    canViewerSeeAlert({ id: viewer.id, role: viewer.role }, { roles: row.audience_roles as AlertRole[], userIds: row.audience_user_ids }, row.customer?.owner_id ?? null);

  let closed = false;
  let cursor = after === null ? BigInt(hub.lastSeenId()) : BigInt(after);
  let replaying = after !== null;
  const buffered: AlertRow[] = [];
  /** Hands on those of `rows` above the cursor that the viewer may see, in one call. */
  const deliver = (rows: readonly AlertRow[]): void | Promise<void> => {
    if (closed) return;
    const seen: AlertRow[] = [];
    for (const row of rows) {
      const id = BigInt(row.id);
      if (id <= cursor) continue;
      cursor = id;
      if (wanted(row)) seen.push(row);
    }
    if (seen.length) return next(seen);
  };
  const unsubscribe = hub.subscribe((rows) => {
    if (replaying) buffered.push(...rows);
    else return deliver(rows);
  });
  const close = () => {
    closed = true;
    unsubscribe();
  };
  if (replaying) {
    void (async () => {
      try {
        const v = alertVisibilitySql(viewer);
        const kindSql = kinds?.length ? { sql: ' and a.kind in (?)', params: [kinds] } : { sql: '', params: [] };
        for (;;) {
          const rows = await query<AlertRow>(em, `select ${ALERT_WITH_SUBJECTS} from alerts a where a.id > ?::bigint and ${v.sql}${kindSql.sql} order by a.id limit ${REPLAY_PAGE}`, [
            cursor.toString(),
            ...v.params,
            ...kindSql.params,
          ]);
          await deliver(rows);
          if (rows.length < REPLAY_PAGE || closed) break;
          // A long backlog goes no faster than the consumer takes it.
          await ready?.();
        }
        replaying = false;
        // What the hub buffers while this awaits is delivered in the same pass.
        while (buffered.length) await deliver(buffered.splice(0));
      } catch (err) {
        if (!closed) {
          close();
          fail(err);
        }
      }
    })();
  }
  return close;
}
