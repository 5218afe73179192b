import type { TestGateway } from './test-app';

/**
 * From now on, pushes every SQL text the gateway's pool sends into `sent` (a
 * batch of reads, db/read-batch.ts, is one text), after stopping the alert
 * hub, whose catch-up poll would otherwise use the pool too. Set
 * ALERT_SCAN_INTERVAL_MS high as well, so no scan runs meanwhile.
 */
export async function recordStatements(gw: TestGateway, sent: string[]): Promise<void> {
  await gw.app.services.alertHub.stop();
  gw.app.orm.em
    .getConnection()
    .getKnex()
    .on('query', (q: { sql: string }) => sent.push(q.sql));
}
