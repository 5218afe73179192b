import fc from 'fast-check';
import { availableStock, crossesBelowReorderPoint, receiveStock, releaseStock, reserveStock, shipStock, type StockLevel } from './stock-levels';

const lvl = (productId: string, onHand: number, reserved = 0, reorderPoint = 0): StockLevel => ({ productId, onHand, reserved, reorderPoint });
const take = (productId: string, quantity: number) => ({ productId, quantity });

describe('availableStock', () => {
  it.each([
    [7, 3, 4],
    [5, 5, 0],
    [0, 0, 0],
    [10, 0, 10],
  ])('onHand %d − reserved %d = %d', (onHand, reserved, want) => expect(availableStock({ onHand, reserved })).toBe(want));
});

describe('crossesBelowReorderPoint', () => {
  it.each([
    ['from above to below', lvl('a', 10, 0, 5), lvl('a', 10, 6, 5), true],
    ['from exactly at to below', lvl('a', 10, 5, 5), lvl('a', 10, 6, 5), true],
    ['from above to exactly at', lvl('a', 10, 0, 5), lvl('a', 10, 5, 5), false],
    ['while it stays below', lvl('a', 10, 6, 5), lvl('a', 10, 7, 5), false],
    ['coming back up', lvl('a', 10, 7, 5), lvl('a', 20, 7, 5), false],
    ['with a zero reorder point, down to zero', lvl('a', 3, 0, 0), lvl('a', 3, 3, 0), false],
    ['with the reorder point raised above available', lvl('a', 10, 0, 5), lvl('a', 10, 0, 11), true],
  ])('%s → %s', (_what, before, after, want) => expect(crossesBelowReorderPoint(before, after)).toBe(want));
});

describe('reserveStock', () => {
  it('reserves every line, merging a product that appears twice, and keeps the other levels', () => {
    const r = reserveStock([lvl('a', 10), lvl('b', 5), lvl('c', 1)], [take('a', 3), take('b', 5), take('a', 2)]);
    expect(r).toEqual({ ok: true, value: { levels: [lvl('a', 10, 5), lvl('b', 5, 5), lvl('c', 1)], lowStock: [] } });
  });

  it.each([
    ['the second line is short', [lvl('a', 10), lvl('b', 1)], [take('a', 3), take('b', 2)], ['1', 'quantity'], { productId: 'b', available: 1, requested: 2 }, 'Only 1 available, 2 needed.'],
    ['a product short only across its lines', [lvl('a', 4)], [take('a', 3), take('a', 2)], ['0', 'quantity'], { productId: 'a', available: 4, requested: 5 }, 'Only 4 available, 5 needed.'],
    ['what is already reserved counts', [lvl('a', 10, 9)], [take('a', 2)], ['0', 'quantity'], { productId: 'a', available: 1, requested: 2 }, 'Only 1 available, 2 needed.'],
    ['nothing on hand', [lvl('b', 5), lvl('a', 0)], [take('b', 1), take('a', 1)], ['1', 'quantity'], { productId: 'a', available: 0, requested: 1 }, 'Only 0 available, 1 needed.'],
  ])('reserves nothing when %s, naming the line and the figures', (_what, levels, lines, field, details, message) => {
    const before = structuredClone(levels);
    const r = reserveStock(levels, lines);
    expect(r).toEqual({ ok: false, code: 'INSUFFICIENT_STOCK', message, field, details });
    expect(levels).toEqual(before);
  });

  it('reserves all available stock exactly', () => {
    expect(reserveStock([lvl('a', 3, 1)], [take('a', 2)])).toEqual({ ok: true, value: { levels: [lvl('a', 3, 3)], lowStock: [] } });
  });

  it.each([
    [10, 0, 5, 5, []], // 5 available is not below a reorder point of 5
    [10, 0, 5, 6, ['a']], // 4 available is
    [10, 5, 5, 1, ['a']], // from exactly at the point to below it
    [4, 0, 5, 1, []], // already below: no second alert
    [10, 0, 0, 10, []], // zero available is not below zero
  ])('flags LOW_STOCK only on crossing (onHand %d, reserved %d, reorder point %d, take %d → %j)', (onHand, reserved, reorderPoint, quantity, flagged) => {
    const r = reserveStock([lvl('a', onHand, reserved, reorderPoint)], [take('a', quantity)]);
    expect(r.ok && r.value.lowStock).toEqual(flagged);
  });

  it('flags each crossing product once, and only those', () => {
    const r = reserveStock([lvl('a', 10, 0, 5), lvl('b', 10, 0, 5), lvl('c', 3, 0, 5)], [take('a', 3), take('b', 3), take('a', 3), take('c', 1)]);
    expect(r.ok && r.value.lowStock).toEqual(['a']);
  });

  it.each([
    ['a product it was not given', [], [take('x', 1)], /no stock level for x/],
    ['a negative quantity', [lvl('a', 10)], [take('a', -5)], /quantity -5 of a/],
    ['a fractional quantity', [lvl('a', 10)], [take('a', 0.5)], /quantity 0.5 of a/],
  ])('throws on %s (a broken invariant)', (_what, levels, lines, message) => {
    expect(() => reserveStock(levels, lines)).toThrow(message);
  });
});

