import * as domain from '@tandem/domain';
import type { CreditFacts } from './credit-facts';
import { CreditType, type CreditCheckType, type CreditStatus } from './customer.type';

/** The domain's credit summary from the facts read for one customer. */
export function creditFiguresOf(f: CreditFacts, today: string) {
  return domain.summarizeCredit({
    limit: f.limit,
    onHold: f.onHold,
    openReceivables: f.openReceivables,
    uninvoicedOrders: domain.sumUninvoicedOrders(f.openOrders),
    unappliedCredit: f.unappliedCredit,
    overdueAmount: f.overdueAmount,
    oldestOverdueDueDate: f.oldestOverdueDueDate,
    asOf: today,
  });
}

/** The GraphQL Credit object; `restricted` hides everything but status and onHold. */
export function creditView(f: CreditFacts, today: string, restricted: boolean): CreditType {
  const s = creditFiguresOf(f, today);
  const opt = (d: domain.Decimal | null) => (d === null ? null : domain.formatMoney(d));
  return new CreditType(
    {
      limit: opt(s.limit),
      openReceivables: domain.formatMoney(s.openReceivables),
      uninvoicedOrders: domain.formatMoney(s.uninvoicedOrders),
      unappliedCredit: domain.formatMoney(s.unappliedCredit),
      exposure: domain.formatMoney(s.exposure),
      available: opt(s.available),
      utilization: s.utilization === null ? null : s.utilization.toFixed(4),
      overdueAmount: domain.formatMoney(s.overdueAmount),
      status: s.status as CreditStatus,
      onHold: f.onHold,
      holdReason: f.holdReason,
    },
    restricted,
  );
}

export function creditCheckView(c: ReturnType<typeof domain.checkCredit>): CreditCheckType {
  return {
    approved: c.approved,
    reason: c.approved ? null : c.reason,
    limit: c.limit === null ? null : domain.formatMoney(c.limit),
    exposureBefore: domain.formatMoney(c.exposureBefore),
    exposureAfter: domain.formatMoney(c.exposureAfter),
    available: c.available === null ? null : domain.formatMoney(c.available),
  };
}
