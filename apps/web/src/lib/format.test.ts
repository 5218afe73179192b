import { CREDIT_BADGES, formatDate, formatDateTime, formatMoney, formatRatio, todayUtc } from './format';

describe('formatMoney: the API’s exact decimal strings, grouped, never through a float', () => {
  it.each([
    ['0.00', '0.00'],
    ['5.5', '5.50'],
    ['1250.00', '1,250.00'],
    ['1234567.89', '1,234,567.89'],
    ['-1234.50', '-1,234.50'],
    ['-0.00', '0.00'],
    ['999999999999.99', '999,999,999,999.99'],
    // 0.1 + 0.2 would show a float's error; a string cannot have one.
    ['0.30', '0.30'],
    ['12.3456', '12.3456'],
  ])('%s → %s', (input, shown) => {
    expect(formatMoney(input)).toBe(shown);
  });

  it('shows a dash for no value and leaves anything unexpected as it came', () => {
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney(undefined)).toBe('—');
    expect(formatMoney('n/a')).toBe('n/a');
  });
});

describe('formatRatio: a ratio as a percentage by moving the decimal point', () => {
  it.each([
    ['0.8125', '81.25 %'],
    ['1', '100 %'],
    ['1.5', '150 %'],
    ['0.05', '5 %'],
    ['0.0001', '0.01 %'],
    ['0', '0 %'],
    ['-0.25', '-25 %'],
  ])('%s → %s', (input, shown) => {
    expect(formatRatio(input)).toBe(shown);
  });

  it('shows a dash when there is no ratio (no positive limit)', () => {
    expect(formatRatio(null)).toBe('—');
  });
});

describe('dates', () => {
  it('formats a calendar date without a time zone able to shift it', () => {
    expect(formatDate('2026-01-01')).toBe('1 Jan 2026');
    expect(formatDate('2026-12-31')).toBe('31 Dec 2026');
    expect(formatDate(null)).toBe('—');
  });

  it('shows an instant in UTC, like the API', () => {
    expect(formatDateTime('2026-11-23T23:59:30.000Z')).toBe('23 Nov 2026 23:59 UTC');
    expect(formatDateTime('2026-11-24T01:30:00+02:00')).toBe('23 Nov 2026 23:30 UTC');
  });

  it('takes today in UTC, the API’s calendar', () => {
    expect(todayUtc(new Date('2026-11-23T23:30:00-05:00'))).toBe('2026-11-24');
  });
});

describe('credit badges show the API’s status, with words', () => {
  it('has a label for every status the API sends, and no rule of its own', () => {
    expect(Object.keys(CREDIT_BADGES).sort()).toEqual(['OK', 'ON_HOLD', 'OVER_LIMIT', 'WARNING']);
    for (const b of Object.values(CREDIT_BADGES)) expect(b.label).toMatch(/\w/);
  });
});
