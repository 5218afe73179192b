import fc from 'fast-check';
import { Decimal } from '../money';
import { planLeadConversion, type LeadToConvert } from './lead-conversion';

const lead: LeadToConvert = { status: 'QUALIFIED', name: ' Ada  Mary Lovelace ', company: 'Analytical Engines', email: 'ada@ae.example', ownerId: 'rep' };

it('converts a lead into a customer, a contact and an opportunity', () => {
  expect(planLeadConversion(lead, { amount: '5000' })).toEqual({
    ok: true,
    value: {
      status: 'CONVERTED',
      customer: { name: 'Analytical Engines', email: 'ada@ae.example', phone: null, ownerId: 'rep' },
      contact: { firstName: 'Ada', lastName: 'Mary Lovelace', email: 'ada@ae.example', phone: null },
      opportunity: { name: 'Analytical Engines opportunity', amount: '5000.00', stage: 'QUALIFICATION', ownerId: 'rep' },
    },
  });
});

it.each([
  [{ status: 'NEW', company: null, name: 'Cher', phone: ' +33 1 ' }, undefined, { customer: { name: 'Cher', phone: '+33 1' }, contact: { firstName: 'Cher', lastName: '' }, opportunity: null }],
  [{ status: 'NEW', company: '  ' }, null, { customer: { name: 'Ada Mary Lovelace' }, opportunity: null }],
  [
    { status: 'CONTACTED', email: '' },
    { name: ' Pilot ', amount: new Decimal('1.5') },
    { customer: { email: null }, opportunity: { name: 'Pilot', amount: '1.50', stage: 'PROSPECTING' } },
  ],
  [{ status: 'NEW' }, { name: null, amount: 0 }, { opportunity: { name: 'Analytical Engines opportunity', amount: '0.00', stage: 'PROSPECTING' } }],
] as const)('converts %j with opportunity %j', (over, opportunity, want) => {
  const r = planLeadConversion({ ...lead, ...over }, opportunity);
  expect(r).toMatchObject({ ok: true, value: want });
});

it.each(['CONVERTED', 'DISQUALIFIED'] as const)('refuses to convert a %s lead', (status) => {
  expect(planLeadConversion({ ...lead, status }, { amount: '1.00' })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
});

it.each(['-1.00', '1.005', '1e3', 'abc', ''])('refuses an opportunity amount of %j', (amount) => {
  expect(planLeadConversion(lead, { amount })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: ['opportunity', 'amount'] });
});

it('refuses a negative Decimal amount too', () => {
  expect(planLeadConversion(lead, { amount: new Decimal('-0.01') })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
});

it('throws on a lead without a name (a broken invariant)', () => {
  expect(() => planLeadConversion({ ...lead, name: '   ' })).toThrow(/no name/);
});

it('splits any name into a contact whose full name is the lead name (property)', () => {
  const word = fc.stringMatching(/^[A-Za-zÀ-ÿ'-]{1,12}$/);
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), fc.constantFrom(' ', '  ', '\t'), (words, gap) => {
      const r = planLeadConversion({ ...lead, company: null, name: gap + words.join(gap) + gap });
      if (!r.ok) throw new Error(r.message);
      const { firstName, lastName } = r.value.contact;
      expect([firstName, lastName].filter(Boolean).join(' ')).toBe(words.join(' '));
      expect(r.value.customer.name).toBe(words.join(' '));
    }),
  );
});
