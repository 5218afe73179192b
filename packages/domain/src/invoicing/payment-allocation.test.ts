import fc from 'fast-check';
import { addDays } from '../money/dates';
import { Decimal, formatMoney, sumMoney } from '../money/decimal';
import { allocatePayment, type OpenInvoice, type PaymentAllocationPlan } from './payment-allocation';

const invoices: OpenInvoice[] = [
  { id: 'new', dueDate: '2025-03-01', issueDate: '2025-02-01', balanceDue: '50.00' },
  { id: 'old', dueDate: '2025-02-01', issueDate: '2025-01-01', balanceDue: '30.00' },
  { id: 'same-due-later-issue', dueDate: '2025-03-01', issueDate: '2025-02-10', balanceDue: '20.00' },
  { id: 'paid', dueDate: '2025-01-01', issueDate: '2024-12-01', balanceDue: '0.00' },
];
const show = (p: PaymentAllocationPlan) => ({ allocations: p.allocations.map((a) => [a.invoiceId, formatMoney(a.amount)]), unapplied: formatMoney(p.unapplied) });

describe('allocatePayment without a list: oldest due date first', () => {
  it.each([
    ['pays part of the oldest when short', '20.00', [['old', '20.00']], '0.00'],
    [
      'pays the oldest in full, then the next',
      '40.00',
      [
        ['old', '30.00'],
        ['new', '10.00'],
      ],
      '0.00',
    ],
    [
      'breaks a due-date tie by issue date',
      '85.00',
      [
        ['old', '30.00'],
        ['new', '50.00'],
        ['same-due-later-issue', '5.00'],
      ],
      '0.00',
    ],
    [
      'leaves what is over unapplied',
      '120.00',
      [
        ['old', '30.00'],
        ['new', '50.00'],
        ['same-due-later-issue', '20.00'],
      ],
      '20.00',
    ],
    [
      'pays everything exactly',
      '100.00',
      [
        ['old', '30.00'],
        ['new', '50.00'],
        ['same-due-later-issue', '20.00'],
      ],
      '0.00',
    ],
    ['pays one cent', '0.01', [['old', '0.01']], '0.00'],
  ])('%s', (_what, amount, allocations, unapplied) => {
    const r = allocatePayment({ amount, invoices });
    if (!r.ok) throw new Error(r.message);
    expect(show(r.value)).toEqual({ allocations, unapplied });
  });

  it('leaves the whole payment unapplied when nothing is open', () => {
    const r = allocatePayment({ amount: '25.00', invoices: [] });
    expect(r.ok && show(r.value)).toEqual({ allocations: [], unapplied: '25.00' });
  });

  it('breaks a full tie by id', () => {
    const tied = [
      { id: 'b', dueDate: '2025-03-01', issueDate: '2025-02-01', balanceDue: '10.00' },
      { id: 'a', dueDate: '2025-03-01', issueDate: '2025-02-01', balanceDue: '10.00' },
    ];
    const r = allocatePayment({ amount: '15.00', invoices: tied });
    expect(r.ok && show(r.value).allocations).toEqual([
      ['a', '10.00'],
      ['b', '5.00'],
    ]);
  });
});

