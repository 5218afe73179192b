import type { EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { assertMayReadCommercial, assertMayReadCustomers, may, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { lockCustomer } from '../../db/locks';
import { customerScopeSql, todayUtc } from '../../db/sql';
import { inTransaction, refused, type MutationResult } from '../../db/transaction';
import { parseMoneyArg } from '../../graphql/money-args';
import { Refused, UserErrorCode } from '../../graphql/user-error.type';
import { creditCheckView, creditFiguresOf } from './credit-view';
import { loadCreditFacts } from './credit-facts';
import { watchCredit } from './credit-watch';
import type { Customer } from './customer.entity';
import { customerRef } from './customer.mapper';
import type { CreditCheckType } from './customer.type';

/** Credit terms: limits and holds (FINANCE, ADMIN), and the what-if credit check. */
export class CreditService {
  async setCreditLimit(em: EntityManager, viewer: Viewer | null, customerId: string, limit: string | null | undefined): Promise<MutationResult<Customer>> {
    const v = requireViewer(viewer);
    if (!may.manageCredit(v)) return refused(UserErrorCode.FORBIDDEN, 'Only FINANCE may set credit limits.');
    const parsed = limit == null ? null : parseMoneyArg(limit, ['limit'], { min: '0' });
    return inTransaction(em, v, async (tx, events) => {
      const customer = await lockCustomer(tx, v, customerId, ['customerId']);
      const credit = await watchCredit(tx, customer.id);
      const limitBefore = customer.creditLimit ?? null;
      customer.creditLimit = parsed;
      events.record({ type: 'CreditLimitChanged', customer: customerRef(customer), limitBefore, limitAfter: parsed, credit: await credit.moved() });
      return customer;
    });
  }

  async placeCreditHold(em: EntityManager, viewer: Viewer | null, customerId: string, reason: string): Promise<MutationResult<Customer>> {
    const v = requireViewer(viewer);
    if (!may.manageCredit(v)) return refused(UserErrorCode.FORBIDDEN, 'Only FINANCE may place credit holds.');
    if (!reason.trim()) return refused(UserErrorCode.BAD_USER_INPUT, 'A hold needs a reason.', ['reason']);
    return inTransaction(em, v, async (tx, events) => {
      const customer = await lockCustomer(tx, v, customerId, ['customerId']);
      if (customer.onHold) throw new Refused(UserErrorCode.CONFLICT, 'The customer is already on hold.', ['customerId']);
      const credit = await watchCredit(tx, customer.id);
      customer.onHold = true;
      customer.holdReason = reason.trim();
      events.record({ type: 'HoldPlaced', customer: customerRef(customer), reason: customer.holdReason, credit: await credit.moved() });
      return customer;
    });
  }

  async releaseCreditHold(em: EntityManager, viewer: Viewer | null, customerId: string): Promise<MutationResult<Customer>> {
    const v = requireViewer(viewer);
    if (!may.manageCredit(v)) return refused(UserErrorCode.FORBIDDEN, 'Only FINANCE may release credit holds.');
    return inTransaction(em, v, async (tx, events) => {
      const customer = await lockCustomer(tx, v, customerId, ['customerId']);
      if (!customer.onHold) throw new Refused(UserErrorCode.CONFLICT, 'The customer is not on hold.', ['customerId']);
      const credit = await watchCredit(tx, customer.id);
      customer.onHold = false;
      customer.holdReason = null;
      events.record({ type: 'HoldReleased', customer: customerRef(customer), credit: await credit.moved() });
      return customer;
    });
  }

  /** "What if I add this order?": the same check confirmOrder makes, changing nothing. null for an unknown customer. */
  async creditCheck(em: EntityManager, viewer: Viewer | null, customerId: string, amount: string): Promise<CreditCheckType | null> {
    const v = requireViewer(viewer);
    assertMayReadCustomers(v);
    assertMayReadCommercial(v, 'credit figures');
    const value = parseMoneyArg(amount, ['amount'], { min: '0' });
    const today = todayUtc();
    const facts = (await loadCreditFacts(em, [customerId], today, (c) => customerScopeSql(v, c))).get(customerId);
    if (!facts) return null;
    return creditCheckView(domain.checkCredit({ ...creditFiguresOf(facts, today), amount: value }));
  }
}
