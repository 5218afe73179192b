import fc from 'fast-check';
import { Decimal, formatMoney, sumMoney } from '../money/decimal';
import { documentTotals, priceLine, priceOrderLines, validateLine, validateProductPricing, type LineToPrice } from './line-pricing';

const line = (over: Partial<LineToPrice> = {}): LineToPrice => ({ quantity: 1, unitPrice: '1.00', discountPercent: '0', taxRate: '0', ...over });

/** Integer division rounded half away from zero. */
function divRound(n: bigint, d: bigint): bigint {
  const sign = n < 0n !== d < 0n ? -1n : 1n;
  const [an, ad] = [n < 0n ? -n : n, d < 0n ? -d : d];
  return sign * ((2n * an + ad) / (2n * ad));
}

describe('priceLine', () => {
  it.each([
    // the contract's examples
    [3, '100.00', '10', '0.2', '270.00', '54.00'],
    [2, '19.99', '0', '0.075', '39.98', '3.00'], // tax 2.9985 rounds up
    // rounding half away from zero, once per line
    [3, '9.99', '12.5', '0.2', '26.22', '5.24'], // net 26.22375
    [1, '0.05', '50', '0', '0.03', '0.00'], // net 0.025
    [1, '0.05', '0', '0.1', '0.05', '0.01'], // tax 0.005
    [1, '0.01', '50', '0.5', '0.01', '0.01'], // net 0.005, then tax 0.005
    [1, '0.01', '50.01', '0.2', '0.00', '0.00'], // net 0.004999
    [3, '0.33', '0', '0', '0.99', '0.00'],
    [1, '10.00', '33.3333', '0.2', '6.67', '1.33'], // net 6.66667, tax 1.334
    // edges
    [7, '0.00', '0', '0.2', '0.00', '0.00'],
    [1, '10.00', '100', '0.2', '0.00', '0.00'],
    [1, '10.00', '0', '1', '10.00', '10.00'],
    [10_000, '99999.99', '0', '0.2', '999999900.00', '199999980.00'],
    [1, '1', '0', '0', '1.00', '0.00'],
  ])('%d × %s at %s %% discount, tax %s → net %s, tax %s', (quantity, unitPrice, discountPercent, taxRate, net, tax) => {
    const p = priceLine({ quantity, unitPrice, discountPercent, taxRate });
    expect([formatMoney(p.net), formatMoney(p.tax)]).toEqual([net, tax]);
  });

  it('agrees with integer arithmetic in cents and basis points (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }), // discount in 1/10 000 of a percent
        fc.integer({ min: 0, max: 10_000 }), // tax rate in 1/10 000
        (quantity, priceCents, discount, tax) => {
          const p = priceLine({
            quantity,
            unitPrice: new Decimal(priceCents).div(100),
            discountPercent: new Decimal(discount).div(10_000),
            taxRate: new Decimal(tax).div(10_000),
          });
          const netCents = divRound(BigInt(quantity) * BigInt(priceCents) * (1_000_000n - BigInt(discount)), 1_000_000n);
          const taxCents = divRound(netCents * BigInt(tax), 10_000n);
          expect(p.net.times(100).toFixed(0)).toBe(netCents.toString());
          expect(p.tax.times(100).toFixed(0)).toBe(taxCents.toString());
        },
      ),
    );
  });
});

