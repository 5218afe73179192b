import { checkDocumentDate, DEFAULT_BACKDATING_DAYS } from './document-dates';

const today = '2025-06-30';
const check = (date: string, days?: number) => checkDocumentDate({ date, today, what: 'An order', field: ['input', 'orderDate'] }, days);

describe('checkDocumentDate', () => {
  it.each([
    ['today', today, true],
    ['yesterday', '2025-06-29', true],
    ['exactly a year back', '2024-06-30', true],
    ['a year and a day back', '2024-06-29', false],
    ['tomorrow', '2025-07-01', false],
  ])('%s is %s', (_what, date, accepted) => {
    expect(check(date).ok).toBe(accepted);
  });

  it('names the field and the earliest date allowed', () => {
    expect(check('2020-01-01')).toEqual({
      ok: false,
      code: 'BAD_USER_INPUT',
      field: ['input', 'orderDate'],
      details: { earliest: '2024-06-30' },
      message: 'An order cannot be dated more than 365 days back (before 2024-06-30).',
    });
    expect(check('2025-07-01')).toMatchObject({ code: 'BAD_USER_INPUT', message: 'An order cannot be dated in the future.' });
  });

  it('follows a configured window, down to today only', () => {
    expect(check('2025-06-29', 0).ok).toBe(false);
    expect(check('2025-05-31', 30).ok).toBe(true);
    expect(DEFAULT_BACKDATING_DAYS).toBe(365);
    expect(() => check(today, -1)).toThrow(RangeError);
  });
});
