import { Client } from 'pg';

/** A connection of the test's own, beside the gateway's pool: to hold locks, watch pg_stat_activity or read rows raw. */
export async function sqlClient(url: string): Promise<Client> {
  const c = new Client({ connectionString: url });
  await c.connect();
  return c;
}
