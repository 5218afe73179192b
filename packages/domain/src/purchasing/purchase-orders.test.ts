import { planPurchaseReceipt, pricePurchaseOrder } from './purchase-orders';

describe('pricePurchaseOrder', () => {
  it('prices each line at unit cost, rounded per line, and totals them', () => {
    const p = pricePurchaseOrder([
      { quantity: 3, unitCost: '1.005' },
      { quantity: 2, unitCost: '10.00' },
    ]);
    expect(p.ok).toBe(false); // a fraction of a cent is refused
    const q = pricePurchaseOrder([
      { quantity: 3, unitCost: '0.33' },
      { quantity: 2, unitCost: '10.00' },
    ]);
    expect(q.ok && [q.value.lineTotals.map((t) => t.toFixed(2)), q.value.total.toFixed(2)]).toEqual([['0.99', '20.00'], '20.99']);
  });

  it.each([
    [[], ['lines']],
    [[{ quantity: 0, unitCost: '1.00' }], ['lines', '0', 'quantity']],
    [[{ quantity: 1.5, unitCost: '1.00' }], ['lines', '0', 'quantity']],
    [[{ quantity: 1, unitCost: '-1.00' }], ['lines', '0', 'unitCost']],
  ])('refuses %j at %j', (lines, field) => {
    const r = pricePurchaseOrder(lines);
    expect(r).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field });
  });
});

describe('planPurchaseReceipt', () => {
  const order = {
    status: 'OPEN' as const,
    lines: [
      { quantity: 5, receivedQuantity: 0 },
      { quantity: 2, receivedQuantity: 2 },
    ],
  };

  it('receives everything outstanding by default', () => {
    expect(planPurchaseReceipt(order)).toEqual({ ok: true, value: { received: [5, 0], status: 'RECEIVED' } });
  });

  it('receives part of a line and stays partially received', () => {
    expect(planPurchaseReceipt(order, [{ line: 0, quantity: 3 }])).toEqual({ ok: true, value: { received: [3, 0], status: 'PARTIALLY_RECEIVED' } });
  });

  it('refuses more than is outstanding, nothing at all, unknown lines, and a received order', () => {
    expect(planPurchaseReceipt(order, [{ line: 0, quantity: 6 }])).toMatchObject({ code: 'BAD_USER_INPUT', field: ['lines', '0', 'quantity'] });
    expect(planPurchaseReceipt(order, [{ line: 1, quantity: 1 }])).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(planPurchaseReceipt(order, [{ line: 7, quantity: 1 }])).toMatchObject({ code: 'BAD_USER_INPUT', field: ['lines', '0', 'productId'] });
    expect(planPurchaseReceipt({ ...order, status: 'RECEIVED' })).toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});
