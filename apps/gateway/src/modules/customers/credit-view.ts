import * as domain from '@tandem/domain';
import type { CreditFacts } from './credit-facts';
import { CreditType, type CreditCheckType, type CreditFigures, type CreditStatus } from './customer.type';

/** The domain's credit summary from the facts read for one customer. */
export function creditFiguresOf(f: CreditFacts, today: string) {
  return domain.summarizeCredit({
    limit: f.limit,
    onHold: f.onHold,
    openReceivables: f.openReceivables,
    uninvoicedOrders: f.uninvoicedOrders,
    unappliedCredit: f.unappliedCredit,
    overdueAmount: f.overdueAmount,
    oldestOverdueDueDate: f.oldestOverdueDueDate,
    asOf: today,
  });
}

const optionalMoney = (d: domain.Decimal | null) => (d === null ? null : domain.formatMoney(d));

/**
 * The figures of one credit summary, each formatted only when a client asks
 * for it: a dashboard page asks for 4 of them for 50 customers, and decimal
 * formatting was a visible share of a page's CPU.
 */
class SummaryFigures implements CreditFigures {
  constructor(
    private readonly s: domain.CreditSummary,
    readonly onHold: boolean,
    readonly holdReason: string | null,
  ) {}
  get limit() {
    return optionalMoney(this.s.limit);
  }
  get openReceivables() {
    return domain.formatMoney(this.s.openReceivables);
  }
  get uninvoicedOrders() {
    return domain.formatMoney(this.s.uninvoicedOrders);
  }
  get unappliedCredit() {
    return domain.formatMoney(this.s.unappliedCredit);
  }
  get exposure() {
    return domain.formatMoney(this.s.exposure);
  }
  get available() {
    return optionalMoney(this.s.available);
  }
  get utilization() {
    return this.s.utilization === null ? null : this.s.utilization.toFixed(4);
  }
  get overdueAmount() {
    return domain.formatMoney(this.s.overdueAmount);
  }
  get status() {
    return this.s.status as CreditStatus;
  }
}

/** The GraphQL Credit object; `restricted` hides everything but status and onHold. */
export function creditView(f: CreditFacts, today: string, restricted: boolean): CreditType {
  return new CreditType(new SummaryFigures(creditFiguresOf(f, today), f.onHold, f.holdReason), restricted);
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
