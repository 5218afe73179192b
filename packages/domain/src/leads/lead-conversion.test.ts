import { LEAD_TRANSITIONS, planLeadConversion, transitionLead, type LeadStatus } from './lead-conversion';

const lead = { status: 'QUALIFIED' as LeadStatus, name: 'Ada Mary Lovelace', company: 'Analytical Engines', email: 'ada@ae.example', ownerId: 'rep' };

it('converts a lead into a customer, a contact and an opportunity', () => {
  expect(planLeadConversion(lead, { amount: '5000.00' })).toEqual({
    ok: true,
    value: {
      customer: { name: 'Analytical Engines', email: 'ada@ae.example', phone: null, ownerId: 'rep' },
      contact: { firstName: 'Ada', lastName: 'Mary Lovelace', email: 'ada@ae.example', phone: null },
      opportunity: { name: 'Analytical Engines opportunity', amount: '5000.00', stage: 'QUALIFICATION', ownerId: 'rep' },
    },
  });
});

it('names the customer after the person without a company, and skips the opportunity unless asked', () => {
  const r = planLeadConversion({ ...lead, status: 'NEW', company: null, name: 'Cher' });
  expect(r.ok && r.value).toMatchObject({ customer: { name: 'Cher' }, contact: { firstName: 'Cher', lastName: '-' }, opportunity: null });
  const o = planLeadConversion({ ...lead, status: 'CONTACTED' }, { name: 'Pilot', amount: '1.00' });
  expect(o.ok && o.value.opportunity).toMatchObject({ name: 'Pilot', stage: 'PROSPECTING' });
});

it.each(['CONVERTED', 'DISQUALIFIED'] as const)('refuses to convert a %s lead', (status) => {
  expect(planLeadConversion({ ...lead, status })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
});

it.each((Object.keys(LEAD_TRANSITIONS) as LeadStatus[]).flatMap((from) => (Object.keys(LEAD_TRANSITIONS) as LeadStatus[]).map((to) => [from, to] as const)))('%s → %s follows the table', (from, to) => {
  expect(transitionLead(from, to).ok).toBe(LEAD_TRANSITIONS[from].includes(to));
});
