import type { EntityManager } from '@mikro-orm/postgresql';
import { errorChain } from './database-faults';

/**
 * One transaction on a fork of `em`: BEGIN, the work, flush and COMMIT, or
 * ROLLBACK and the error. Every transaction here starts through this.
 *
 * - It demarcates the transaction itself (em.begin / commit / rollback)
 *   rather than through em.transactional, which runs its callback inside an
 *   AsyncLocalStorage: the first run switches on Node's promise hooks for
 *   the whole process, and every promise of every request paid for them
 *   (about 4 % of a dashboard page's CPU). The work gets the transaction's
 *   EntityManager as its argument, as everywhere here, so nothing needs it
 *   found from the async context; and nothing reads the parent's identity
 *   map after a write (services read rows with SQL), so the fork's entities
 *   are not merged back into it.
 * - It reports what really failed when BEGIN did. knex swallows a failed
 *   BEGIN (say, on a pooled connection the server dropped while it sat
 *   idle), hands the transaction out anyway, and every statement in it then
 *   fails with "Transaction query already complete", which hides a lost
 *   database behind what looks like a bug (INTERNAL_SERVER_ERROR). The
 *   transaction's execution promise holds the error BEGIN met: that is
 *   thrown instead, so the client gets DATABASE_UNAVAILABLE.
 */
export async function transactional<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  const tx = em.fork({ clear: false, cloneEventManager: true });
  await tx.begin();
  const begun = tx.getTransactionContext<{ executionPromise?: Promise<unknown> }>();
  try {
    const value = await work(tx);
    await tx.commit(); // flushes, then COMMIT
    return value;
  } catch (err) {
    // Still open unless COMMIT went through (a failed flush or COMMIT leaves it open, as a failed statement does).
    if (tx.isInTransaction()) await tx.rollback();
    const completed = [...errorChain(err)].some((e) => typeof e.message === 'string' && e.message.startsWith('Transaction query already complete'));
    // Settled by now, or as soon as the COMMIT or ROLLBACK in flight ends: knex marks a transaction complete when one is sent or a statement fails.
    const cause =
      completed && begun?.executionPromise
        ? await begun.executionPromise.then(
            () => undefined,
            (e: unknown) => e,
          )
        : undefined;
    throw cause ?? err;
  }
}
