import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { databaseFault, faultMessage } from '../db/database-faults';

/** Errors that reach clients as GraphQL errors with `extensions.code`. */
export function unauthenticated(message = 'Sign in first: send Authorization: Bearer <token>.', httpStatus?: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', ...(httpStatus ? { http: { status: httpStatus } } : {}) } });
}

export function forbidden(message = 'Your role may not read this.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export function badUserInput(message: string, field?: string[]): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
}

const CLIENT_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // Cost limits (cost-guard.ts): over the per-query maximum, over the viewer's budget.
  'QUERY_TOO_COSTLY',
  'RATE_LIMITED',
]);

/**
 * Error masking: errors we raised on purpose pass through with their code; anything
 * else (a bug, a lost database) becomes INTERNAL_SERVER_ERROR with no message
 * detail and no stack trace. The original is logged by the caller.
 */
export function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code as string | undefined;
  // type-graphql's argument validation and our scalars' parse errors are the client's fault.
  if (code && CLIENT_CODES.has(code)) {
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // A database that is busy (a timeout) or unreachable: a clear, retryable code, never INTERNAL_SERVER_ERROR.
  // (Apollo has already labelled an unknown error INTERNAL_SERVER_ERROR by now.)
  const fault = code === undefined || code === 'INTERNAL_SERVER_ERROR' ? databaseFault(original) : null;
  if (fault) return { message: faultMessage(fault), locations: formatted.locations, path: formatted.path, extensions: { code: fault.code, retryable: true } };
  if (original instanceof GraphQLError && !original.originalError && code === undefined) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
  }
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** True when an error is one we mask (and so must log with its stack). */
export function isUnexpected(formatted: GraphQLFormattedError, error?: unknown): boolean {
  const code = formatted.extensions?.code as string | undefined;
  if ((!code || code === 'INTERNAL_SERVER_ERROR') && error !== undefined && databaseFault(unwrapResolverError(error))) return false;
  return !code || !CLIENT_CODES.has(code);
}
