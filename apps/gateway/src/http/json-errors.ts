import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from '../logger';

/**
 * Whatever goes wrong at the HTTP level, a client reads the one error shape it
 * already parses for GraphQL, `{ errors: [{ message, extensions: { code } }] }`,
 * with a 4xx status: never express's HTML page, which shows a stack trace
 * outside production.
 */
export function sendJsonError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** The body limit of POST /graphql, 1 MiB: the largest contract operation with its variables is a few kilobytes. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

const SHAPE = 'Send a JSON object: {"query": "...", "variables": {...}, "operationName": "..."}.';

/** body-parser's refusals by their `type`, in the client's terms. */
const BODY_REFUSALS: Record<string, { status: number; code: string; message: string }> = {
  'entity.parse.failed': { status: 400, code: 'BAD_REQUEST', message: `The request body is not a JSON object. ${SHAPE}` },
  'entity.too.large': { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `The request body is over the limit of ${BODY_LIMIT_BYTES} bytes (1 MiB).` },
  'charset.unsupported': { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The request body must be UTF-8 JSON (content-type: application/json; charset=utf-8).' },
  'encoding.unsupported': { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the request body uncompressed, or with content-encoding gzip, deflate or br.' },
};

const ALLOWED = 'GET, POST, OPTIONS';

/**
 * In front of Apollo on /graphql: GET and POST only, and a POST body in JSON.
 * Apollo would answer a text/plain or form POST with its CSRF refusal, or with
 * "POST body missing" once the preflight header is added; 415 says what to fix.
 */
export const graphqlRequestShape: RequestHandler = (req, res, next) => {
  if (req.method !== 'GET' && req.method !== 'POST') {
    res.set('allow', ALLOWED);
    sendJsonError(res, 405, 'BAD_REQUEST', `${req.method} is not served on /graphql: send a POST with a JSON body, or a GET for a query.`);
    return;
  }
  if (req.method === 'POST' && !req.is('application/json')) {
    sendJsonError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', `A POST to /graphql needs content-type: application/json. ${SHAPE}`);
    return;
  }
  next();
};

/** Every path nothing else answered. */
export const jsonNotFound: RequestHandler = (req, res) => {
  sendJsonError(res, 404, 'NOT_FOUND', `Nothing is served at ${req.method} ${req.path.slice(0, 100)}: the API is POST /graphql (graphql-ws on the same URL).`);
};

function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { status, statusCode } = err as { status?: unknown; statusCode?: unknown };
  const value = status ?? statusCode;
  return typeof value === 'number' ? value : undefined;
}

/**
 * Replaces express's default error handler for every path. A request the client
 * got wrong (body-parser's 4xx) is logged at info without its body; anything else
 * is a bug, logged with its stack and answered 500 with no detail.
 */
export function jsonErrorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const status = statusOf(err);
    const type = (err as { type?: unknown })?.type;
    if (res.headersSent) {
      // Too late for an answer: the client sees the connection end.
      log.error({ err, method: req.method, path: req.path }, 'error after the response started');
      req.socket.destroy();
      return;
    }
    if (status !== undefined && status >= 400 && status < 500) {
      const known = typeof type === 'string' ? BODY_REFUSALS[type] : undefined;
      const refusal = known ?? { status, code: status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST', message: 'The request body could not be read.' };
      log.info({ status: refusal.status, type, method: req.method, path: req.path }, 'HTTP request refused');
      if (refusal.status === 413) {
        // The body was refused unread: discard the rest as it arrives (bounded by the server's
        // request timeout) so a client still uploading gets this answer instead of a stalled
        // socket, and close the connection after it.
        res.set('Connection', 'close');
        req.resume();
      }
      sendJsonError(res, refusal.status, refusal.code, refusal.message);
      return;
    }
    log.error({ err, method: req.method, path: req.path }, 'unexpected HTTP error (masked for the client)');
    sendJsonError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  };
}
