import type { EntityManager } from '@mikro-orm/postgresql';
import type { Refusal } from '@tandem/domain';
import type { Viewer } from '../auth/viewer';
import { dispatchEvents, dispatchOnItsOwn } from '../events/event-dispatcher';
import { EventLog } from '../events/event-log';
import { Refused, userError, UserErrorCode, type UserError } from '../graphql/user-error.type';
import { Counter } from 'prom-client';
import { setTimeout as sleep } from 'node:timers/promises';
import { periodClosedByDatabase, transientConflict } from './database-faults';
import { transactional } from './transactional';

/** Deadlocks and serialization failures that a write met and ran again for (served at /metrics by every instance's registry). */
export const transactionRetries = new Counter({
  name: 'tandem_transaction_retries_total',
  help: 'Write transactions run again after a deadlock (40P01) or serialization failure (40001).',
  labelNames: ['sqlstate'] as const,
  registers: [],
});

let maxAttempts = 5;

/** TX_MAX_ATTEMPTS: how many times one write runs before a transient conflict reaches the client (as DATABASE_BUSY). */
export function configureTransactions(options: { maxAttempts: number }): void {
  maxAttempts = options.maxAttempts;
}

/** 5–25 ms, then 10–50, 20–100…: spread out, so the writers that collided do not collide again. */
const backoff = (attempt: number) => Math.round((5 + Math.random() * 20) * 2 ** (attempt - 1));

/**
 * What every write service returns: the written value, or the refusals with
 * nothing written (and, when the payload shows something even then, `details`).
 */
export type MutationResult<T, D = undefined> = { ok: true; value: T } | { ok: false; userErrors: UserError[]; details?: D };

/**
 * Runs one write use case in one transaction. The work states what happened
 * as business events; they are dispatched to their consumers (alerts, ...)
 * inside the same transaction, just before commit. A `Refused` thrown inside (a
 * business rule said no) rolls everything back and becomes `userErrors`; the
 * refused attempts it recorded are then dispatched on their own (one
 * statement, or a transaction of their own: dispatchOnItsOwn). A deadlock or serialization failure runs the whole work again (up to
 * TX_MAX_ATTEMPTS, with jittered backoff); after the last attempt it reaches
 * the client as DATABASE_BUSY. Anything else propagates and is masked for the client.
 */
export async function inTransaction<T, D = undefined>(em: EntityManager, viewer: Viewer | null, work: (tx: EntityManager, events: EventLog) => Promise<T>): Promise<MutationResult<T, D>> {
  for (let attempt = 1; ; attempt++) {
    // Each attempt starts clean: its events, and a transaction that reads everything again.
    const events = new EventLog(viewer?.id ?? null);
    try {
      const value = await transactional(em, async (tx) => {
        const value = await work(tx, events);
        await dispatchEvents(tx, events.events);
        return value;
      });
      return { ok: true, value };
    } catch (err) {
      const conflict = transientConflict(err);
      if (conflict && attempt < maxAttempts) {
        transactionRetries.inc({ sqlstate: conflict });
        await sleep(backoff(attempt));
        continue;
      }
      const closed = periodClosedByDatabase(err);
      if (closed) return { ok: false, userErrors: [userError(UserErrorCode.PERIOD_CLOSED, closed)] };
      if (!(err instanceof Refused)) throw err;
      if (events.refusals.length) await dispatchOnItsOwn(em.fork(), events.refusals);
      return { ok: false, userErrors: [err.toUserError()], ...(err.details === undefined ? {} : { details: err.details as D }) };
    }
  }
}

/** Throws a refusal for a domain `Result` that said no, prefixing its field with the input path. */
export function refusedFromDomain<D = undefined>(r: Refusal, prefix: string[] = ['input'], details?: D): Refused<D> {
  return new Refused(r.code, r.message, r.field ? [...prefix, ...r.field] : undefined, details);
}

/** A refusal decided before any write (role, validation). */
export function refused<T, D = undefined>(code: UserErrorCode, message: string, field?: string[]): MutationResult<T, D> {
  return { ok: false, userErrors: [userError(code, message, field)] };
}

/** Refusals found before any write (input validation), as a result. */
export function refusedWith<T, D = undefined>(userErrors: UserError[]): MutationResult<T, D> {
  return { ok: false, userErrors };
}