describe('releaseStock', () => {
  it.each([
    ['a whole reservation', [lvl('a', 10, 4)], [take('a', 4)], [lvl('a', 10, 0)]],
    ['part of one, merged by product', [lvl('a', 10, 4), lvl('b', 2, 2)], [take('a', 1), take('b', 2), take('a', 2)], [lvl('a', 10, 1), lvl('b', 2, 0)]],
    ['nothing', [lvl('a', 10, 4)], [], [lvl('a', 10, 4)]],
  ])('gives back %s', (_what, levels, lines, want) => {
    expect(releaseStock(levels, lines)).toEqual(want);
  });

  it.each([
    ['more than is reserved', [lvl('a', 10, 1)], [take('a', 2)], /has 1 reserved, cannot release 2/],
    ['more than is reserved across lines', [lvl('a', 10, 3)], [take('a', 2), take('a', 2)], /has 3 reserved, cannot release 4/],
    ['a product it was not given', [], [take('a', 2)], /no stock level for a/],
    ['a negative quantity', [lvl('a', 10, 1)], [take('a', -1)], /quantity -1 of a/],
  ])('throws on %s (a broken invariant)', (_what, levels, lines, message) => {
    expect(() => releaseStock(levels, lines)).toThrow(message);
  });
});

describe('shipStock', () => {
  it.each([
    ['part of a reservation', [lvl('a', 10, 4)], [take('a', 3)], [lvl('a', 7, 1)]],
    ['a whole reservation, merged by product', [lvl('a', 10, 4), lvl('b', 1, 1)], [take('a', 1), take('b', 1), take('a', 3)], [lvl('a', 6, 0), lvl('b', 0, 0)]],
  ])('turns %s into a decrease of onHand, leaving available unchanged', (_what, levels, lines, want) => {
    const r = shipStock(levels, lines);
    expect(r).toEqual({ ok: true, value: want });
    if (r.ok) expect(r.value.map(availableStock)).toEqual(levels.map(availableStock));
  });

  it.each([
    ['more than is reserved', [lvl('a', 10, 2)], [take('a', 3)], 'Only 2 reserved, 3 to ship.'],
    ['more than is on hand', [lvl('a', 1, 3)], [take('a', 2)], 'Only 3 reserved, 2 to ship.'],
    ['one product short among several', [lvl('a', 10, 5), lvl('b', 10, 0)], [take('a', 5), take('b', 1)], 'Only 0 reserved, 1 to ship.'],
  ])('refuses %s with INSUFFICIENT_STOCK and changes nothing', (_what, levels, lines, message) => {
    const before = structuredClone(levels);
    expect(shipStock(levels, lines)).toEqual({ ok: false, code: 'INSUFFICIENT_STOCK', message });
    expect(levels).toEqual(before);
  });

  it.each([
    ['a product it was not given', [], [take('a', 2)], /no stock level for a/],
    ['a negative quantity', [lvl('a', 10, 1)], [take('a', -3)], /quantity -3 of a/],
  ])('throws on %s (a broken invariant)', (_what, levels, lines, message) => {
    expect(() => shipStock(levels, lines)).toThrow(message);
  });
});

describe('receiveStock', () => {
  it.each([
    [lvl('a', 1, 1), 4, lvl('a', 5, 1)],
    [lvl('a', 0, 0, 5), 1, lvl('a', 1, 0, 5)],
  ])('adds a receipt to onHand: %j + %d', (level, quantity, want) => {
    expect(receiveStock(level, quantity)).toEqual(want);
  });

  it.each([0, -1, 1.5, Number.NaN, 2 ** 53])('throws on a quantity of %d', (quantity) => {
    expect(() => receiveStock(lvl('a', 1), quantity)).toThrow(RangeError);
  });
});

