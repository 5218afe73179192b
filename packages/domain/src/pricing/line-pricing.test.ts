import fc from 'fast-check';
import { formatMoney } from '../money';
import { documentTotals, priceLine, priceOrderLines, validateLine, validateProductPricing } from './line-pricing';

describe('priceLine', () => {
  it.each([
    [3, '100.00', '10', '0.2', '270.00', '54.00'],
    [2, '19.99', '0', '0.075', '39.98', '3.00'],
    [3, '9.99', '12.5', '0.2', '26.22', '5.24'],
    [1, '0.05', '50', '0', '0.03', '0.00'], // 0.025 rounds away from zero
    [7, '0.00', '0', '0.2', '0.00', '0.00'],
    [1, '10.00', '100', '0.2', '0.00', '0.00'],
  ])('%d × %s at %s %% discount, tax %s → net %s, tax %s', (quantity, unitPrice, discountPercent, taxRate, net, tax) => {
    const p = priceLine({ quantity, unitPrice, discountPercent, taxRate });
    expect([formatMoney(p.net), formatMoney(p.tax)]).toEqual([net, tax]);
  });
});

describe('priceOrderLines', () => {
  it('totals as the contract says: subtotal Σ nets, taxTotal Σ taxes, total their sum', () => {
    const r = priceOrderLines([
      { quantity: 3, unitPrice: '100.00', discountPercent: '10', taxRate: '0.2' },
      { quantity: 2, unitPrice: '19.99', discountPercent: '0', taxRate: '0.075' },
    ]);
    expect(r.ok && [r.value.subtotal, r.value.taxTotal, r.value.total].map(formatMoney)).toEqual(['309.98', '57.00', '366.98']);
  });

  it.each([
    [{ quantity: 0 }, ['lines', '0', 'quantity']],
    [{ quantity: 1.5 }, ['lines', '0', 'quantity']],
    [{ unitPrice: '-1.00' }, ['lines', '0', 'unitPrice']],
    [{ discountPercent: '-1' }, ['lines', '0', 'discountPercent']],
    [{ discountPercent: '100.01' }, ['lines', '0', 'discountPercent']],
    [{ taxRate: '1.5' }, ['lines', '0', 'taxRate']],
  ])('refuses %j with its field path', (bad, field) => {
    const r = priceOrderLines([{ quantity: 1, unitPrice: '1.00', discountPercent: '0', taxRate: '0', ...bad }]);
    expect(r).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field });
  });

  it('refuses an empty order', () => {
    expect(priceOrderLines([])).toMatchObject({ ok: false, field: ['lines'] });
  });

  it('names the failing line', () => {
    expect(validateLine({ quantity: 1, unitPrice: '1', discountPercent: '0', taxRate: '0' }, 3)).toMatchObject({ ok: true });
    const r = priceOrderLines([{ quantity: 1, unitPrice: '1', discountPercent: '0', taxRate: '0' }, { quantity: -2, unitPrice: '1', discountPercent: '0', taxRate: '0' }]);
    expect(r).toMatchObject({ ok: false, field: ['lines', '1', 'quantity'] });
  });

  it('keeps total = subtotal + taxTotal and every amount in whole cents (property)', () => {
    const line = fc.record({
      quantity: fc.integer({ min: 1, max: 10_000 }),
      unitPrice: fc.integer({ min: 0, max: 10_000_000 }).map((c) => (c / 100).toFixed(2)),
      discountPercent: fc.integer({ min: 0, max: 10_000 }).map((b) => (b / 100).toFixed(2)),
      taxRate: fc.integer({ min: 0, max: 3000 }).map((b) => (b / 10_000).toFixed(4)),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), (lines) => {
        const r = priceOrderLines(lines);
        if (!r.ok) throw new Error(r.message);
        const t = documentTotals(r.value.lines);
        expect(t.total.eq(t.subtotal.plus(t.taxTotal))).toBe(true);
        for (const l of r.value.lines) expect(l.net.decimalPlaces() <= 2 && l.tax.decimalPlaces() <= 2).toBe(true);
      }),
    );
  });
});

describe('validateProductPricing', () => {
  const ok = { unitPrice: '10.00', unitCost: '4.00', taxRate: '0.2', reorderPoint: 5 };
  it('accepts sane prices', () => expect(validateProductPricing(ok)).toEqual({ ok: true, value: ok }));
  it.each([
    [{ unitPrice: '-0.01' }, ['unitPrice']],
    [{ unitCost: '-1.00' }, ['unitCost']],
    [{ taxRate: '1.01' }, ['taxRate']],
    [{ taxRate: '-0.1' }, ['taxRate']],
    [{ reorderPoint: -1 }, ['reorderPoint']],
    [{ reorderPoint: 1.5 }, ['reorderPoint']],
  ])('refuses %j', (bad, field) => expect(validateProductPricing({ ...ok, ...bad })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field }));
});
