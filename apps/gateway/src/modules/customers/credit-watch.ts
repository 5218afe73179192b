import type { EntityManager } from '@mikro-orm/postgresql';
import { formatMoney, holdCause, money, orderUninvoicedValue, type CreditMove, type CreditSummary, type HoldCause, type LineNotYetInvoiced } from '@tandem/domain';
import { todayUtc } from '../../db/sql';
import { loadCreditFacts, type CreditFacts } from './credit-facts';
import { creditFiguresOf } from './credit-view';

/** A customer's credit position right now and, when ON_HOLD, why; inside the caller's transaction. */
async function creditStateNow(tx: EntityManager, customerId: string): Promise<{ facts: CreditFacts; summary: CreditSummary; holdCause: HoldCause | null }> {
  const today = todayUtc();
  const facts = (await loadCreditFacts(tx, [customerId], today)).get(customerId);
  if (!facts) throw new Error(`customer ${customerId} vanished inside its own transaction`);
  return { facts, ...creditStateOf(facts, today) };
}

function creditStateOf(facts: CreditFacts, today: string): { summary: CreditSummary; holdCause: HoldCause | null } {
  const summary = creditFiguresOf(facts, today);
  return { summary, holdCause: holdCause({ ...summary, oldestOverdueInvoiceId: facts.oldestOverdueInvoiceId }) };
}

/** A credit position read before a change (`before`, e.g. for a credit check); `moved()`, once the change is made, states the move. */
export interface CreditWatch {
  before: CreditSummary;
  moved(): Promise<CreditMove>;
  /**
   * The move of confirming an order with these lines, without reading again:
   * the facts read before, plus the order's lines not yet invoiced as one more
   * CONFIRMED order. Exact only while the customer is locked and nothing else
   * in the transaction changed what credit reads (confirmOrder; a test holds
   * it to what moved() reads).
   */
  movedByConfirming(lines: readonly LineNotYetInvoiced[]): CreditMove;
}

/**
 * The one "status before, status after" pair: call it (with the customer
 * locked) before changing anything that credit reads; call `moved()` after the
 * change, for the event that states it. The alerts a move raises are the
 * domain's business (alertsForEvent), not the service's.
 */
export async function watchCredit(tx: EntityManager, customerId: string): Promise<CreditWatch> {
  const today = todayUtc();
  const before = await creditStateNow(tx, customerId);
  return {
    before: before.summary,
    movedByConfirming(lines) {
      const added = orderUninvoicedValue({ status: 'CONFIRMED', lines });
      const facts: CreditFacts = { ...before.facts, uninvoicedOrders: formatMoney(money(before.facts.uninvoicedOrders).plus(added)) };
      const after = creditStateOf(facts, today);
      return { before: before.summary.status, after: after.summary.status, holdCause: after.holdCause };
    },
    async moved() {
      await tx.flush();
      const after = await creditStateNow(tx, customerId);
      return { before: before.summary.status, after: after.summary.status, holdCause: after.holdCause };
    },
  };
}
