import { payBill, planPurchaseBill, supplierBillDates } from './supplier-bills';

describe('planPurchaseBill', () => {
  const lines = [
    { receivedQuantity: 4, billedQuantity: 1, unitCost: '2.50' },
    { receivedQuantity: 0, billedQuantity: 0, unitCost: '9.99' },
  ];

  it('bills received quantities at unit cost', () => {
    const r = planPurchaseBill(lines, [{ line: 0, quantity: 3 }]);
    expect(r.ok && [r.value.billed, r.value.amount.toFixed(2)]).toEqual([[3, 0], '7.50']);
  });

  it('refuses to bill more than was received and not yet billed', () => {
    expect(planPurchaseBill(lines, [{ line: 0, quantity: 4 }])).toMatchObject({ code: 'BAD_USER_INPUT', field: ['lines', '0', 'quantity'] });
    expect(planPurchaseBill(lines, [{ line: 1, quantity: 1 }])).toMatchObject({ code: 'BAD_USER_INPUT', field: ['lines', '0', 'quantity'] });
    expect(
      planPurchaseBill(lines, [
        { line: 0, quantity: 2 },
        { line: 0, quantity: 2 },
      ]),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: ['lines', '1', 'quantity'] });
    expect(planPurchaseBill(lines, [])).toMatchObject({ code: 'BAD_USER_INPUT', field: ['lines'] });
  });
});

describe('supplierBillDates', () => {
  it('is due after the supplier’s terms and never dated ahead', () => {
    expect(supplierBillDates('2026-01-31', '2026-02-10', 30)).toEqual({ ok: true, value: { billDate: '2026-01-31', dueDate: '2026-03-02' } });
    expect(supplierBillDates('2026-02-11', '2026-02-10', 30)).toMatchObject({ code: 'BAD_USER_INPUT', field: ['billDate'] });
  });
});

describe('payBill', () => {
  it('pays part, then the rest, and refuses an over-payment or a non-amount', () => {
    const part = payBill({ total: '100.00', amountPaid: '0' }, '40.00');
    expect(part.ok && [part.value.amountPaid.toFixed(2), part.value.balanceDue.toFixed(2), part.value.status]).toEqual(['40.00', '60.00', 'PARTIALLY_PAID']);
    const rest = payBill({ total: '100.00', amountPaid: '40.00' }, '60.00');
    expect(rest.ok && rest.value.status).toBe('PAID');
    expect(payBill({ total: '100.00', amountPaid: '40.00' }, '60.01')).toMatchObject({ code: 'BAD_USER_INPUT', field: ['amount'] });
    expect(payBill({ total: '100.00', amountPaid: '0' }, '0')).toMatchObject({ code: 'BAD_USER_INPUT', field: ['amount'] });
    expect(payBill({ total: '100.00', amountPaid: '0' }, '0.001')).toMatchObject({ code: 'BAD_USER_INPUT', field: ['amount'] });
  });
});
