import { Client } from 'pg';

/**
 * A connection of the test's own, beside the gateway's pool: to hold locks,
 * watch pg_stat_activity or read rows raw. A server stopped or restarted under
 * it (the fault tests do) fails its next query, not the test process.
 */
export async function sqlClient(url: string): Promise<Client> {
  const c = new Client({ connectionString: url });
  c.on('error', () => undefined);
  await c.connect();
  return c;
}
