import { Decimal, money, type DecimalLike } from '../money/decimal';
import { daysBetween, type IsoDate } from '../money/dates';

export type CreditStatus = 'OK' | 'WARNING' | 'OVER_LIMIT' | 'ON_HOLD';

export interface CreditPolicy {
  /** An invoice more than this many days past due puts the customer ON_HOLD (60). */
  holdAfterDaysOverdue: number;
  /** WARNING from this share of a positive limit (0.8). */
  warningRatio: DecimalLike;
}
/** The contract's policy: ON_HOLD beyond 60 days past due, WARNING from 80 % of a positive limit. */
export const DEFAULT_CREDIT_POLICY: CreditPolicy = { holdAfterDaysOverdue: 60, warningRatio: '0.8' };

export interface CreditInputs {
  /** null = no limit; 0 = nothing on credit */
  limit: DecimalLike | null;
  /** a hold placed by hand */
  onHold: boolean;
  /** Σ balanceDue of OPEN and PARTIALLY_PAID invoices */
  openReceivables: DecimalLike;
  /** value (net + tax) of confirmed, not yet invoiced quantities */
  uninvoicedOrders: DecimalLike;
  /** payments received and not allocated */
  unappliedCredit: DecimalLike;
  /** Σ balanceDue of invoices due before asOf */
  overdueAmount: DecimalLike;
  /** days past due of the oldest invoice still owing (0 when none); or give oldestOverdueDueDate and asOf */
  maxDaysOverdue?: number;
  /** the earliest due date among invoices still owing and past due, if any (with asOf, instead of maxDaysOverdue) */
  oldestOverdueDueDate?: IsoDate | null;
  asOf?: IsoDate;
}

export interface CreditSummary {
  limit: Decimal | null;
  onHold: boolean;
  openReceivables: Decimal;
  uninvoicedOrders: Decimal;
  unappliedCredit: Decimal;
  exposure: Decimal;
  available: Decimal | null;
  utilization: Decimal | null;
  overdueAmount: Decimal;
  maxDaysOverdue: number;
  status: CreditStatus;
}

/** exposure = openReceivables + uninvoicedOrders − unappliedCredit. */
export function creditExposure(i: Pick<CreditInputs, 'openReceivables' | 'uninvoicedOrders' | 'unappliedCredit'>): Decimal {
  return money(i.openReceivables).plus(money(i.uninvoicedOrders)).minus(money(i.unappliedCredit));
}

/**
 * Status, first that applies: ON_HOLD (a hold was placed, or an invoice is more
 * than 60 days past due), OVER_LIMIT (exposure > limit), WARNING (a positive
 * limit and exposure ≥ 80 % of it, or any overdue amount), OK.
 */
export function creditStatus(
  f: { limit: Decimal | null; exposure: Decimal; onHold: boolean; overdueAmount: Decimal; maxDaysOverdue: number },
  policy: CreditPolicy = DEFAULT_CREDIT_POLICY,
): CreditStatus {
  if (f.onHold || f.maxDaysOverdue > policy.holdAfterDaysOverdue) return 'ON_HOLD';
  if (f.limit !== null && f.exposure.gt(f.limit)) return 'OVER_LIMIT';
  if ((f.limit !== null && f.limit.gt(0) && f.exposure.gte(f.limit.times(money(policy.warningRatio)))) || f.overdueAmount.gt(0)) return 'WARNING';
  return 'OK';
}

function daysOverdueOf(i: Pick<CreditInputs, 'maxDaysOverdue' | 'oldestOverdueDueDate' | 'asOf'>): number {
  if (i.maxDaysOverdue !== undefined) {
    if (!Number.isSafeInteger(i.maxDaysOverdue)) throw new RangeError(`maxDaysOverdue ${i.maxDaysOverdue} is not a whole number of days`);
    return Math.max(0, i.maxDaysOverdue);
  }
  if (!i.oldestOverdueDueDate) return 0;
  if (!i.asOf) throw new RangeError('summarizeCredit: oldestOverdueDueDate needs asOf');
  return Math.max(0, daysBetween(i.oldestOverdueDueDate, i.asOf));
}

/**
 * A customer's whole credit position from summed facts (one grouped query's
 * row): exposure, available (limit − exposure, negative when over, null
 * without a limit), utilization (exposure / limit to 4 places, null without a
 * positive limit) and status. Days overdue come as `maxDaysOverdue`, or from
 * `oldestOverdueDueDate` as of `asOf`.
 */
export function summarizeCredit(i: CreditInputs, policy: CreditPolicy = DEFAULT_CREDIT_POLICY): CreditSummary {
  const limit = i.limit === null ? null : money(i.limit);
  const exposure = creditExposure(i);
  const overdueAmount = money(i.overdueAmount);
  const maxDaysOverdue = daysOverdueOf(i);
  return {
    limit,
    onHold: i.onHold,
    openReceivables: money(i.openReceivables),
    uninvoicedOrders: money(i.uninvoicedOrders),
    unappliedCredit: money(i.unappliedCredit),
    exposure,
    available: limit === null ? null : limit.minus(exposure),
    utilization: limit !== null && limit.gt(0) ? exposure.div(limit).toDecimalPlaces(4, Decimal.ROUND_HALF_UP) : null,
    overdueAmount,
    maxDaysOverdue,
    status: creditStatus({ limit, exposure, onHold: i.onHold, overdueAmount, maxDaysOverdue }, policy),
  };
}
