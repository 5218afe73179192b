import fc from 'fast-check';
import { money } from '../money/decimal';
import { issueAtAverageCost, receiveAtCost } from './stock-valuation';

describe('moving-average stock valuation', () => {
  it('adds a receipt at its cost and issues at the average, to the cent', () => {
    const r1 = receiveAtCost({ onHand: 0, value: '0' }, 3, '10.00');
    expect(r1.cost.toFixed(2)).toBe('30.00');
    const r2 = receiveAtCost(r1.after, 1, '11.00');
    expect([r2.after.onHand, r2.after.value.toFixed(2)]).toEqual([4, '41.00']);
    const i1 = issueAtAverageCost(r2.after, 1);
    expect(i1.cost.toFixed(2)).toBe('10.25');
    const i2 = issueAtAverageCost(i1.after, 2);
    expect(i2.cost.toFixed(2)).toBe('20.50');
    const last = issueAtAverageCost(i2.after, 1);
    expect([last.cost.toFixed(2), last.after.value.toFixed(2), last.after.onHand]).toEqual(['10.25', '0.00', 0]);
  });

  it('gives the last unit out whatever value is left, so rounding never strands a cent', () => {
    const r = receiveAtCost({ onHand: 0, value: '0' }, 3, '0.01');
    const a = issueAtAverageCost(r.after, 1);
    const b = issueAtAverageCost(a.after, 1);
    const c = issueAtAverageCost(b.after, 1);
    expect(a.cost.plus(b.cost).plus(c.cost).toFixed(2)).toBe('0.03');
    expect(c.after.value.isZero()).toBe(true);
  });

  it('refuses to issue more than is on hand, or a quantity that is not whole and above 0', () => {
    expect(() => issueAtAverageCost({ onHand: 1, value: '1' }, 2)).toThrow(RangeError);
    expect(() => receiveAtCost({ onHand: 1, value: '1' }, 0, '1')).toThrow(RangeError);
    expect(() => issueAtAverageCost({ onHand: 5, value: '1' }, 1.5)).toThrow(RangeError);
  });

  it('keeps Σ receipts − Σ issues equal to the value on hand, never negative, over any sequence', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 99_999 })), { maxLength: 60 }), (steps) => {
        let state = { onHand: 0, value: money(0) };
        let received = money(0);
        let issued = money(0);
        for (const [receive, qty, cents] of steps) {
          if (receive || state.onHand === 0) {
            const r = receiveAtCost(state, qty, money(cents).div(100));
            received = received.plus(r.cost);
            state = r.after;
          } else {
            const i = issueAtAverageCost(state, Math.min(qty, state.onHand));
            issued = issued.plus(i.cost);
            state = i.after;
          }
          expect(state.value.isNeg()).toBe(false);
          expect(received.minus(issued).eq(state.value)).toBe(true);
          expect(state.value.decimalPlaces()).toBeLessThanOrEqual(2);
        }
      }),
    );
  });
});
