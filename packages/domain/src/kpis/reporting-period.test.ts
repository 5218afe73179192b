import { checkReportingPeriod, daysInPeriod, isWithinPeriod } from './reporting-period';

it.each([
  ['2025-01-01', '2025-01-31', { ok: true, value: { from: '2025-01-01', to: '2025-01-31' } }],
  ['2025-01-01', '2025-01-01', { ok: true }],
  ['2025-02-01', '2025-01-31', { ok: false, code: 'BAD_USER_INPUT', field: ['to'] }],
  ['2025-02-30', '2025-03-31', { ok: false, code: 'BAD_USER_INPUT', field: ['from'] }],
  ['2025-01-01', '2025/03/31', { ok: false, code: 'BAD_USER_INPUT', field: ['to'] }],
])('the period %s..%s', (from, to, want) => expect(checkReportingPeriod(from, to)).toMatchObject(want));

it.each([
  ['2024-12-31', false],
  ['2025-01-01', true],
  ['2025-01-15', true],
  ['2025-01-31', true],
  ['2025-02-01', false],
])('%s is within January: %s', (date, want) => expect(isWithinPeriod(date, { from: '2025-01-01', to: '2025-01-31' })).toBe(want));

it.each([
  ['2025-01-01', '2025-01-31', 31],
  ['2025-01-01', '2025-03-31', 90],
  ['2024-01-01', '2024-12-31', 366],
  ['2025-05-05', '2025-05-05', 1],
])('%s..%s spans %d days', (from, to, days) => expect(daysInPeriod({ from, to })).toBe(days));

it('throws on a reversed period (a broken invariant)', () => expect(() => daysInPeriod({ from: '2025-02-01', to: '2025-01-01' })).toThrow(RangeError));
