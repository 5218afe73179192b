import { databaseFault, errorChain } from './database-faults';

/**
 * A database that the configuration names but that cannot be used: it does
 * not exist, cannot be reached, does not answer, or refuses the credentials.
 * main.ts prints the message on one line, without a stack, and exits 2, like
 * any other configuration fault: it is the operator's to fix, not a crash.
 */
export class DatabaseConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseConfigError';
  }
}

/** host:port/database of a postgres:// URL, never its password. */
export function describeDatabase(url: string): { where: string; database: string; user: string } {
  try {
    const u = new URL(url);
    return { where: `${u.hostname}:${u.port || '5432'}`, database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres', user: decodeURIComponent(u.username) };
  } catch {
    return { where: 'the configured server', database: '(unparsable DATABASE_URL)', user: '' };
  }
}

/** Turns a failure to open or migrate the configured database into a message an operator can act on, or null when it is something else. */
export function databaseConfigError(url: string, err: unknown, connectTimeoutMs: number): DatabaseConfigError | null {
  const { where, database, user } = describeDatabase(url);
  const codes = [...errorChain(err)].map((e) => e.code).filter((c): c is string => typeof c === 'string');
  const message = err instanceof Error ? err.message : String(err);
  if (codes.includes('3D000'))
    return new DatabaseConfigError(`database "${database}" does not exist on ${where} (DATABASE_URL); create it (createdb ${database}) or fix the name — it is never created silently`);
  if (codes.includes('28P01') || codes.includes('28000')) return new DatabaseConfigError(`PostgreSQL on ${where} refused the credentials of user "${user}" for database "${database}" (DATABASE_URL)`);
  // pg's words for a connection attempt that got no answer in connectionTimeoutMillis.
  if (/timeout expired|connection timeout|timeout exceeded when trying to connect/i.test(message))
    return new DatabaseConfigError(`PostgreSQL on ${where} did not answer within ${Math.round(connectTimeoutMs / 1000)} s for database "${database}" (DATABASE_URL, DB_CONNECT_TIMEOUT_MS)`);
  const fault = databaseFault(err);
  if (fault?.code === 'DATABASE_UNAVAILABLE') return new DatabaseConfigError(`cannot reach PostgreSQL on ${where} for database "${database}" (DATABASE_URL): ${fault.reason}`);
  return null;
}