describe('documentTotals', () => {
  it.each([
    [[], '0.00', '0.00', '0.00'],
    [[['270.00', '54.00']], '270.00', '54.00', '324.00'],
    [
      [
        ['270.00', '54.00'],
        ['39.98', '3.00'],
      ],
      '309.98',
      '57.00',
      '366.98',
    ],
    [
      [
        ['0.01', '0.00'],
        ['0.02', '0.01'],
      ],
      '0.03',
      '0.01',
      '0.04',
    ],
  ])('totals %j: subtotal %s, tax %s, total %s', (lines, subtotal, taxTotal, total) => {
    const t = documentTotals(lines.map(([net, tax]) => ({ net: new Decimal(net), tax: new Decimal(tax) })));
    expect([t.subtotal, t.taxTotal, t.total].map(formatMoney)).toEqual([subtotal, taxTotal, total]);
  });

  it('sums the rounded line taxes, not the tax of the subtotal', () => {
    // Three lines of 0.05 at 10 %: each tax 0.005 → 0.01; the subtotal's tax would be 0.015 → 0.02.
    const r = priceOrderLines([line({ unitPrice: '0.05', taxRate: '0.1' }), line({ unitPrice: '0.05', taxRate: '0.1' }), line({ unitPrice: '0.05', taxRate: '0.1' })]);
    expect(r.ok && [r.value.subtotal, r.value.taxTotal, r.value.total].map(formatMoney)).toEqual(['0.15', '0.03', '0.18']);
  });
});

describe('validateLine', () => {
  it.each([
    ['the smallest line', {}],
    ['a free line', { unitPrice: '0.00' }],
    ['no discount', { discountPercent: '0' }],
    ['a full discount', { discountPercent: '100' }],
    ['a fractional discount', { discountPercent: '12.5' }],
    ['no tax', { taxRate: '0' }],
    ['a 100 % tax', { taxRate: '1' }],
    ['the largest safe quantity', { quantity: Number.MAX_SAFE_INTEGER }],
  ])('accepts %s', (_what, over) => {
    const l = line(over);
    expect(validateLine(l, 0)).toEqual({ ok: true, value: l });
  });

  it.each([
    [{ quantity: 0 }, 0, ['lines', '0', 'quantity'], /positive whole number/],
    [{ quantity: -2 }, 1, ['lines', '1', 'quantity'], /positive whole number/],
    [{ quantity: 1.5 }, 2, ['lines', '2', 'quantity'], /positive whole number/],
    [{ quantity: Number.NaN }, 0, ['lines', '0', 'quantity'], /positive whole number/],
    [{ quantity: 2 ** 53 }, 0, ['lines', '0', 'quantity'], /positive whole number/],
    [{ unitPrice: '-0.01' }, 3, ['lines', '3', 'unitPrice'], /not be negative/],
    [{ discountPercent: '-1' }, 0, ['lines', '0', 'discountPercent'], /between 0 and 100/],
    [{ discountPercent: '100.01' }, 0, ['lines', '0', 'discountPercent'], /between 0 and 100/],
    [{ taxRate: '-0.1' }, 0, ['lines', '0', 'taxRate'], /between 0 and 1/],
    [{ taxRate: '1.5' }, 0, ['lines', '0', 'taxRate'], /between 0 and 1/],
    [{ taxRate: '20' }, 0, ['lines', '0', 'taxRate'], /between 0 and 1/], // a percentage where a fraction belongs
  ])('refuses %j at line %d with its field path', (over, index, field, message) => {
    const r = validateLine(line(over), index);
    expect(r).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field });
    expect(!r.ok && r.message).toMatch(message);
  });

  it('checks the quantity first', () => {
    expect(validateLine(line({ quantity: 0, unitPrice: '-1', discountPercent: '200', taxRate: '2' }), 0)).toMatchObject({ field: ['lines', '0', 'quantity'] });
  });
});

