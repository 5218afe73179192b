import fc from 'fast-check';
import { deriveOrderStatus, mergeByProduct, ORDER_TRANSITIONS, planCancellation, planShipment, transitionOrder, type OrderEvent, type OrderLineQuantities, type OrderStatus } from './order-lifecycle';

const line = (id: string, productId: string, quantity: number, shippedQuantity = 0, invoicedQuantity = 0): OrderLineQuantities => ({ id, productId, quantity, shippedQuantity, invoicedQuantity });

const STATUSES: OrderStatus[] = ['DRAFT', 'CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'INVOICED', 'CANCELLED'];
const EVENTS: OrderEvent[] = ['CONFIRM', 'SHIP', 'INVOICE', 'CANCEL'];

describe('transitionOrder', () => {
  /** The contract's lifecycle, written out once more: every move not listed is INVALID_TRANSITION. */
  const allowed: Record<string, OrderStatus | 'DERIVED'> = {
    'DRAFT CONFIRM': 'CONFIRMED',
    'DRAFT CANCEL': 'CANCELLED',
    'CONFIRMED SHIP': 'DERIVED',
    'CONFIRMED CANCEL': 'CANCELLED',
    'PARTIALLY_SHIPPED SHIP': 'DERIVED',
    'PARTIALLY_SHIPPED INVOICE': 'DERIVED',
    'SHIPPED INVOICE': 'DERIVED',
  };

  it('declares every status', () => expect(Object.keys(ORDER_TRANSITIONS).sort()).toEqual([...STATUSES].sort()));

  it.each(STATUSES.flatMap((s) => EVENTS.map((e) => [s, e, allowed[`${s} ${e}`] ?? null] as const)))('%s + %s → %s', (status, event, want) => {
    const r = transitionOrder(status, event);
    if (want) expect(r).toEqual({ ok: true, value: want });
    else expect(r).toEqual({ ok: false, code: 'INVALID_TRANSITION', message: `An order that is ${status} cannot ${event.toLowerCase()}.` });
  });

  it.each(['INVOICED', 'CANCELLED'] as const)('leaves %s final', (status) => {
    expect(EVENTS.filter((e) => transitionOrder(status, e).ok)).toEqual([]);
  });
});

describe('deriveOrderStatus', () => {
  it.each([
    ['nothing shipped', [line('a', 'p', 2)], 'CONFIRMED'],
    ['nothing shipped on two lines', [line('a', 'p', 2), line('b', 'q', 1)], 'CONFIRMED'],
    ['part of a line shipped', [line('a', 'p', 2, 1)], 'PARTIALLY_SHIPPED'],
    ['one of two lines shipped', [line('a', 'p', 2, 2), line('b', 'q', 1)], 'PARTIALLY_SHIPPED'],
    ['one line shipped and invoiced, one not shipped', [line('a', 'p', 2, 2, 2), line('b', 'q', 1)], 'PARTIALLY_SHIPPED'],
    ['every line shipped', [line('a', 'p', 2, 2), line('b', 'q', 1, 1)], 'SHIPPED'],
    ['every line shipped, one invoiced', [line('a', 'p', 2, 2, 2), line('b', 'q', 1, 1)], 'SHIPPED'],
    ['every line shipped, part invoiced', [line('a', 'p', 2, 2, 1)], 'SHIPPED'],
    ['every line shipped and invoiced', [line('a', 'p', 2, 2, 2), line('b', 'q', 1, 1, 1)], 'INVOICED'],
  ])('%s → %s', (_what, lines, status) => expect(deriveOrderStatus(lines)).toBe(status));
});

describe('planCancellation', () => {
  it('releases what a confirmed order reserved, merged by product', () => {
    expect(planCancellation({ status: 'CONFIRMED', lines: [line('a', 'p', 2), line('b', 'p', 3), line('c', 'q', 1)] })).toEqual({
      ok: true,
      value: {
        status: 'CANCELLED',
        release: [
          { productId: 'p', quantity: 5 },
          { productId: 'q', quantity: 1 },
        ],
      },
    });
  });

  it('releases nothing for a draft, which holds no reservation', () => {
    expect(planCancellation({ status: 'DRAFT', lines: [line('a', 'p', 2)] })).toEqual({ ok: true, value: { status: 'CANCELLED', release: [] } });
  });

  it.each([
    ['PARTIALLY_SHIPPED', [line('a', 'p', 2, 1)], /PARTIALLY_SHIPPED cannot cancel/],
    ['SHIPPED', [line('a', 'p', 2, 2)], /SHIPPED cannot cancel/],
    ['INVOICED', [line('a', 'p', 2, 2, 2)], /INVOICED cannot cancel/],
    ['CANCELLED', [line('a', 'p', 2)], /CANCELLED cannot cancel/],
    ['CONFIRMED', [line('a', 'p', 2), line('b', 'q', 3, 1)], /has shipped/], // a confirmed order with a shipment on record
  ] as const)('refuses from %s', (status, lines, message) => {
    const r = planCancellation({ status, lines });
    expect(r).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    expect(!r.ok && r.message).toMatch(message);
  });
});

describe('planShipment', () => {
  const lines = [line('a', 'p', 2), line('b', 'p', 3, 1), line('c', 'q', 1)];
  const order = (requested: { productId: string; quantity: number }[] | null, status: OrderStatus = 'CONFIRMED') => ({ status, requested, lines });

  it.each([
    [
      'everything remaining without a list',
      null,
      'SHIPPED',
      [
        { lineId: 'a', productId: 'p', quantity: 2 },
        { lineId: 'b', productId: 'p', quantity: 2 },
        { lineId: 'c', productId: 'q', quantity: 1 },
      ],
    ],
    [
      'a product filled line by line',
      [{ productId: 'p', quantity: 3 }],
      'PARTIALLY_SHIPPED',
      [
        { lineId: 'a', productId: 'p', quantity: 2 },
        { lineId: 'b', productId: 'p', quantity: 1 },
      ],
    ],
    ['part of one line', [{ productId: 'q', quantity: 1 }], 'PARTIALLY_SHIPPED', [{ lineId: 'c', productId: 'q', quantity: 1 }]],
    [
      'the same product listed twice, continuing where the first left off',
      [
        { productId: 'p', quantity: 1 },
        { productId: 'p', quantity: 3 },
      ],
      'PARTIALLY_SHIPPED',
      [
        { lineId: 'a', productId: 'p', quantity: 1 },
        { lineId: 'a', productId: 'p', quantity: 1 },
        { lineId: 'b', productId: 'p', quantity: 2 },
      ],
    ],
    [
      'every remaining unit listed',
      [
        { productId: 'q', quantity: 1 },
        { productId: 'p', quantity: 4 },
      ],
      'SHIPPED',
      [
        { lineId: 'c', productId: 'q', quantity: 1 },
        { lineId: 'a', productId: 'p', quantity: 2 },
        { lineId: 'b', productId: 'p', quantity: 2 },
      ],
    ],
  ])('ships %s', (_what, requested, status, shipments) => {
    expect(planShipment(order(requested))).toEqual({ ok: true, value: { status, shipments } });
  });

  it('skips a line already shipped in full', () => {
    const r = planShipment({ status: 'PARTIALLY_SHIPPED', requested: [{ productId: 'p', quantity: 1 }], lines: [line('a', 'p', 2, 2), line('b', 'p', 1)] });
    expect(r).toEqual({ ok: true, value: { status: 'SHIPPED', shipments: [{ lineId: 'b', productId: 'p', quantity: 1 }] } });
  });

  it('ships the rest of a partly shipped order', () => {
    const r = planShipment({ status: 'PARTIALLY_SHIPPED', requested: null, lines: [line('a', 'p', 2, 2, 2), line('b', 'q', 3, 1)] });
    expect(r).toEqual({ ok: true, value: { status: 'SHIPPED', shipments: [{ lineId: 'b', productId: 'q', quantity: 2 }] } });
  });

  it.each([
    ['more than remains', [{ productId: 'p', quantity: 5 }], ['lines', '0', 'quantity'], /Only 4 of this product remain/],
    [
      'more than remains, on the second entry',
      [
        { productId: 'q', quantity: 1 },
        { productId: 'q', quantity: 1 },
      ],
      ['lines', '1', 'quantity'],
      /Only 0 of this product remain/,
    ],
    ['a product not on the order', [{ productId: 'zzz', quantity: 1 }], ['lines', '0', 'productId'], /not on the order/],
    ['a zero quantity', [{ productId: 'q', quantity: 0 }], ['lines', '0', 'quantity'], /positive whole number/],
    ['a negative quantity', [{ productId: 'q', quantity: -1 }], ['lines', '0', 'quantity'], /positive whole number/],
    ['a fractional quantity', [{ productId: 'q', quantity: 0.5 }], ['lines', '0', 'quantity'], /positive whole number/],
  ])('refuses %s with BAD_USER_INPUT at its field path', (_what, requested, field, message) => {
    const r = planShipment(order(requested));
    expect(r).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field });
    expect(!r.ok && r.message).toMatch(message);
  });

  it.each(['DRAFT', 'SHIPPED', 'INVOICED', 'CANCELLED'] as const)('refuses to ship a %s order', (status) => {
    expect(planShipment(order(null, status))).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });

  it.each([
    ['without a list', null],
    ['with an empty list', []],
  ])('refuses when nothing would ship (%s)', (_what, requested) => {
    expect(planShipment({ status: 'PARTIALLY_SHIPPED', requested, lines: [line('a', 'p', 1, 1)] })).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
      message: expect.stringMatching(/Nothing remains/),
    });
  });

  it('never ships more than remains on a line, and ships everything without a list (property)', () => {
    const orderLines = fc
      .array(fc.record({ productId: fc.constantFrom('p', 'q', 'r'), quantity: fc.integer({ min: 1, max: 10 }), shippedShare: fc.integer({ min: 0, max: 10 }) }), { minLength: 1, maxLength: 6 })
      .map((ls) => ls.map((l, i) => line(`l${i}`, l.productId, l.quantity, Math.min(l.quantity, l.shippedShare))));
    const requests = fc.option(fc.array(fc.record({ productId: fc.constantFrom('p', 'q', 'r'), quantity: fc.integer({ min: 1, max: 8 }) }), { maxLength: 4 }));
    fc.assert(
      fc.property(orderLines, requests, (ls, requested) => {
        const status = deriveOrderStatus(ls);
        fc.pre(status === 'CONFIRMED' || status === 'PARTIALLY_SHIPPED');
        const r = planShipment({ status, lines: ls, requested });
        if (!r.ok) return;
        for (const l of ls) {
          const shipped = r.value.shipments.filter((s) => s.lineId === l.id).reduce((n, s) => n + s.quantity, 0);
          expect(l.shippedQuantity + shipped).toBeLessThanOrEqual(l.quantity);
          if (requested === null) expect(l.shippedQuantity + shipped).toBe(l.quantity);
        }
        if (requested !== null) {
          expect(mergeByProduct(r.value.shipments)).toEqual(expect.arrayContaining(mergeByProduct(requested)));
        }
        expect(r.value.shipments.every((s) => s.quantity > 0)).toBe(true);
        expect(['PARTIALLY_SHIPPED', 'SHIPPED']).toContain(r.value.status);
      }),
    );
  });
});

describe('mergeByProduct', () => {
  it.each([
    [[], []],
    [[{ productId: 'a', quantity: 1 }], [{ productId: 'a', quantity: 1 }]],
    [
      [
        { productId: 'a', quantity: 1 },
        { productId: 'b', quantity: 2 },
        { productId: 'a', quantity: 3 },
      ],
      [
        { productId: 'a', quantity: 4 },
        { productId: 'b', quantity: 2 },
      ],
    ],
  ])('merges %j into %j, in order of first appearance', (lines, want) => {
    expect(mergeByProduct(lines)).toEqual(want);
  });
});