describe('allocatePayment to listed invoices', () => {
  it.each([
    ['one invoice in part', '60.00', [{ invoiceId: 'new', amount: '50.00' }], [['new', '50.00']], '10.00'],
    [
      'a newer invoice before an older one',
      '60.00',
      [
        { invoiceId: 'new', amount: '40.00' },
        { invoiceId: 'old', amount: '20.00' },
      ],
      [
        ['new', '40.00'],
        ['old', '20.00'],
      ],
      '0.00',
    ],
    [
      'the same invoice twice, up to its balance',
      '30.00',
      [
        { invoiceId: 'old', amount: '20.00' },
        { invoiceId: 'old', amount: '10.00' },
      ],
      [
        ['old', '20.00'],
        ['old', '10.00'],
      ],
      '0.00',
    ],
    ['an empty list, leaving it all unapplied', '30.00', [], [], '30.00'],
  ])('applies %s', (_what, amount, requested, allocations, unapplied) => {
    const r = allocatePayment({ amount, invoices, requested });
    if (!r.ok) throw new Error(r.message);
    expect(show(r.value)).toEqual({ allocations, unapplied });
  });

  it.each([
    ['a zero payment', { amount: '0.00' }, ['amount'], 'amount must be positive'],
    ['a negative payment', { amount: '-5.00' }, ['amount'], 'amount must be positive'],
    ['a payment received in the future', { amount: '1.00', receivedOn: '2025-03-02', today: '2025-03-01' }, ['receivedOn'], 'A payment cannot be received in the future.'],
    ['an invoice that is not open', { amount: '10.00', requested: [{ invoiceId: 'zzz', amount: '1.00' }] }, ['allocations', '0', 'invoiceId'], 'This invoice is not an open invoice of the customer.'],
    ['more than a balance', { amount: '100.00', requested: [{ invoiceId: 'old', amount: '30.01' }] }, ['allocations', '0', 'amount'], 'Only 30.00 is due on this invoice.'],
    ['anything on a paid invoice', { amount: '100.00', requested: [{ invoiceId: 'paid', amount: '0.01' }] }, ['allocations', '0', 'amount'], 'Only 0.00 is due on this invoice.'],
    [
      'more than a balance over two entries',
      {
        amount: '100.00',
        requested: [
          { invoiceId: 'old', amount: '20.00' },
          { invoiceId: 'old', amount: '20.00' },
        ],
      },
      ['allocations', '1', 'amount'],
      'Only 10.00 is due on this invoice.',
    ],
    [
      'more than the payment',
      {
        amount: '10.00',
        requested: [
          { invoiceId: 'old', amount: '10.00' },
          { invoiceId: 'new', amount: '0.01' },
        ],
      },
      ['allocations', '1', 'amount'],
      'The allocations add up to more than the payment.',
    ],
    ['a zero allocation', { amount: '10.00', requested: [{ invoiceId: 'old', amount: '0.00' }] }, ['allocations', '0', 'amount'], 'amount must be positive'],
    ['a negative allocation', { amount: '10.00', requested: [{ invoiceId: 'old', amount: '-1.00' }] }, ['allocations', '0', 'amount'], 'amount must be positive'],
  ])('refuses %s', (_what, p, field, message) => {
    expect(allocatePayment({ invoices, ...p })).toEqual({ ok: false, code: 'BAD_USER_INPUT', message, field });
  });

  it.each([
    ['received today', '2025-03-01'],
    ['received in the past', '2025-01-01'],
  ])('accepts a payment %s', (_what, receivedOn) => {
    expect(allocatePayment({ amount: '1.00', receivedOn, today: '2025-03-01', invoices }).ok).toBe(true);
  });

  it('leaves the invoices it is given unchanged', () => {
    const before = structuredClone(invoices);
    allocatePayment({ amount: '100.00', invoices });
    allocatePayment({ amount: '100.00', invoices, requested: [{ invoiceId: 'old', amount: '30.00' }] });
    expect(invoices).toEqual(before);
  });
});