describe('priceOrderLines', () => {
  it('totals as the contract says: subtotal Σ nets, taxTotal Σ taxes, total their sum', () => {
    const r = priceOrderLines([
      { quantity: 3, unitPrice: '100.00', discountPercent: '10', taxRate: '0.2' },
      { quantity: 2, unitPrice: '19.99', discountPercent: '0', taxRate: '0.075' },
    ]);
    if (!r.ok) throw new Error(r.message);
    expect(r.value.lines.map((l) => [formatMoney(l.net), formatMoney(l.tax)])).toEqual([
      ['270.00', '54.00'],
      ['39.98', '3.00'],
    ]);
    expect([r.value.subtotal, r.value.taxTotal, r.value.total].map(formatMoney)).toEqual(['309.98', '57.00', '366.98']);
  });

  it.each([
    ['an empty order', [], ['lines']],
    ['a bad first line', [line({ quantity: 0 })], ['lines', '0', 'quantity']],
    ['a bad second line', [line(), line({ quantity: -2 })], ['lines', '1', 'quantity']],
    ['the first of two bad lines', [line(), line({ discountPercent: '101' }), line({ taxRate: '2' })], ['lines', '1', 'discountPercent']],
  ])('refuses %s with its field path', (_what, lines, field) => {
    expect(priceOrderLines(lines)).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field });
  });

  it('keeps total = subtotal + taxTotal, Σ nets = subtotal, and every amount in whole cents (property)', () => {
    const anyLine = fc.record({
      quantity: fc.integer({ min: 1, max: 10_000 }),
      unitPrice: fc.integer({ min: 0, max: 10_000_000 }).map((c) => new Decimal(c).div(100).toFixed(2)),
      discountPercent: fc.integer({ min: 0, max: 10_000 }).map((b) => new Decimal(b).div(100).toFixed(2)),
      taxRate: fc.integer({ min: 0, max: 3000 }).map((b) => new Decimal(b).div(10_000).toFixed(4)),
    });
    fc.assert(
      fc.property(fc.array(anyLine, { minLength: 1, maxLength: 20 }), (lines) => {
        const r = priceOrderLines(lines);
        if (!r.ok) throw new Error(r.message);
        const { subtotal, taxTotal, total } = r.value;
        expect(total.eq(subtotal.plus(taxTotal))).toBe(true);
        expect(sumMoney(r.value.lines.map((l) => l.net)).eq(subtotal)).toBe(true);
        expect(sumMoney(r.value.lines.map((l) => l.tax)).eq(taxTotal)).toBe(true);
        expect(r.value.lines).toHaveLength(lines.length);
        r.value.lines.forEach((l, i) => {
          expect(l.net.decimalPlaces()).toBeLessThanOrEqual(2);
          expect(l.tax.decimalPlaces()).toBeLessThanOrEqual(2);
          expect(l.net.lte(new Decimal(lines[i].unitPrice).times(lines[i].quantity))).toBe(true); // a discount never adds
          expect(l.net.isNeg() || l.tax.isNeg()).toBe(false);
        });
      }),
    );
  });
});

describe('validateProductPricing', () => {
  const product = { unitPrice: '10.00', unitCost: '4.00', taxRate: '0.2', reorderPoint: 5 };

  it.each([
    ['sane prices', {}],
    ['everything zero', { unitPrice: '0.00', unitCost: '0.00', taxRate: '0', reorderPoint: 0 }],
    ['a 100 % tax', { taxRate: '1' }],
    ['a cost above the price', { unitCost: '12.00' }],
  ])('accepts %s', (_what, over) => {
    const p = { ...product, ...over };
    expect(validateProductPricing(p)).toEqual({ ok: true, value: p });
  });

  it.each([
    [{ unitPrice: '-0.01' }, ['unitPrice']],
    [{ unitCost: '-1.00' }, ['unitCost']],
    [{ taxRate: '1.01' }, ['taxRate']],
    [{ taxRate: '-0.1' }, ['taxRate']],
    [{ reorderPoint: -1 }, ['reorderPoint']],
    [{ reorderPoint: 1.5 }, ['reorderPoint']],
    [{ unitPrice: '-1', unitCost: '-1' }, ['unitPrice']],
  ])('refuses %j at %j', (over, field) => {
    expect(validateProductPricing({ ...product, ...over })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field });
  });
});

describe('a document that would outgrow its columns', () => {
  it('refuses a total over 999 999 999 999.99 (quantity × price), and accepts one at it', () => {
    expect(priceOrderLines([{ quantity: 2_000_000_000, unitPrice: '999999.99', discountPercent: '0', taxRate: '0' }])).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: ['lines'] });
    expect(priceOrderLines([{ quantity: 1, unitPrice: '999999999999.99', discountPercent: '0', taxRate: '0' }]).ok).toBe(true);
  });
});
