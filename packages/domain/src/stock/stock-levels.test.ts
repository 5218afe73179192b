import fc from 'fast-check';
import { availableStock, crossesBelowReorderPoint, receiveStock, releaseStock, reserveStock, shipStock, type StockLevel } from './stock-levels';

const lvl = (productId: string, onHand: number, reserved = 0, reorderPoint = 0): StockLevel => ({ productId, onHand, reserved, reorderPoint });

describe('reserveStock', () => {
  it('reserves every line, merging a product that appears twice', () => {
    const r = reserveStock([lvl('a', 10), lvl('b', 5)], [{ productId: 'a', quantity: 3 }, { productId: 'b', quantity: 5 }, { productId: 'a', quantity: 2 }]);
    expect(r).toEqual({ ok: true, value: { levels: [lvl('a', 10, 5), lvl('b', 5, 5)], lowStock: [] } });
  });

  it('reserves nothing when one line is short, naming it and the figures', () => {
    const r = reserveStock([lvl('a', 10), lvl('b', 1)], [{ productId: 'a', quantity: 3 }, { productId: 'b', quantity: 2 }]);
    expect(r).toMatchObject({ ok: false, code: 'INSUFFICIENT_STOCK', field: ['1', 'quantity'], details: { productId: 'b', available: 1, requested: 2 } });
  });

  it('counts what is already reserved', () => {
    expect(reserveStock([lvl('a', 10, 9)], [{ productId: 'a', quantity: 2 }]).ok).toBe(false);
  });

  it.each([
    [10, 0, 5, 5, []], // 5 available is not below a reorder point of 5
    [10, 0, 5, 6, ['a']],
    [4, 0, 5, 1, []], // already below: no second alert
    [10, 0, 0, 10, []],
  ])('flags LOW_STOCK only on crossing (onHand %d, reserved %d, reorder %d, take %d)', (onHand, reserved, reorderPoint, take, flagged) => {
    const r = reserveStock([lvl('a', onHand, reserved, reorderPoint)], [{ productId: 'a', quantity: take }]);
    expect(r.ok && r.value.lowStock).toEqual(flagged);
  });

  it('throws for a product it was not given (a broken invariant)', () => {
    expect(() => reserveStock([], [{ productId: 'x', quantity: 1 }])).toThrow(/no stock level/);
  });
});

describe('release, ship and receive', () => {
  it('releases reservations', () => {
    expect(releaseStock([lvl('a', 10, 4)], [{ productId: 'a', quantity: 4 }])).toEqual([lvl('a', 10, 0)]);
    expect(() => releaseStock([lvl('a', 10, 1)], [{ productId: 'a', quantity: 2 }])).toThrow(/cannot release/);
    expect(() => releaseStock([], [{ productId: 'a', quantity: 2 }])).toThrow(/no stock level/);
  });

  it('turns a reservation into a decrease of onHand', () => {
    expect(shipStock([lvl('a', 10, 4)], [{ productId: 'a', quantity: 3 }])).toEqual({ ok: true, value: [lvl('a', 7, 1)] });
    expect(shipStock([lvl('a', 10, 2)], [{ productId: 'a', quantity: 3 }])).toMatchObject({ ok: false, code: 'INSUFFICIENT_STOCK' });
    expect(() => shipStock([], [{ productId: 'a', quantity: 2 }])).toThrow(/no stock level/);
  });

  it('adds receipts to onHand', () => {
    expect(receiveStock(lvl('a', 1, 1), 4)).toEqual(lvl('a', 5, 1));
    expect(() => receiveStock(lvl('a', 1), 0)).toThrow(RangeError);
  });

  it('computes available and crossings', () => {
    expect(availableStock({ onHand: 7, reserved: 3 })).toBe(4);
    expect(crossesBelowReorderPoint(lvl('a', 10, 0, 5), lvl('a', 10, 6, 5))).toBe(true);
    expect(crossesBelowReorderPoint(lvl('a', 10, 6, 5), lvl('a', 10, 7, 5))).toBe(false);
  });
});

it('never goes negative under random sequences of reserve, release, ship and receive (property)', () => {
  const op = fc.oneof(
    fc.record({ kind: fc.constant('reserve' as const), q: fc.integer({ min: 1, max: 20 }) }),
    fc.record({ kind: fc.constant('release' as const), q: fc.integer({ min: 1, max: 20 }) }),
    fc.record({ kind: fc.constant('ship' as const), q: fc.integer({ min: 1, max: 20 }) }),
    fc.record({ kind: fc.constant('receive' as const), q: fc.integer({ min: 1, max: 20 }) }),
  );
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 50 }), fc.array(op, { maxLength: 80 }), (start, ops) => {
      let level = lvl('a', start, 0, 5);
      for (const o of ops) {
        if (o.kind === 'reserve') {
          const r = reserveStock([level], [{ productId: 'a', quantity: o.q }]);
          if (r.ok) level = r.value.levels[0];
        } else if (o.kind === 'release') {
          if (level.reserved >= o.q) level = releaseStock([level], [{ productId: 'a', quantity: o.q }])[0];
        } else if (o.kind === 'ship') {
          const r = shipStock([level], [{ productId: 'a', quantity: o.q }]);
          if (r.ok) level = r.value[0];
        } else level = receiveStock(level, o.q);
        expect(level.onHand).toBeGreaterThanOrEqual(0);
        expect(level.reserved).toBeGreaterThanOrEqual(0);
        expect(availableStock(level)).toBeGreaterThanOrEqual(0);
      }
    }),
  );
});
