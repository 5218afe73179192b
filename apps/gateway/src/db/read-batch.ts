import type { EntityManager } from '@mikro-orm/postgresql';

interface Pending {
  /** the statement with its parameters inlined, for the batch */
  sql: string;
  /** as given, for a statement that ends up alone */
  raw: { sql: string; params: unknown[] };
  resolve: (rows: unknown[]) => void;
  reject: (err: unknown) => void;
}

const batches = new WeakMap<EntityManager, Pending[]>();

/** A SELECT that locks, notifies or moves a sequence is not a plain read; belt and braces, as those run inside transactions. */
const SIDE_EFFECTS = /\bfor\s+(update|share|no\s+key\s+update|key\s+share)\b|\b(pg_notify|pg_advisory\w*|pg_try_advisory\w*|nextval|setval|set_config)\s*\(/i;

/**
 * Reads of one request that are issued in the same turn of the event loop go
 * to PostgreSQL in one round trip: one simple-protocol message holding every
 * statement, separated by semicolons, each answered by its own result set.
 *
 * A GraphQL page asks for its relations level by level: the customers, then
 * in one turn their owners, contacts, credit, orders, invoices and the count,
 * each batched by its DataLoader into one statement. Sent one after the
 * other, those are six round trips, and on a machine where the database
 * shares the cores each one is a context switch; sent together, one. The
 * statements stay the same (pg_stat_statements counts each), with their
 * visibility rules and parameters, inlined and escaped by MikroORM exactly as
 * for any other statement.
 *
 * Only plain SELECTs outside a transaction are gathered: a transaction's
 * statements run on its own connection in order, and PostgreSQL runs a
 * multi-statement message as one implicit transaction, so a write must never
 * share one with a statement that could fail. A failing statement fails
 * every read of its batch (they belong to one request, which then answers
 * with that error). Returns null when the statement is not for a batch.
 */
export function batchedRead<T>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> | null {
  if (em.isInTransaction() || !/^\s*select\b/i.test(sql) || SIDE_EFFECTS.test(sql)) return null;
  const text = em.getPlatform().formatQuery(sql, params as unknown[]);
  let pending = batches.get(em);
  if (!pending) {
    const batch: Pending[] = [];
    batches.set(em, batch);
    // After this turn's promise jobs and ticks, where DataLoaders dispatch their batches.
    setImmediate(() => {
      batches.delete(em);
      void flush(em, batch);
    });
    pending = batch;
  }
  const gathered = pending;
  return new Promise<T[]>((resolve, reject) => gathered.push({ sql: text, raw: { sql, params: [...params] }, resolve: resolve as (rows: unknown[]) => void, reject }));
}

async function flush(em: EntityManager, batch: Pending[]): Promise<void> {
  if (batch.length === 1) {
    // Alone: the ordinary path, with MikroORM's logging and error conversion.
    const [only] = batch;
    await em.execute<unknown[]>(only.raw.sql, only.raw.params as never[]).then(only.resolve, only.reject);
    return;
  }
  // The separator on a line of its own: a statement ending in a -- comment still ends where it should.
  const text = batch.map((p) => p.sql).join('\n;\n');
  try {
    const connection = em.getConnection();
    const started = Date.now();
    const results: { rows: unknown[] }[] = await connection.getKnex().raw(text);
    const logger = em.config.getLogger();
    if (logger.isEnabled('query')) logger.logQuery({ query: text, took: Date.now() - started, level: 'info' });
    batch.forEach((p, i) => p.resolve(results[i].rows));
  } catch (err) {
    const converted = em
      .getPlatform()
      .getExceptionConverter()
      .convertException(err as Error);
    for (const p of batch) p.reject(converted);
  }
}
