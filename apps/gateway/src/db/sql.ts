import type { EntityManager } from '@mikro-orm/postgresql';
import { customerScope } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import { batchedRead } from './read-batch';

/**
 * One parameterised statement through the EntityManager (knex `?` bindings;
 * arrays expand). Inside `em.transactional` it runs on that transaction's
 * connection, so it sees the transaction's locks and writes. Outside one, a
 * SELECT shares its round trip with the request's other reads of the same
 * turn of the event loop (read-batch.ts).
 */
export async function query<T>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  return batchedRead<T>(em, sql, params) ?? em.execute<T[]>(sql, params as never[]);
}

/**
 * The SQL condition that limits `customerIdColumn` to the customers the viewer
 * may read. Every read path that returns customer data goes through this, so
 * lists, counts, nested fields and filters cannot leak another rep's customers.
 */
export function customerScopeSql(viewer: Viewer, customerIdColumn: string): { sql: string; params: unknown[] } {
  const scope = customerScope(viewer);
  if (scope.kind === 'all') return { sql: 'true', params: [] };
  if (scope.kind === 'none') return { sql: 'false', params: [] };
  return { sql: `${customerIdColumn} in (select id from customers where owner_id = ?)`, params: [scope.ownerId] };
}

/** A customer scope bound to a viewer, applied to any column holding a customer id. */
export type ScopeSql = (customerIdColumn: string) => { sql: string; params: unknown[] };

/** Groups rows by a key, keeping every key asked for (empty list when none). */
export function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const r of rows) map.get(keyOf(r))?.push(r);
  return keys.map((k) => map.get(k)!);
}

/** Today's date in UTC, YYYY-MM-DD. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
