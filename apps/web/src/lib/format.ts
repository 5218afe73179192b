/**
 * Display formatting only. Amounts arrive from the API as exact decimal
 * strings and are formatted as strings (grouping digits, never through a
 * float); statuses arrive decided (the credit badge shows the API's
 * `credit.status`, it never recomputes it).
 */

const MONEY = /^(-)?(\d+)(?:\.(\d+))?$/;

/** "1234567.5" → "1,234,567.50"; null (no limit, or not for this role) → "—". */
export function formatMoney(value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const m = MONEY.exec(value.trim());
  if (!m) return value;
  const [, sign, whole, fraction = ''] = m;
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (fraction + '00').slice(0, Math.max(2, fraction.length));
  return `${sign && /[1-9]/.test(whole + fraction) ? '-' : ''}${grouped}.${cents}`;
}

/** A ratio from the API ("0.8125") as a percentage ("81.25 %"), by moving the decimal point. */
export function formatRatio(value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const m = MONEY.exec(value.trim());
  if (!m) return value;
  const [, sign, whole, fraction = ''] = m;
  const frac = fraction.padEnd(2, '0');
  const intPart = (whole + frac.slice(0, 2)).replace(/^0+(?=\d)/, '');
  const fracPart = frac.slice(2).replace(/0+$/, '');
  return `${sign ? '-' : ''}${intPart}${fracPart ? `.${fracPart}` : ''} %`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11-23" → "23 Nov 2026" (a calendar date: no time zone can shift it). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const m = DATE.exec(value);
  if (!m) return value;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** An instant, shown in UTC like the API's dates: "23 Nov 2026 14:05 UTC". */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const iso = d.toISOString();
  return `${formatDate(iso.slice(0, 10))} ${iso.slice(11, 16)} UTC`;
}

export type CreditStatus = 'OK' | 'WARNING' | 'OVER_LIMIT' | 'ON_HOLD';

/** How each credit status the API decided is shown: text always, colour as well (never colour alone). */
export const CREDIT_BADGES: Record<CreditStatus, { label: string; tone: 'ok' | 'warn' | 'bad' | 'hold'; hint: string }> = {
  OK: { label: 'OK', tone: 'ok', hint: 'Within its credit limit' },
  WARNING: { label: 'Warning', tone: 'warn', hint: 'Near its limit, or something is overdue' },
  OVER_LIMIT: { label: 'Over limit', tone: 'bad', hint: 'Exposure is above the credit limit' },
  ON_HOLD: { label: 'On hold', tone: 'hold', hint: 'New orders will be refused' },
};

/** Today as a calendar date in UTC, the API's convention ("2026-11-23"). */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
