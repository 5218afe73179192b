import type { EntityManager } from '@mikro-orm/postgresql';
import { errorChain } from './database-faults';

/**
 * `em.transactional`, reporting what really failed when BEGIN did. knex
 * swallows a failed BEGIN (say, on a pooled connection the server dropped
 * while it sat idle), hands the transaction out anyway, and every statement
 * in it then fails with "Transaction query already complete", which hides a
 * lost database behind what looks like a bug (INTERNAL_SERVER_ERROR). The
 * transaction's execution promise holds the error BEGIN met: that is thrown
 * instead, so the client gets DATABASE_UNAVAILABLE. Every transaction here
 * starts through this.
 */
export async function transactional<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  let begun: { executionPromise?: Promise<unknown> } | undefined;
  try {
    return await em.transactional((tx) => {
      begun = tx.getTransactionContext();
      return work(tx);
    });
  } catch (err) {
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
