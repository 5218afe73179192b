/**
 * What a database failure means for the client, from its SQLSTATE or the
 * driver's error: a transient conflict that the transaction helper retries
 * (deadlock, serialization failure), a wait that hit one of the timeouts
 * (busy: retry shortly), or a database that cannot be reached (unavailable:
 * retry later). Anything else is a bug and stays an internal error.
 */
export type DatabaseFaultCode = 'DATABASE_BUSY' | 'DATABASE_UNAVAILABLE';

export interface DatabaseFault {
  code: DatabaseFaultCode;
  /** For logs and metrics: which wait or failure it was. */
  reason: string;
}

const CONFLICTS: Record<string, string> = { '40P01': 'deadlock', '40001': 'serialization failure' };

const BUSY: Record<string, string> = {
  '55P03': 'lock timeout',
  '57014': 'statement timeout',
  '25P03': 'idle in transaction timeout',
  '53300': 'too many connections',
  '53400': 'configuration limit exceeded',
  ...CONFLICTS,
};

const UNAVAILABLE_SQLSTATE: Record<string, string> = {
  '57P01': 'server shut down',
  '57P02': 'server crashed',
  '57P03': 'server starting or stopping',
  '3D000': 'database does not exist',
};

const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /timeout exceeded when trying to connect/i,
  /Connection terminated due to connection timeout/i,
];

/** The error and every error it wraps. */
export function* errorChain(err: unknown): Generator<Record<string, unknown>> {
  let e: unknown = err;
  for (let i = 0; i < 5 && e && typeof e === 'object'; i++) {
    yield e as Record<string, unknown>;
    // MikroORM's `previous`, `cause`, GraphQL's `originalError`, and graphql-js's wrapper for a thrown non-Error (knex throws pg's plain connect error objects).
    const w = e as { previous?: unknown; cause?: unknown; originalError?: unknown; thrownValue?: unknown };
    const next = w.previous ?? w.cause ?? w.originalError ?? w.thrownValue;
    if (next === e) break;
    e = next;
  }
}

/** The SQLSTATE of a deadlock or serialization failure, which is worth running the whole transaction again for. */
export function transientConflict(err: unknown): string | null {
  for (const e of errorChain(err)) {
    if (typeof e.code === 'string' && e.code in CONFLICTS) return e.code;
  }
  return null;
}

/**
 * A posting the database refused because its date is in a closed period
 * (SQLSTATE LG002, raised by the ledger's trigger): the message, or null. The
 * services check the period first; this catches a write that raced a close.
 */
export function periodClosedByDatabase(err: unknown): string | null {
  for (const e of errorChain(err)) {
    if (e.code === 'LG002') return typeof e.message === 'string' ? e.message.replace(/^.* - /, '') : 'The date falls in a closed accounting period.';
  }
  return null;
}

export function databaseFault(err: unknown): DatabaseFault | null {
  for (const e of errorChain(err)) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (code in BUSY) return { code: 'DATABASE_BUSY', reason: BUSY[code] };
    if (code in UNAVAILABLE_SQLSTATE) return { code: 'DATABASE_UNAVAILABLE', reason: UNAVAILABLE_SQLSTATE[code] };
    if (code.startsWith('08')) return { code: 'DATABASE_UNAVAILABLE', reason: 'connection failure' };
    if (UNAVAILABLE_ERRNO.has(code)) return { code: 'DATABASE_UNAVAILABLE', reason: code };
    const message = typeof e.message === 'string' ? e.message : '';
    // knex (under MikroORM) gives up waiting for a free pool connection; MikroORM's DriverException keeps only its message.
    if (e.name === 'KnexTimeoutError' || /^Knex: Timeout acquiring a connection/.test(message)) return { code: 'DATABASE_BUSY', reason: 'no free pool connection' };
    if (UNAVAILABLE_MESSAGES.some((m) => m.test(message))) return { code: 'DATABASE_UNAVAILABLE', reason: 'connection lost' };
  }
  return null;
}

/** The message a client sees: what happened and what to do, nothing internal. */
export function faultMessage(fault: DatabaseFault): string {
  return fault.code === 'DATABASE_BUSY'
    ? `The database was too busy to answer in time (${fault.reason}); nothing was changed. Retry shortly.`
    : 'The database cannot be reached right now. Retry in a few seconds (a change sent as the connection was lost may or may not have been saved: read it back first).';
}
