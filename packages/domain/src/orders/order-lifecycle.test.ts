import { deriveOrderStatus, mergeByProduct, ORDER_TRANSITIONS, planCancellation, planShipment, transitionOrder, type OrderLineQuantities, type OrderStatus } from './order-lifecycle';

const line = (id: string, productId: string, quantity: number, shippedQuantity = 0, invoicedQuantity = 0): OrderLineQuantities => ({ id, productId, quantity, shippedQuantity, invoicedQuantity });

describe('the transition table', () => {
  const statuses = Object.keys(ORDER_TRANSITIONS) as OrderStatus[];
  const allowed: Record<string, string> = { 'DRAFT CONFIRM': 'CONFIRMED', 'DRAFT CANCEL': 'CANCELLED', 'CONFIRMED CANCEL': 'CANCELLED' };
  it.each(statuses.flatMap((s) => (['CONFIRM', 'CANCEL'] as const).map((e) => [s, e] as const)))('%s + %s', (status, event) => {
    const r = transitionOrder(status, event);
    const want = allowed[`${status} ${event}`];
    if (want) expect(r).toEqual({ ok: true, value: want });
    else expect(r).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });

  it('leaves INVOICED and CANCELLED final', () => {
    for (const e of ['CONFIRM', 'SHIP', 'INVOICE', 'CANCEL'] as const) {
      expect(transitionOrder('INVOICED', e).ok).toBe(false);
      expect(transitionOrder('CANCELLED', e).ok).toBe(false);
    }
  });
});

describe('deriveOrderStatus', () => {
  it.each([
    [[line('a', 'p', 2)], 'CONFIRMED'],
    [[line('a', 'p', 2, 1)], 'PARTIALLY_SHIPPED'],
    [[line('a', 'p', 2, 2), line('b', 'q', 1)], 'PARTIALLY_SHIPPED'],
    [[line('a', 'p', 2, 2), line('b', 'q', 1, 1)], 'SHIPPED'],
    [[line('a', 'p', 2, 2, 2), line('b', 'q', 1, 1)], 'SHIPPED'],
    [[line('a', 'p', 2, 2, 2), line('b', 'q', 1, 1, 1)], 'INVOICED'],
  ])('%j → %s', (lines, status) => expect(deriveOrderStatus(lines)).toBe(status));
});

describe('planCancellation', () => {
  it('releases what a confirmed order reserved, merged by product', () => {
    expect(planCancellation({ status: 'CONFIRMED', lines: [line('a', 'p', 2), line('b', 'p', 3), line('c', 'q', 1)] })).toEqual({
      ok: true, value: { status: 'CANCELLED', release: [{ productId: 'p', quantity: 5 }, { productId: 'q', quantity: 1 }] },
    });
  });
  it('releases nothing for a draft', () => {
    expect(planCancellation({ status: 'DRAFT', lines: [line('a', 'p', 2)] })).toEqual({ ok: true, value: { status: 'CANCELLED', release: [] } });
  });
  it.each(['PARTIALLY_SHIPPED', 'SHIPPED', 'INVOICED', 'CANCELLED'] as const)('refuses from %s', (status) => {
    expect(planCancellation({ status, lines: [line('a', 'p', 2, 1)] })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });
});

describe('planShipment', () => {
  const order = (requested: { productId: string; quantity: number }[] | null, status: OrderStatus = 'CONFIRMED') => ({
    status, requested, lines: [line('a', 'p', 2), line('b', 'p', 3, 1), line('c', 'q', 1)],
  });

  it('ships everything remaining without a list', () => {
    expect(planShipment(order(null))).toEqual({
      ok: true,
      value: { status: 'SHIPPED', shipments: [{ lineId: 'a', productId: 'p', quantity: 2 }, { lineId: 'b', productId: 'p', quantity: 2 }, { lineId: 'c', productId: 'q', quantity: 1 }] },
    });
  });

  it('fills a product line by line and derives a partial status', () => {
    expect(planShipment(order([{ productId: 'p', quantity: 3 }]))).toEqual({
      ok: true, value: { status: 'PARTIALLY_SHIPPED', shipments: [{ lineId: 'a', productId: 'p', quantity: 2 }, { lineId: 'b', productId: 'p', quantity: 1 }] },
    });
  });

  it.each([
    [[{ productId: 'p', quantity: 5 }], ['lines', '0', 'quantity']],
    [[{ productId: 'zzz', quantity: 1 }], ['lines', '0', 'productId']],
    [[{ productId: 'q', quantity: 0 }], ['lines', '0', 'quantity']],
  ])('refuses %j', (requested, field) => {
    expect(planShipment(order(requested))).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field });
  });

  it.each(['DRAFT', 'SHIPPED', 'INVOICED', 'CANCELLED'] as const)('refuses to ship a %s order', (status) => {
    expect(planShipment(order(null, status))).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });

  it('refuses when nothing remains', () => {
    expect(planShipment({ status: 'PARTIALLY_SHIPPED', requested: null, lines: [line('a', 'p', 1, 1)] })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });
});

it('merges quantities by product', () => {
  expect(mergeByProduct([{ productId: 'a', quantity: 1 }, { productId: 'b', quantity: 2 }, { productId: 'a', quantity: 3 }])).toEqual([
    { productId: 'a', quantity: 4 }, { productId: 'b', quantity: 2 },
  ]);
});
