import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { parseDecimalText, parseIsoDateText } from './scalar-parsing';

function bad(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function stringLiteral(ast: ValueNode, scalar: string): string {
  if (ast.kind !== Kind.STRING) throw bad(`${scalar} must be written as a string, e.g. "1250.00"; numbers are not exact`);
  return ast.value;
}

/**
 * Exact decimal as a string: "1250.00" for money (2 places), up to 4 places for
 * rates and percentages. JSON numbers, exponents and more than 4 places are
 * refused, so no amount ever passes through a binary float.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal as a string: 2 fraction digits for money ("1250.00"), up to 4 for rates ("12.5").',
  serialize: (v) => String(v),
  parseValue: (v) => {
    if (typeof v !== 'string') throw bad('Decimal must be a string such as "1250.00", never a JSON number');
    return parseDecimalText(v, bad);
  },
  parseLiteral: (ast) => parseDecimalText(stringLiteral(ast, 'Decimal'), bad),
});

/** A calendar date, YYYY-MM-DD (UTC). Impossible dates such as 2025-02-30 are refused. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (v) => String(v),
  parseValue: (v) => {
    if (typeof v !== 'string') throw bad('Date must be a string YYYY-MM-DD');
    return parseIsoDateText(v, bad);
  },
  parseLiteral: (ast) => parseIsoDateText(stringLiteral(ast, 'Date'), bad),
});

const ISO_DATETIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(v: string): Date {
  const m = ISO_DATETIME.exec(v);
  if (!m) throw bad('DateTime must be ISO-8601 with a time zone, e.g. 2025-01-31T09:30:00Z');
  parseIsoDateText(m[1], bad);
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4]) > 59) throw bad(`DateTime ${v} is not a real time`);
  return new Date(v);
}

/** An instant, ISO-8601; always answered in UTC. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, ISO-8601, answered in UTC (e.g. 2025-01-31T09:30:00.000Z).',
  serialize: (v) => (v instanceof Date ? v : new Date(v as string)).toISOString(),
  parseValue: (v) => {
    if (typeof v !== 'string') throw bad('DateTime must be an ISO-8601 string');
    return parseDateTime(v);
  },
  parseLiteral: (ast) => parseDateTime(stringLiteral(ast, 'DateTime')),
});