describe('allocatePayment (property)', () => {
  const openInvoices = fc
    .array(fc.record({ balanceCents: fc.integer({ min: 0, max: 1_000_000 }), dueIn: fc.integer({ min: -120, max: 60 }), issuedBefore: fc.integer({ min: 0, max: 60 }) }), { maxLength: 15 })
    .map((xs) =>
      xs.map((x, i) => {
        const due = addDays('2025-06-30', x.dueIn);
        return { id: `i${String(i).padStart(2, '0')}`, dueDate: due, issueDate: addDays(due, -x.issuedBefore), balanceDue: new Decimal(x.balanceCents).div(100) };
      }),
    );
  const amounts = fc.integer({ min: 1, max: 10_000_000 }).map((c) => new Decimal(c).div(100));

  const checkPlan = (amount: Decimal, open: OpenInvoice[], plan: PaymentAllocationPlan) => {
    expect(
      sumMoney(plan.allocations.map((a) => a.amount))
        .plus(plan.unapplied)
        .eq(amount),
    ).toBe(true);
    expect(plan.unapplied.gte(0)).toBe(true);
    for (const inv of open) {
      const applied = sumMoney(plan.allocations.filter((a) => a.invoiceId === inv.id).map((a) => a.amount));
      expect(applied.lte(inv.balanceDue)).toBe(true);
    }
    expect(plan.allocations.every((a) => a.amount.gt(0))).toBe(true);
  };

  it('without a list: allocations + unapplied = amount, never over a balance, oldest due first, unapplied only once all is paid', () => {
    fc.assert(
      fc.property(amounts, openInvoices, (amount, open) => {
        const r = allocatePayment({ amount, invoices: open });
        if (!r.ok) throw new Error(r.message);
        checkPlan(amount, open, r.value);
        const dues = r.value.allocations.map((a) => open.find((o) => o.id === a.invoiceId)!.dueDate);
        expect(dues).toEqual([...dues].sort());
        // every invoice but the last one paid is paid in full
        r.value.allocations.slice(0, -1).forEach((a) => expect(a.amount.eq(open.find((o) => o.id === a.invoiceId)!.balanceDue)).toBe(true));
        if (r.value.unapplied.gt(0)) expect(sumMoney(r.value.allocations.map((a) => a.amount)).eq(sumMoney(open.map((o) => o.balanceDue)))).toBe(true);
      }),
    );
  });

  it('with a list: accepted plans keep allocations + unapplied = amount and never exceed a balance', () => {
    fc.assert(
      fc.property(amounts, openInvoices, fc.array(fc.record({ pick: fc.nat(), cents: fc.integer({ min: -100, max: 1_000_000 }) }), { maxLength: 8 }), (amount, open, picks) => {
        fc.pre(open.length > 0);
        const requested = picks.map((p) => ({ invoiceId: open[p.pick % open.length].id, amount: new Decimal(p.cents).div(100) }));
        const r = allocatePayment({ amount, invoices: open, requested });
        if (!r.ok) {
          expect(r.code).toBe('BAD_USER_INPUT');
          expect(r.field?.[0]).toBe('allocations');
          return;
        }
        checkPlan(amount, open, r.value);
        expect(r.value.allocations.map((a) => [a.invoiceId, a.amount.toString()])).toEqual(requested.map((q) => [q.invoiceId, q.amount.toString()]));
      }),
    );
  });
});

describe('payment dates against invoice dates', () => {
  const open = [
    { id: 'early', dueDate: '2025-02-01', issueDate: '2025-01-01', balanceDue: '30.00' },
    { id: 'late', dueDate: '2025-03-15', issueDate: '2025-02-15', balanceDue: '50.00' },
  ];
  it('refuses applying a payment to an invoice issued after it was received', () => {
    expect(allocatePayment({ amount: '10.00', receivedOn: '2025-02-01', today: '2025-03-01', invoices: open, requested: [{ invoiceId: 'late', amount: '10.00' }] })).toMatchObject({
      ok: false,
      code: 'BAD_USER_INPUT',
      field: ['allocations', '0', 'invoiceId'],
      message: 'This invoice was issued on 2025-02-15, after the payment was received.',
    });
  });
  it('leaves invoices issued after the payment alone when it applies by itself', () => {
    const r = allocatePayment({ amount: '100.00', receivedOn: '2025-02-01', today: '2025-03-01', invoices: open });
    expect(r.ok && r.value.allocations.map((a) => [a.invoiceId, a.amount.toFixed(2)])).toEqual([['early', '30.00']]);
    expect(r.ok && r.value.unapplied.toFixed(2)).toBe('70.00');
  });
  it('refuses a payment dated further back than the back-dating window', () => {
    expect(allocatePayment({ amount: '1.00', receivedOn: '2024-01-01', today: '2025-03-01', invoices: open })).toMatchObject({ ok: false, field: ['receivedOn'] });
    expect(allocatePayment({ amount: '1.00', receivedOn: '2025-02-20', today: '2025-03-01', invoices: open, backdatingDays: 5 })).toMatchObject({ ok: false, field: ['receivedOn'] });
  });
});
