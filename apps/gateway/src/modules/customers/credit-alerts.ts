import type { EntityManager } from '@mikro-orm/postgresql';
import { creditStatusChangeAlerts, type CreditStatus, type RaisedAlert } from '@tandem/domain';
import { randomUUID } from 'node:crypto';
import { todayUtc } from '../../db/sql';
import { creditFiguresOf } from './credit-view';
import { loadCreditFacts } from './credit-facts';
import type { Customer } from './customer.entity';

/** A customer's credit status right now, inside the caller's transaction. */
export async function creditStatusNow(tx: EntityManager, customerId: string): Promise<CreditStatus> {
  const today = todayUtc();
  const facts = (await loadCreditFacts(tx, [customerId], today)).get(customerId);
  if (!facts) throw new Error(`customer ${customerId} vanished inside its own transaction`);
  return creditFiguresOf(facts, today).status;
}

/**
 * After a change (flushed first), the alerts its credit status move raises:
 * CREDIT_WARNING into WARNING/OVER_LIMIT, CREDIT_HOLD into ON_HOLD.
 */
export async function creditChangeAlerts(tx: EntityManager, customer: Customer, before: CreditStatus, reason?: string): Promise<RaisedAlert[]> {
  await tx.flush();
  const after = await creditStatusNow(tx, customer.id);
  return creditStatusChangeAlerts({ customerId: customer.id, customerName: customer.name, ownerId: customer.owner.id, before, after, changeId: randomUUID(), reason });
}
