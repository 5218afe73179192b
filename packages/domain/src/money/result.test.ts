import { ok, refuse, USER_ERROR_CODES, USER_ERROR_MEANINGS } from './result';

it('lists the contract’s refusal codes, and the sign-in ones, each with its meaning', () => {
  expect([...USER_ERROR_CODES].sort()).toEqual(
    [
      'BAD_USER_INPUT',
      'NOT_FOUND',
      'FORBIDDEN',
      'CONFLICT',
      'CREDIT_LIMIT_EXCEEDED',
      'CREDIT_HOLD',
      'INSUFFICIENT_STOCK',
      'INVALID_TRANSITION',
      'NOTHING_TO_INVOICE',
      'PERIOD_CLOSED',
      'INVALID_CREDENTIALS',
      'TOO_MANY_ATTEMPTS',
    ].sort(),
  );
  for (const code of USER_ERROR_CODES) expect(USER_ERROR_MEANINGS[code].length).toBeGreaterThan(10);
});

it('wraps a yes with its value', () => {
  expect(ok({ id: 1 })).toEqual({ ok: true, value: { id: 1 } });
});

describe('refuse', () => {
  it.each([
    ['a bare refusal', ['CONFLICT', 'taken'], { ok: false, code: 'CONFLICT', message: 'taken' }],
    ['a field path with numbers as strings', ['BAD_USER_INPUT', 'bad', ['lines', 0, 'quantity']], { ok: false, code: 'BAD_USER_INPUT', message: 'bad', field: ['lines', '0', 'quantity'] }],
    ['an empty field path', ['BAD_USER_INPUT', 'bad', []], { ok: false, code: 'BAD_USER_INPUT', message: 'bad', field: [] }],
    ['details', ['NOT_FOUND', 'gone', ['lines', 0], { id: 'x' }], { ok: false, code: 'NOT_FOUND', message: 'gone', field: ['lines', '0'], details: { id: 'x' } }],
    ['details without a field', ['NOT_FOUND', 'gone', undefined, { id: 'x' }], { ok: false, code: 'NOT_FOUND', message: 'gone', details: { id: 'x' } }],
  ] as const)('builds %s', (_what, args, want) => {
    const r = refuse(...(args as unknown as Parameters<typeof refuse>));
    expect(r).toStrictEqual(want);
  });
});
