import { Decimal, money, roundMoney, sumMoney, type DecimalLike } from '../money/decimal';
import { MAX_AMOUNT } from '../money/parse';
import { ok, refuse, type Result } from '../money/result';

export interface LineToPrice {
  quantity: number;
  unitPrice: DecimalLike;
  /** 0–100 */
  discountPercent: DecimalLike;
  /** a fraction: 0.2 for 20 % */
  taxRate: DecimalLike;
}

export interface PricedLine {
  net: Decimal;
  tax: Decimal;
}

export interface PricedDocument {
  lines: PricedLine[];
  subtotal: Decimal;
  taxTotal: Decimal;
  total: Decimal;
}

/**
 * Line net = round(quantity × unitPrice × (1 − discountPercent/100), 2);
 * line tax = round(line net × taxRate, 2). Rounding is half away from zero.
 */
export function priceLine(line: LineToPrice): PricedLine {
  const net = roundMoney(
    money(line.unitPrice)
      .times(line.quantity)
      .times(new Decimal(1).minus(money(line.discountPercent).div(100))),
  );
  return { net, tax: roundMoney(net.times(money(line.taxRate))) };
}

/** subtotal = Σ line nets, taxTotal = Σ line taxes, total = subtotal + taxTotal. */
export function documentTotals(lines: readonly PricedLine[]): Omit<PricedDocument, 'lines'> {
  const subtotal = sumMoney(lines.map((l) => l.net));
  const taxTotal = sumMoney(lines.map((l) => l.tax));
  return { subtotal, taxTotal, total: subtotal.plus(taxTotal) };
}

/**
 * Checks a line: quantity a positive whole number, unit price not negative,
 * discount between 0 and 100, tax rate between 0 and 1. `index` names the line
 * in the refusal's field path (`["lines","0","quantity"]`).
 */
export function validateLine(line: LineToPrice, index: number): Result<LineToPrice, 'BAD_USER_INPUT'> {
  const at = (f: string) => ['lines', String(index), f];
  if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) return refuse('BAD_USER_INPUT', 'quantity must be a positive whole number', at('quantity'));
  if (money(line.unitPrice).isNeg()) return refuse('BAD_USER_INPUT', 'unitPrice must not be negative', at('unitPrice'));
  const d = money(line.discountPercent);
  if (d.isNeg() || d.gt(100)) return refuse('BAD_USER_INPUT', 'discountPercent must be between 0 and 100', at('discountPercent'));
  const t = money(line.taxRate);
  if (t.isNeg() || t.gt(1)) return refuse('BAD_USER_INPUT', 'taxRate must be between 0 and 1', at('taxRate'));
  return ok(line);
}

/** Validates and prices every line of an order or quote and totals them; the first bad line refuses the whole. */
export function priceOrderLines(lines: readonly LineToPrice[]): Result<PricedDocument, 'BAD_USER_INPUT'> {
  if (lines.length === 0) return refuse('BAD_USER_INPUT', 'at least one line is needed', ['lines']);
  for (let i = 0; i < lines.length; i++) {
    const v = validateLine(lines[i], i);
    if (!v.ok) return v;
  }
  const priced = lines.map(priceLine);
  const totals = documentTotals(priced);
  // quantity × price can outgrow what a document may hold; refuse rather than overflow the column.
  if (totals.total.gt(MAX_AMOUNT)) return refuse('BAD_USER_INPUT', `the total would exceed ${MAX_AMOUNT.toFixed(2)}`, ['lines']);
  return ok({ lines: priced, ...totals });
}

/**
 * A product's prices: unit price and cost not negative, tax rate a fraction
 * between 0 and 1 (0.2 = 20 %), reorder point a whole number not below 0.
 */
export function validateProductPricing(p: { unitPrice: DecimalLike; unitCost: DecimalLike; taxRate: DecimalLike; reorderPoint: number }): Result<typeof p, 'BAD_USER_INPUT'> {
  if (money(p.unitPrice).isNeg()) return refuse('BAD_USER_INPUT', 'unitPrice must not be negative', ['unitPrice']);
  if (money(p.unitCost).isNeg()) return refuse('BAD_USER_INPUT', 'unitCost must not be negative', ['unitCost']);
  const t = money(p.taxRate);
  if (t.isNeg() || t.gt(1)) return refuse('BAD_USER_INPUT', 'taxRate is a fraction between 0 and 1 (0.2 = 20 %)', ['taxRate']);
  if (!Number.isSafeInteger(p.reorderPoint) || p.reorderPoint < 0) return refuse('BAD_USER_INPUT', 'reorderPoint must be a whole number, 0 or more', ['reorderPoint']);
  return ok(p);
}