describe('under random sequences of reserve, release, ship and receive (property)', () => {
  const PRODUCTS = ['a', 'b'] as const;
  const lines = fc.array(fc.record({ productId: fc.constantFrom(...PRODUCTS), quantity: fc.integer({ min: 1, max: 15 }) }), { minLength: 1, maxLength: 3 });
  const op = fc.oneof(
    fc.record({ kind: fc.constant('reserve' as const), lines }),
    fc.record({ kind: fc.constant('release' as const), lines }),
    fc.record({ kind: fc.constant('ship' as const), lines }),
    fc.record({ kind: fc.constant('receive' as const), productId: fc.constantFrom(...PRODUCTS), quantity: fc.integer({ min: 1, max: 20 }) }),
  );
  const start = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 10 }));

  it('never goes negative, and a refusal leaves the levels unchanged', () => {
    fc.assert(
      fc.property(start, start, fc.array(op, { maxLength: 80 }), (sa, sb, ops) => {
        let levels = [lvl('a', sa[0], Math.min(sa[0], sa[1]), sa[2]), lvl('b', sb[0], Math.min(sb[0], sb[1]), sb[2])];
        for (const o of ops) {
          const input = levels;
          const snapshot = structuredClone(levels);
          if (o.kind === 'reserve') {
            const r = reserveStock(input, o.lines);
            if (r.ok) levels = r.value.levels;
            else expect(r.code).toBe('INSUFFICIENT_STOCK');
          } else if (o.kind === 'ship') {
            const r = shipStock(input, o.lines);
            if (r.ok) levels = r.value;
            else expect(r.code).toBe('INSUFFICIENT_STOCK');
          } else if (o.kind === 'release') {
            const tooMuch = input.some((l) => o.lines.filter((x) => x.productId === l.productId).reduce((n, x) => n + x.quantity, 0) > l.reserved);
            if (tooMuch)
              expect(() => releaseStock(input, o.lines)).toThrow(/cannot release/); // a broken invariant, not a refusal
            else levels = releaseStock(input, o.lines);
          } else levels = input.map((l) => (l.productId === o.productId ? receiveStock(l, o.quantity) : l));
          expect(input).toEqual(snapshot); // refused or not, the levels passed in never change
          for (const l of levels) {
            expect(l.onHand).toBeGreaterThanOrEqual(0);
            expect(l.reserved).toBeGreaterThanOrEqual(0);
            expect(availableStock(l)).toBeGreaterThanOrEqual(0);
          }
        }
      }),
    );
  });

  it('refuses a reservation or shipment exactly when a product is short, and then leaves levels as they were', () => {
    fc.assert(
      fc.property(start, start, lines, fc.boolean(), (sa, sb, ls, ship) => {
        const levels = [lvl('a', sa[0], Math.min(sa[0], sa[1]), sa[2]), lvl('b', sb[0], Math.min(sb[0], sb[1]), sb[2])];
        const snapshot = structuredClone(levels);
        const want = (p: string) => ls.filter((l) => l.productId === p).reduce((n, l) => n + l.quantity, 0);
        const short = levels.some((l) => want(l.productId) > (ship ? l.reserved : availableStock(l)));
        const r = ship ? shipStock(levels, ls) : reserveStock(levels, ls);
        expect(r.ok).toBe(!short);
        expect(levels).toEqual(snapshot);
        if (r.ok) {
          const after = Array.isArray(r.value) ? r.value : r.value.levels;
          for (const l of after) {
            const was = levels.find((x) => x.productId === l.productId)!;
            if (ship) expect([l.onHand, l.reserved]).toEqual([was.onHand - want(l.productId), was.reserved - want(l.productId)]);
            else expect([l.onHand, l.reserved]).toEqual([was.onHand, was.reserved + want(l.productId)]);
          }
        }
      }),
    );
  });

  it('flags LOW_STOCK exactly for the products that crossed below their reorder point', () => {
    fc.assert(
      fc.property(start, start, lines, (sa, sb, ls) => {
        const levels = [lvl('a', sa[0], Math.min(sa[0], sa[1]), sa[2]), lvl('b', sb[0], Math.min(sb[0], sb[1]), sb[2])];
        const r = reserveStock(levels, ls);
        if (!r.ok) return;
        const crossed = r.value.levels.filter((after, i) => availableStock(levels[i]) >= levels[i].reorderPoint && availableStock(after) < after.reorderPoint);
        expect(r.value.lowStock).toEqual(crossed.map((l) => l.productId));
      }),
    );
  });
});
