import cors from 'cors';
import type { RequestHandler } from 'express';

/** What a browser client may send: JSON, the bearer token, and the headers that pass Apollo's CSRF prevention. */
export const CORS_ALLOWED_HEADERS = ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id'];

/**
 * CORS for /graphql, mounted before everything else there so that a browser's
 * preflight (OPTIONS) gets its answer instead of Apollo's CSRF refusal. Only the
 * configured origins (CORS_ORIGINS; `*` outside production) are named in
 * Access-Control-Allow-Origin; with none, no other origin may read an answer.
 * No credentials: the API authenticates with a bearer token, never a cookie.
 */
export function corsFor(origins: readonly string[]): RequestHandler {
  return cors({
    origin: origins.includes('*') ? '*' : [...origins],
    methods: ['GET', 'POST'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    maxAge: 600,
  });
}
