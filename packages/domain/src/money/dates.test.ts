import fc from 'fast-check';
import { addDays, daysBetween, formatIsoDate, isIsoDate, parseBusinessDate, parseIsoDate } from './dates';

/** Any calendar date in years 0001–9998. */
const isoDate = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9998-12-31T00:00:00Z'), noInvalidDate: true }).map(formatIsoDate);

describe('parseIsoDate', () => {
  it.each([
    '2024-02-29', // leap year
    '2000-02-29', // divisible by 400
    '2025-12-31',
    '2025-01-01',
    '2025-04-30',
    '1970-01-01',
    '0001-01-01', // years 0–99 are not 1900–1999
    '0099-12-31',
    '9999-12-31',
  ])('accepts %s', (d) => expect(parseIsoDate(d)).toEqual({ ok: true, value: d }));

  it.each([
    ['2025-02-30', /not a calendar date/],
    ['2025-02-29', /not a calendar date/],
    ['2023-02-29', /not a calendar date/],
    ['1900-02-29', /not a calendar date/], // divisible by 100, not by 400
    ['2025-04-31', /not a calendar date/],
    ['2025-13-01', /not a calendar date/],
    ['2025-00-10', /not a calendar date/],
    ['2025-01-00', /not a calendar date/],
    ['2025-01-32', /not a calendar date/],
    ['2025-1-1', /YYYY-MM-DD/],
    ['20250101', /YYYY-MM-DD/],
    ['2025/01/01', /YYYY-MM-DD/],
    ['2025-01-01T00:00:00Z', /YYYY-MM-DD/],
    [' 2025-01-01', /YYYY-MM-DD/],
    ['+02025-01-01', /YYYY-MM-DD/],
    ['', /YYYY-MM-DD/],
  ])('refuses %j', (d, message) => {
    const r = parseIsoDate(d);
    expect(r).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(!r.ok && r.message).toMatch(message);
  });

  it('accepts exactly the dates it writes (property)', () => {
    fc.assert(fc.property(isoDate, (d) => expect(parseIsoDate(d)).toEqual({ ok: true, value: d })));
  });

  it.each([
    ['2024-02-29', true],
    ['0001-01-01', true],
    ['2025-02-30', false],
    ['2025-1-1', false],
    [20250101, false],
  ])('isIsoDate(%j) is %s', (text, want) => expect(isIsoDate(text as string)).toBe(want));
});

describe('addDays and daysBetween', () => {
  it.each([
    ['2025-01-31', 30, '2025-03-02'],
    ['2024-01-31', 30, '2024-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2025-06-30', 0, '2025-06-30'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2025-03-30', 1, '2025-03-31'], // a European DST change does not matter in UTC
    ['0001-01-01', 1, '0001-01-02'],
    ['9999-12-30', 1, '9999-12-31'],
  ])('%s + %d days = %s', (d, n, want) => {
    expect(addDays(d, n)).toBe(want);
    expect(daysBetween(d, want)).toBe(n);
    expect(daysBetween(want, d)).toBe(0 - n);
  });

  it.each([
    ['a date that does not exist', () => addDays('2025-02-30', 1), /not an ISO date/],
    ['a fraction of a day', () => addDays('2025-01-01', 1.5), /whole number of days/],
    ['NaN days', () => addDays('2025-01-01', Number.NaN), /whole number of days/],
    ['past year 9999', () => addDays('9999-12-31', 1), /outside years 0000–9999/],
    ['before year 0000', () => addDays('0000-01-01', -1), /outside years 0000–9999/],
    ['far beyond any calendar', () => addDays('2025-01-01', 1e12), RangeError],
    ['daysBetween with a bad date', () => daysBetween('2025-01-01', '2025-13-01'), /not an ISO date/],
  ] as const)('throws on %s (a broken invariant)', (_what, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });

  it('are inverse to each other (property)', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -3650, max: 3650 }), (d, n) => {
        fc.pre(d > '0011-01-01' && d < '9989-01-01');
        const later = addDays(d, n);
        expect(parseIsoDate(later).ok).toBe(true);
        expect(daysBetween(d, later)).toBe(n);
        expect(addDays(later, -n)).toBe(d);
        expect(later > d).toBe(n > 0); // ISO strings order like dates
      }),
    );
  });
});

describe('formatIsoDate', () => {
  it.each([
    ['2025-03-01T23:59:59.999Z', '2025-03-01'],
    ['2025-03-01T00:00:00.000Z', '2025-03-01'],
    ['2025-03-01T23:30:00-02:00', '2025-03-02'], // the UTC date, not the local one
    ['2024-02-29T12:00:00Z', '2024-02-29'],
    ['0050-07-04T12:00:00Z', '0050-07-04'],
  ])('takes the UTC calendar date of %s: %s', (instant, want) => {
    expect(formatIsoDate(new Date(instant))).toBe(want);
  });

  it.each([
    ['an invalid Date', new Date(Number.NaN)],
    ['a year past 9999', new Date('+010000-01-01T00:00:00Z')],
    ['a year before 0000', new Date('-000001-12-31T00:00:00Z')],
  ])('throws on %s: it has no YYYY-MM-DD form', (_what, instant) => {
    expect(() => formatIsoDate(instant)).toThrow(RangeError);
  });
});

describe('parseBusinessDate', () => {
  it.each([
    ['1900-01-01', true],
    ['2999-12-31', true],
    ['1899-12-31', false],
    ['3000-01-01', false],
    ['0001-01-01', false],
    ['2025-02-30', false],
  ])('%s is accepted: %s', (text, accepted) => {
    expect(parseBusinessDate(text).ok).toBe(accepted);
  });
});
