import type { EntityManager } from '@mikro-orm/postgresql';
import type { BusinessEvent } from '@tandem/domain';
import { query } from '../db/sql';
import { transactional } from '../db/transactional';
import { alertOutboxConsumer } from '../modules/alerts/alert-outbox.consumer';
import { timelineConsumer } from '../modules/crm/timeline.consumer';
import { auditConsumer } from '../modules/audit/audit.consumer';
import { ledgerConsumer } from '../modules/ledger/ledger.consumer';
import { userNoticeConsumer } from '../modules/users/user-notice.consumer';
import type { EventConsumer, Statement, StatementParts } from './event-consumer';

/**
 * Every consequence of a business event, in the order they run. Adding one
 * (timeline, audit, ledger) means writing a consumer and listing it here; no
 * service changes. The alerts outbox stays last: it takes the lock that
 * serialises alert ids until commit, which must come after every row lock.
 */
const consumers: EventConsumer[] = [userNoticeConsumer, timelineConsumer, auditConsumer, ledgerConsumer, alertOutboxConsumer];

/**
 * Adds a consumer ahead of the alert outbox; returns its removal. For a
 * consequence that is switched on at start, and for tests that watch the
 * events a write states.
 */
export function addEventConsumer(consumer: EventConsumer): () => void {
  consumers.splice(consumers.length - 1, 0, consumer);
  return () => {
    const i = consumers.indexOf(consumer);
    if (i >= 0) consumers.splice(i, 1);
  };
}

const deferred = new WeakMap<EntityManager, Statement[]>();

/**
 * A write's last statement, sent together with its consumers' appends in one
 * round trip (dispatchEvents) instead of on its own. Only for a change that
 * nothing later in the work reads (it is not written until dispatch), and that
 * does not touch the rows the appends write. Consumers with `consume` see it.
 */
export function deferWrite(tx: EntityManager, statement: Statement): void {
  const list = deferred.get(tx) ?? [];
  list.push(statement);
  deferred.set(tx, list);
}

/**
 * Several data-modifying statements as one: each an unreferenced CTE, which
 * PostgreSQL runs exactly once, all on one snapshot (none sees another's rows,
 * so none may read what another writes).
 */
function asOneStatement(statements: readonly Statement[]): Statement {
  if (statements.length === 1) return statements[0];
  return { sql: `with ${statements.map((s, i) => `w${i} as (${s.sql})`).join(', ')} select 1`, params: statements.flatMap((s) => s.params) };
}

/**
 * Hands the events to every consumer inside the caller's transaction (flushed
 * first, so consumers read the change): the write's deferred statements and
 * every consumer's appends in one statement, then each consumer that reads, in order.
 */
export async function dispatchEvents(tx: EntityManager, events: readonly BusinessEvent[]): Promise<void> {
  const writes = deferred.get(tx) ?? [];
  deferred.delete(tx);
  if (events.length === 0 && writes.length === 0) return;
  await tx.flush();
  const active = [...consumers];
  const appends = events.length ? active.map((c) => c.appends?.(events) ?? null).filter((s): s is Statement => s !== null) : [];
  if (writes.length + appends.length) {
    const one = asOneStatement([...writes, ...appends]);
    await query(tx, one.sql, one.params);
  }
  if (events.length === 0) return;
  for (const consumer of active) await consumer.consume?.(tx, events);
}

/**
 * Events dispatched on their own, after the write that stated them rolled
 * back (a refused attempt). When every consumer's work is appends and at most
 * one `alone` part (a credit refusal: its audit line, then the outbox lock, the
 * alert and its NOTIFY), all of it is one statement in autocommit: one
 * implicit transaction and one round trip, so the alert outbox lock, which
 * serialises every alert writer until commit, is held only while PostgreSQL
 * inserts and commits, not while a gateway busy with other requests gets round
 * to sending COMMIT. Otherwise it is an ordinary transaction.
 */
export async function dispatchOnItsOwn(em: EntityManager, events: readonly BusinessEvent[]): Promise<void> {
  if (events.length === 0) return;
  const active = [...consumers];
  let last: StatementParts | null = null;
  for (const c of active) {
    if (!c.consume) continue;
    const part = c.alone?.(em, events);
    if (part === undefined || (part && last)) return transactional(em.fork(), (tx) => dispatchEvents(tx, events));
    if (part) last = part;
  }
  const appends = active.map((c) => c.appends?.(events) ?? null).filter((s): s is Statement => s !== null);
  const ctes = [...appends.map((a, i) => `w${i} as (${a.sql})`), ...(last?.ctes ?? [])];
  if (ctes.length === 0) return;
  await query(em, `with ${ctes.join(', ')} ${last?.select ?? 'select 1'}`, [...appends.flatMap((a) => a.params), ...(last?.params ?? [])]);
}
