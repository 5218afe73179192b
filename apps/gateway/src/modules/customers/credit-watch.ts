import type { EntityManager } from '@mikro-orm/postgresql';
import { holdCause, type CreditMove, type CreditSummary, type HoldCause } from '@tandem/domain';
import { todayUtc } from '../../db/sql';
import { loadCreditFacts } from './credit-facts';
import { creditFiguresOf } from './credit-view';

/** A customer's credit position right now and, when ON_HOLD, why; inside the caller's transaction. */
async function creditStateNow(tx: EntityManager, customerId: string): Promise<{ summary: CreditSummary; holdCause: HoldCause | null }> {
  const today = todayUtc();
  const facts = (await loadCreditFacts(tx, [customerId], today)).get(customerId);
  if (!facts) throw new Error(`customer ${customerId} vanished inside its own transaction`);
  const summary = creditFiguresOf(facts, today);
  return { summary, holdCause: holdCause({ ...summary, oldestOverdueInvoiceId: facts.oldestOverdueInvoiceId }) };
}

/** A credit position read before a change (`before`, e.g. for a credit check); `moved()`, once the change is made, states the move. */
export interface CreditWatch {
  before: CreditSummary;
  moved(): Promise<CreditMove>;
}

/**
 * The one "status before, status after" pair: call it (with the customer
 * locked) before changing anything that credit reads; call `moved()` after the
 * change, for the event that states it. The alerts a move raises are the
 * domain's business (alertsForEvent), not the service's.
 */
export async function watchCredit(tx: EntityManager, customerId: string): Promise<CreditWatch> {
  const before = await creditStateNow(tx, customerId);
  return {
    before: before.summary,
    async moved() {
      await tx.flush();
      const after = await creditStateNow(tx, customerId);
      return { before: before.summary.status, after: after.summary.status, holdCause: after.holdCause };
    },
  };
}
